package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/timeline-project/timeline/site"
	"github.com/timeline-project/timeline/timeline/parallel"
)

// The site is written whole or not at all: into a new folder beside the
// output folder, which then takes the output folder's place, so that an
// interrupted or failed build leaves the previous site as it was. Files
// of the output folder that the tool did not write (a CNAME, a note)
// are carried into the new folder, folders with their modes and owners;
// files it wrote last time and writes no more are not, unless changed
// since (a page the user edited: kept, with a warning). What it wrote
// is kept in the manifest, in the cache folder beside the output
// folder; without a manifest, every file it does not write now is kept.
// A file the new site replaces that the tool did not write as it stands
// (the user's own index.html, a page edited since) is set aside in the
// kept folder beside the cache, with a warning: nothing of the user's
// is lost. A page whose key (site.Page.Key: what it is made from) is
// the one the manifest gives, and whose file is as the tool left it, is
// not rendered again but linked from the current site. outfolder.go
// checks the folder and locks it first.

// manifestKey marks a cache blob as a manifest: which files the tool
// wrote, with their SHA-256, the keys they were made from, and their
// size and time of change when written. It does not depend on the
// program's version: what was written is a fact. The keys do (see
// pageKey).
const manifestKey = "timeline site manifest 2"

// manifest maps the path of every file of the site, with forward
// slashes, to what the tool wrote there.
type manifest map[string]written

// written is what the tool wrote at a path of the site.
type written struct {
	// hash is the SHA-256 of the bytes.
	hash inputKey
	// page is the key of what the page was made from, as pageKey gives
	// it.
	page site.Key
	// size and modTime (Unix nanoseconds) are the file's when written:
	// a file changed since is rendered again.
	size, modTime int64
}

// writtenSize is the size of an encoded written, before the path.
const writtenSize = 2*sha256.Size + 16

// appendWritten encodes w and the path.
func appendWritten(b []byte, w written, path string) []byte {
	b = append(b, w.page[:]...)
	b = binary.LittleEndian.AppendUint64(b, uint64(w.size))
	b = binary.LittleEndian.AppendUint64(b, uint64(w.modTime))
	return append(b, path...)
}

// manifestPath returns the path of the manifest of out.
func manifestPath(out string) (string, error) {
	dir, err := cacheDir(out)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, filepath.Base(filepath.Clean(out))+".site"), nil
}

// lockPath returns the path of the lock of out, in its cache folder,
// which it makes when missing.
func lockPath(out string) (string, error) {
	dir, err := cacheDir(out)
	if err != nil {
		return "", fmt.Errorf("lock output folder: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("lock output folder: %w", err)
	}
	return filepath.Join(dir, filepath.Base(filepath.Clean(out))+".lock"), nil
}

// keptDirName names the folder where a build sets aside the files of
// out that the new site replaces and the tool did not write: in the
// cache folder, never published.
func keptDirName(out string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(out)), cacheDirName, filepath.Base(filepath.Clean(out))+".kept")
}

// loadManifest reads the manifest of out; nil when there is none or it
// cannot be trusted.
func loadManifest(out string) manifest {
	p, err := manifestPath(out)
	if err != nil {
		return nil
	}
	entries, _ := loadCache(p, manifestKey)
	if entries == nil {
		return nil
	}
	m := make(manifest, len(entries))
	for hash, data := range entries {
		if len(data) <= writtenSize-sha256.Size {
			return nil
		}
		w := written{hash: hash}
		copy(w.page[:], data)
		w.size = int64(binary.LittleEndian.Uint64(data[sha256.Size:]))
		w.modTime = int64(binary.LittleEndian.Uint64(data[sha256.Size+8:]))
		m[string(data[sha256.Size+16:])] = w
	}
	return m
}

// saveManifest writes the manifest of out.
func saveManifest(out string, m manifest) error {
	p, err := manifestPath(out)
	if err != nil {
		return err
	}
	entries := make([]blobEntry, 0, len(m))
	for path, w := range m {
		entries = append(entries, blobEntry{key: w.hash, data: appendWritten(nil, w, path)})
	}
	return saveCache(p, manifestKey, entries)
}

