package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/build"
	"github.com/timeline-project/timeline/timeline/parallel"
)

// maxSourceSize is the largest source file read; a news article is a
// few dozen kilobytes, and a larger file is skipped with a warning.
const maxSourceSize = 32 << 20

// maxSources is the most sources of one story: 100,000 build in about a
// minute and 1.1 GB here, and a chronology of more is no longer one a
// reader can follow. The files after the first maxSources, in the order
// of their names, are skipped with a warning each.
const maxSources = 100_000

// folderFile is a file of the source folder that may be read.
type folderFile struct {
	name, path string
	err        error
	// link is true for a symbolic link: its target may change where no
	// watcher of the folder sees it.
	link bool
}

// limitSources marks every source file after the first limit, in order,
// as skipped, and returns how many it marked. site.md and sidecars do
// not count.
func limitSources(files []folderFile, limit int) int {
	n, over := 0, 0
	for i, f := range files {
		if f.err != nil || isYAML(f.name) || f.name == timeline.SiteFile {
			continue
		}
		if n++; n > limit {
			files[i].err = fmt.Errorf("over the limit of %d sources a story: left out (split the story into several folders)", limit)
			over++
		}
	}
	return over
}

// readFolder reads the sources of a source folder and its site.md,
// recursively, skipping hidden files and folders. A file that cannot be
// read becomes a problem, not an error: the build goes on without it.
// The inputs are in the order of their names; the files are read in
// parallel.
func readFolder(dir string) ([]timeline.Input, []build.Problem, error) {
	return (&folderReader{}).read(dir)
}

// fileStamp is a file as a folderReader last read it: its size, its
// time of change and its bytes.
type fileStamp struct {
	size    int64
	modTime time.Time
	data    []byte
}

// racyWindow is how long before a read a file must have changed for
// its size and time of change to vouch for its bytes at the next read:
// some file systems keep times of change to the second or two, so a
// file written again within that time may keep both.
const racyWindow = 3 * time.Second

// folderReader reads a source folder again and again, as serve does:
// a file whose size and time of change are those it had at the last
// read, and that had not changed just before it, is not read again;
// its bytes are those read then.
type folderReader struct {
	// now is the clock; nil reads every file each time.
	now func() time.Time
	// seen are the files of the last read, by path, and readAt when it
	// began.
	seen   map[string]fileStamp
	readAt time.Time
	// changed, when not nil, names the only files (relative to the
	// folder, with slashes) that changed since the last read, as a
	// watcher of the folder tells (see trust), unless unsure: the next
	// read takes the others' stamps and bytes without asking the system
	// again. Both are for that read only.
	changed map[string]bool
	unsure  bool
}

// trust tells the next read that the files changed since the last one
// are among changed, when sure (a watcher that lost nothing); when not
// sure, the next read looks at every file. What several calls tell
// before a read adds up.
func (fr *folderReader) trust(changed map[string]bool, sure bool) {
	fr.unsure = fr.unsure || !sure
	if fr.changed == nil {
		fr.changed = map[string]bool{}
	}
	for name := range changed {
		fr.changed[name] = true
	}
}

// vouched reports whether a watcher vouches that the file f did not
// change since the last read, which read it when it had not changed
// just before: its stamp and bytes are then those of that read. A link
// is never vouched for: its target may change where no watcher of the
// folder sees it.
func (fr *folderReader) vouched(f folderFile) (fileStamp, bool) {
	was, ok := fr.seen[f.path]
	if !ok || fr.changed == nil || fr.unsure || fr.changed[f.name] || f.link || !was.modTime.Before(fr.readAt.Add(-racyWindow)) {
		return fileStamp{}, false
	}
	return was, true
}

// read reads the folder dir: see readFolder.
func (fr *folderReader) read(dir string) ([]timeline.Input, []build.Problem, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read source folder: %w", err)
	}
	if !info.IsDir() {
		return nil, nil, fmt.Errorf("read source folder: %s is not a folder", dir)
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read source folder: %w", err)
	}
	files, err := sourceFilesIn(dir, root)
	if err != nil {
		return nil, nil, err
	}
	files = keepSidecarsOfSources(files, func(f folderFile) string { return f.name })
	limitSources(files, maxSources)
	data := fr.readFiles(files)
	var inputs []timeline.Input
	var problems []build.Problem
	sidecars := map[string][]byte{}
	for i, f := range files {
		switch {
		case f.err != nil:
			problems = append(problems, build.Problem{File: f.name, Err: f.err, Skipped: true})
		case isYAML(f.name):
			sidecars[f.name] = data[i]
		default:
			inputs = append(inputs, timeline.Input{Name: f.name, Data: data[i]})
		}
	}
	for i, in := range inputs {
		if side, ok := sidecars[timeline.SidecarName(in.Name)]; ok && in.Name != timeline.SiteFile {
			inputs[i].Sidecar = side
		}
	}
	return inputs, problems, nil
}

