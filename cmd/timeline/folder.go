package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/timeline-project/timeline/timeline"
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
func readFolder(dir string) ([]timeline.Input, []timeline.Problem, error) {
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
	var files []folderFile
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
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
				f.err = linkInside(root, p)
			}
			files = append(files, f)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read source folder %s: %w", dir, err)
	}
	files = keepSidecarsOfSources(files, func(f folderFile) string { return f.name })
	limitSources(files, maxSources)
	data := make([][]byte, len(files))
	parallel(len(files), func(i int) {
		if files[i].err == nil {
			data[i], files[i].err = readSourceFile(files[i].path)
		}
	})
	var inputs []timeline.Input
	var problems []timeline.Problem
	sidecars := map[string][]byte{}
	for i, f := range files {
		switch {
		case f.err != nil:
			problems = append(problems, timeline.Problem{File: f.name, Err: f.err, Skipped: true})
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
	info, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", info.Mode().Type())
	}
	if info.Size() > maxSourceSize {
		return nil, fmt.Errorf("%d MB is over the limit of %d MB for a source", info.Size()>>20, maxSourceSize>>20)
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", info.Mode().Type())
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSourceSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxSourceSize {
		return nil, fmt.Errorf("grew over the limit of %d MB while being read", maxSourceSize>>20)
	}
	return data, nil
}