// writeSite renders pages and writes them as the site in the output
// folder of, whole: see the top of this file. It returns the manifest of
// the new site and warnings about the user's files: set aside, or kept
// though changed. onRender, when not nil, is called with the path of
// every page rendered.
func writeSite(of *outputFolder, pages []site.Page, prog *progress, onRender func(path string)) (manifest, []string, error) {
	target, prev := of.target, of.prev
	parent, base := filepath.Dir(target), filepath.Base(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, nil, fmt.Errorf("write site: %w", err)
	}
	removeLeftovers(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".timeline-new-")
	if err != nil {
		return nil, nil, fmt.Errorf("write site: %w", err)
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	k := &keeper{dir: keptDirName(of.out)}
	mode := fs.FileMode(0o755)
	info, err := os.Stat(target)
	if err == nil {
		mode = info.Mode()
	}
	if err := keepModeAndOwner(tmp, mode, info, k); err != nil {
		return nil, nil, err
	}
	next, err := writePages(tmp, target, pages, prev, prog, onRender, k)
	if err != nil {
		return nil, nil, err
	}
	if err := carryOver(target, tmp, next, prev, k); err != nil {
		return nil, nil, err
	}
	if err := swapIn(tmp, target, k); err != nil {
		return nil, nil, err
	}
	done = true
	return next, k.warnings, nil
}

// outputTarget returns the folder to replace for out: out itself, or
// the folder it links to.
func outputTarget(out string) (string, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", fmt.Errorf("write site: %w", err)
	}
	info, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return abs, nil
	case err != nil:
		return "", fmt.Errorf("write site: %w", err)
	case info.Mode()&fs.ModeSymlink != 0:
		real, err := filepath.EvalSymlinks(abs)
		if err != nil {
			return "", fmt.Errorf("write site: %w", err)
		}
		return outputTarget(real)
	case !info.IsDir():
		return "", fmt.Errorf("write site: %s is not a folder", out)
	}
	return abs, nil
}

// removeLeftovers removes the folders an interrupted build left beside
// the output folder.
func removeLeftovers(parent, base string) {
	for _, kind := range []string{".timeline-new-*", ".timeline-old-*"} {
		matches, _ := filepath.Glob(filepath.Join(parent, "."+base+kind))
		for _, m := range matches {
			os.RemoveAll(m)
		}
	}
}