// sourceFilesIn lists the files of the folder dir, whose real path is
// root, that a story reads: its sources, its site file and their
// sidecars, but hidden files and folders; a file that cannot be listed,
// or a link that leads out of root, with its error.
func sourceFilesIn(dir, root string) ([]folderFile, error) {
	var files []folderFile
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		name := filepath.ToSlash(rel)
		if err != nil {
			files = append(files, folderFile{name: name, err: err})
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && (timeline.IsSourceName(name) || name == timeline.SiteFile || isYAML(name)) {
			f := folderFile{name: name, path: p}
			if d.Type()&fs.ModeSymlink != 0 {
				f.link, f.err = true, linkInside(root, p)
			}
			files = append(files, f)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read source folder %s: %w", dir, err)
	}
	return files, nil
}

// readFiles returns the bytes of every file without an error, in
// parallel, setting the error of those that cannot be read; it keeps
// their stamps for the next read when fr has a clock.
func (fr *folderReader) readFiles(files []folderFile) [][]byte {
	var start time.Time
	if fr.now != nil {
		start = fr.now()
	}
	data := make([][]byte, len(files))
	stamps := make([]fileStamp, len(files))
	parallel.For(len(files), func(i int) {
		if files[i].err == nil {
			data[i], stamps[i], files[i].err = fr.readFile(files[i])
		}
	})
	fr.changed, fr.unsure = nil, false
	if fr.now == nil {
		return data
	}
	fr.seen = make(map[string]fileStamp, len(files))
	for i, f := range files {
		if f.err == nil {
			fr.seen[f.path] = stamps[i]
		}
	}
	fr.readAt = start
	return data
}

// readFile returns the bytes of the file f, as readSourceFile does, or
// those of the last read: when a watcher vouches that it did not change
// since (see vouched), or when its stamp does and the watcher, if any,
// does not tell that it changed.
func (fr *folderReader) readFile(f folderFile) ([]byte, fileStamp, error) {
	if was, ok := fr.vouched(f); ok {
		return was.data, was, nil
	}
	info, err := sourceFileInfo(f.path)
	if err != nil {
		return nil, fileStamp{}, err
	}
	st := fileStamp{size: info.Size(), modTime: info.ModTime()}
	if was, ok := fr.seen[f.path]; ok && was.size == st.size && was.modTime.Equal(st.modTime) &&
		st.modTime.Before(fr.readAt.Add(-racyWindow)) && !fr.changed[f.name] {
		st.data = was.data
		return st.data, st, nil
	}
	st.data, err = readRegularFile(f.path)
	return st.data, st, err
}

// sourceFileInfo returns what the file at p is, refusing what is not a
// regular file or is over maxSourceSize.
func sourceFileInfo(p string) (fs.FileInfo, error) {
	return regularFileInfo(p, maxSourceSize, "a source")
}

// regularFileInfo returns what the file at p is (a link followed),
// refusing what is not a regular file or is over limit bytes for what
// it is to be read as. A FIFO or a device is refused before it is
// opened: opening a FIFO waits for a writer, a device may never end.
func regularFileInfo(p string, limit int64, what string) (fs.FileInfo, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", info.Mode().Type())
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("%d MB is over the limit of %d MB for %s", info.Size()>>20, limit>>20, what)
	}
	return info, nil
}

// isYAML reports whether a file of the folder may be a source's
// sidecar.
func isYAML(name string) bool { return strings.HasSuffix(name, ".yaml") }

// keepSidecarsOfSources drops the YAML files that are no source's
// sidecar: a folder may hold other YAML, which is not read.
func keepSidecarsOfSources[T any](files []T, name func(T) string) []T {
	wanted := map[string]bool{}
	for _, f := range files {
		if n := name(f); !isYAML(n) && n != timeline.SiteFile {
			wanted[timeline.SidecarName(n)] = true
		}
	}
	kept := files[:0]
	for _, f := range files {
		if n := name(f); !isYAML(n) || wanted[n] {
			kept = append(kept, f)
		}
	}
	return kept
}

// linkInside refuses a link that leads out of the source folder root
// (its real path): the site would publish a file the folder does not
// hold.
func linkInside(root, p string) error {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(root, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("a link to %s, outside the source folder", target)
	}
	return nil
}

// readSourceFile reads a regular file of at most maxSourceSize bytes.
// What is not a regular file (a FIFO, a device) is refused before it is
// opened: opening a FIFO would wait for a writer.
func readSourceFile(p string) ([]byte, error) {
	if _, err := sourceFileInfo(p); err != nil {
		return nil, err
	}
	return readRegularFile(p)
}

// readRegularFile reads the file at p, which sourceFileInfo found to be
// a regular file of a size within the limit, checking again once it is
// open: it may have been replaced since.
func readRegularFile(p string) ([]byte, error) {
	return readRegularFileUpTo(p, maxSourceSize)
}

// readRegularFileUpTo reads the file at p, a regular file of at most
// limit bytes, checking again once it is open that it is one: it may
// have been replaced since it was looked at.
func readRegularFileUpTo(p string, limit int) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", info.Mode().Type())
	}
	// The size read may have changed since: read up to the limit and
	// one byte more, into a buffer of the size told.
	data := make([]byte, 0, min(info.Size(), int64(limit))+1)
	for len(data) <= limit {
		if len(data) == cap(data) {
			data = slices.Grow(data, min(len(data)+512, limit+1-len(data)))
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if len(data) > limit {
		return nil, fmt.Errorf("grew over the limit of %d MB while being read", limit>>20)
	}
	return data, nil
}
