package main

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/timeline-project/timeline/site"
)

// The site is written whole or not at all: into a new folder beside the
// output folder, which then takes the output folder's place, so that an
// interrupted or failed build leaves the previous site as it was. Files
// of the output folder that the tool did not write (a CNAME, a note)
// are carried into the new folder; files it wrote last time and writes
// no more are not. What it wrote is kept in the manifest, in the cache
// folder beside the output folder; without a manifest, every file it
// does not write now is kept.

// manifestKey marks a cache blob as a manifest: which files the tool
// wrote, with their SHA-256. It does not depend on the program's
// version: what was written is a fact.
const manifestKey = "timeline site manifest 1"

// manifest maps the path of every file of the site, with forward
// slashes, to the SHA-256 of its bytes.
type manifest map[string]inputKey

// manifestPath returns the path of the manifest of out.
func manifestPath(out string) (string, error) {
	dir, err := cacheDir(out)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, filepath.Base(filepath.Clean(out))+".site"), nil
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
	for hash, path := range entries {
		m[string(path)] = hash
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
	for path, hash := range m {
		entries = append(entries, blobEntry{key: hash, data: []byte(path)})
	}
	return saveCache(p, manifestKey, entries)
}

// writeSite writes files as the site in the folder out, whole: see the
// top of this file. prev is the manifest of the site out holds, or nil.
// It returns the manifest of the new site.
func writeSite(out string, files []site.File, prev manifest, prog *progress) (manifest, error) {
	target, err := outputTarget(out)
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(target), filepath.Base(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("write site: %w", err)
	}
	removeLeftovers(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".timeline-new-")
	if err != nil {
		return nil, fmt.Errorf("write site: %w", err)
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, fmt.Errorf("write site: %w", err)
	}
	next, err := writeFiles(tmp, target, files, prev, prog)
	if err != nil {
		return nil, err
	}
	if err := carryOver(target, tmp, next, prev); err != nil {
		return nil, err
	}
	if err := swapIn(tmp, target); err != nil {
		return nil, err
	}
	done = true
	return next, nil
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

// writeFiles writes files into the new folder dir. A file whose bytes
// are those the manifest prev gives for its path, and which the current
// site old still holds, is linked from there rather than written again.
func writeFiles(dir, old string, files []site.File, prev manifest, prog *progress) (manifest, error) {
	next := make(manifest, len(files))
	hashes := make([]inputKey, len(files))
	errs := make([]error, len(files))
	var mu sync.Mutex
	made := map[string]bool{dir: true}
	mkdir := func(d string) error {
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
	var done int
	progressed := func() {
		mu.Lock()
		done++
		n := done
		mu.Unlock()
		prog.update("wrote", "files", n, len(files))
	}
	parallel(len(files), func(i int) {
		defer progressed()
		f := files[i]
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if !strings.HasPrefix(p, dir+string(filepath.Separator)) {
			errs[i] = fmt.Errorf("write site: %s is outside the site", f.Path)
			return
		}
		hashes[i] = sha256.Sum256(f.Data)
		if err := mkdir(filepath.Dir(p)); err != nil {
			errs[i] = fmt.Errorf("write site: %w", err)
			return
		}
		if h, ok := prev[f.Path]; ok && h == hashes[i] {
			if os.Link(filepath.Join(old, filepath.FromSlash(f.Path)), p) == nil {
				return
			}
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			errs[i] = fmt.Errorf("write site: %w", err)
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for i, f := range files {
		next[f.Path] = hashes[i]
	}
	return next, nil
}

// carryOver links into the new folder dir every file of the current
// site old that the tool did not write: not in next, not in prev.
func carryOver(old, dir string, next, prev manifest) error {
	err := filepath.WalkDir(old, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == old {
			return filepath.SkipAll
		}
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(old, p)
		if err != nil || rel == "." {
			return err
		}
		name := filepath.ToSlash(rel)
		dst := filepath.Join(dir, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(dst, 0o755)
		case hasPath(next, name) || hasPath(prev, name):
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(link, dst)
		}
		if err := os.Link(p, dst); err != nil {
			return copyFile(p, dst)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("write site: keep the files the tool did not write: %w", err)
	}
	return nil
}

func hasPath(m manifest, name string) bool {
	_, ok := m[name]
	return ok
}

// copyFile copies the file src to dst, keeping its mode.
func copyFile(src, dst string) error {
	info, err := os.Stat(src)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, info.Mode().Perm())
}

// swapIn puts the new folder dir in the place of target, and removes
// the folder it replaces.
func swapIn(dir, target string) error {
	if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(dir, target); err != nil {
			return fmt.Errorf("write site: %w", err)
		}
		return nil
	}
	if err := exchange(dir, target); err == nil {
		return os.RemoveAll(dir)
	}
	// No atomic exchange here: two renames, with the old site kept
	// beside until the new one is in place.
	old := filepath.Join(filepath.Dir(dir), strings.Replace(filepath.Base(dir), ".timeline-new-", ".timeline-old-", 1))
	if err := os.Rename(target, old); err != nil {
		return fmt.Errorf("write site: %w", err)
	}
	if err := os.Rename(dir, target); err != nil {
		os.Rename(old, target)
		return fmt.Errorf("write site: %w", err)
	}
	return os.RemoveAll(old)
}