// writePages writes the pages into the new folder dir. A page whose
// key is the one the manifest prev gives for its path, and whose file the
// current site old still holds as the tool wrote it, is linked from
// there and not rendered; so is a page rendered to the bytes prev gives.
func writePages(dir, old string, pages []site.Page, prev manifest, prog *progress, onRender func(path string), k *keeper) (manifest, error) {
	var mu sync.Mutex
	rendered := func(path string) {
		if onRender != nil {
			mu.Lock()
			onRender(path)
			mu.Unlock()
		}
	}
	entries := make([]written, len(pages))
	errs := make([]error, len(pages))
	mkdir := folderMaker(dir)
	var done atomic.Int64
	order := make([]int, 0, len(pages))
	for _, large := range []bool{true, false} {
		for i, pg := range pages {
			if pg.Large() == large {
				order = append(order, i)
			}
		}
	}
	parallel.For(len(pages), func(n int) {
		defer func() { prog.update("wrote", "files", int(done.Add(1)), len(pages)) }()
		i := order[n]
		pg := pages[i]
		p := filepath.Join(dir, filepath.FromSlash(pg.Path))
		if !strings.HasPrefix(p, dir+string(filepath.Separator)) {
			errs[i] = fmt.Errorf("write site: %s is outside the site", pg.Path)
			return
		}
		if err := mkdir(filepath.Dir(p)); err != nil {
			errs[i] = fmt.Errorf("write site: %w", err)
			return
		}
		entries[i], errs[i] = writePage(p, filepath.Join(old, filepath.FromSlash(pg.Path)), pg, prev, rendered, k)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	next := make(manifest, len(pages))
	for i, pg := range pages {
		next[pg.Path] = entries[i]
	}
	return next, nil
}

// writePage writes the page pg at p, linking the file at old when it
// holds what the page would: see writePages. A file at old that the
// tool did not write as it stands, and that differs from the page, is
// set aside by k.
func writePage(p, old string, pg site.Page, prev manifest, rendered func(path string), k *keeper) (written, error) {
	key := pageKey(pg)
	was, had := prev[pg.Path]
	if had && was.page == key && unchanged(old, was) && os.Link(old, p) == nil {
		return was, nil
	}
	w, err := renderPage(p, old, pg, key, was, had, rendered)
	if err != nil {
		return written{}, err
	}
	if err := keepReplaced(old, pg.Path, was, had, w.hash, k); err != nil {
		return written{}, err
	}
	return w, nil
}

// renderPage renders the page pg at p, linking the file at old when its
// bytes are those the manifest's entry was gives for it (had) and it is
// as the tool left it.
func renderPage(p, old string, pg site.Page, key site.Key, was written, had bool, rendered func(path string)) (written, error) {
	rendered(pg.Path)
	var w written
	if pg.Large() {
		// A story-wide file of 100 MB is written as it is rendered.
		hash, err := streamPage(p, pg)
		if err != nil {
			return written{}, err
		}
		w = written{hash: hash, page: key}
	} else {
		data, err := pg.Render()
		if err != nil {
			return written{}, err
		}
		w = written{hash: sha256.Sum256(data), page: key}
		if !(had && was.hash == w.hash && unchanged(old, was) && os.Link(old, p) == nil) {
			if err := os.WriteFile(p, data, 0o644); err != nil {
				return written{}, fmt.Errorf("write site: %w", err)
			}
		}
	}
	info, err := os.Lstat(p)
	if err != nil {
		return written{}, fmt.Errorf("write site: %w", err)
	}
	w.size, w.modTime = info.Size(), info.ModTime().UnixNano()
	return w, nil
}

// streamPage writes the page pg at p as it renders it and returns the
// SHA-256 of its bytes.
func streamPage(p string, pg site.Page) (hash [sha256.Size]byte, err error) {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return hash, fmt.Errorf("write site: %w", err)
	}
	h := sha256.New()
	bw := bufio.NewWriterSize(io.MultiWriter(f, h), 1<<20)
	_, err = pg.WriteTo(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("write site: %w", cerr)
	}
	if err != nil {
		return hash, err
	}
	h.Sum(hash[:0])
	return hash, nil
}

// pageKey returns the key of what pg is made from, for this program
// only: site keys compare only between runs of one program, and a
// manifest written by another must not spare a page.
func pageKey(pg site.Page) site.Key {
	k := pg.Key()
	h := sha256.New()
	h.Write([]byte(toolKey()))
	h.Write(k[:])
	var out site.Key
	h.Sum(out[:0])
	return out
}

// unchanged reports whether the file at p is a regular file of the size
// and time of change w gives: as the tool wrote it.
func unchanged(p string, w written) bool {
	info, err := os.Lstat(p)
	return err == nil && unchangedInfo(info, w)
}

// unchangedInfo reports whether the file info describes is a regular
// file of the size and time of change w gives.
func unchangedInfo(info fs.FileInfo, w written) bool {
	return info.Mode().IsRegular() && info.Size() == w.size && info.ModTime().UnixNano() == w.modTime
}

// folderMaker returns a function that makes a folder and its parents
// once, safe to call concurrently; dir exists already.
func folderMaker(dir string) func(d string) error {
	var mu sync.Mutex
	made := map[string]bool{dir: true}
	return func(d string) error {
		mu.Lock()
		defer mu.Unlock()
		if made[d] {
			return nil
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		made[d] = true
		return nil
	}
}

// swapIn puts the new folder dir in the place of target, and removes
// the folder it replaces. Once the new site is in place the build is
// done: a folder that cannot be removed whole is a warning.
func swapIn(dir, target string, k *keeper) error {
	if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(dir, target); err != nil {
			return fmt.Errorf("write site: %w", err)
		}
		return nil
	}
	old := dir
	if err := exchange(dir, target); err != nil {
		// No atomic exchange here: two renames, with the old site kept
		// beside until the new one is in place.
		old = filepath.Join(filepath.Dir(dir), strings.Replace(filepath.Base(dir), ".timeline-new-", ".timeline-old-", 1))
		if err := os.Rename(target, old); err != nil {
			return fmt.Errorf("write site: %w", err)
		}
		if err := os.Rename(dir, target); err != nil {
			os.Rename(old, target)
			return fmt.Errorf("write site: %w", err)
		}
	}
	if err := os.RemoveAll(old); err != nil {
		k.warn("the previous site, %s, could not be removed whole (%v): the next build removes it", old, err)
	}
	return nil
}
