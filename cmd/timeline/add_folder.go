package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/timeline-project/timeline/timeline/build"
)

// storyFolder is the folder "timeline add" saves pages into: the names
// its files take, and the addresses its sources have.
type storyFolder struct {
	dir string
	// stems are the names of the folder's entries without their
	// extension, in lower case: a saved page's stem must be none of
	// them, for its sidecar is named by it and some systems ignore case.
	stems map[string]bool
	// addresses are the file names of the sources by the addressKey of
	// their address: their front matter's or sidecar's url, else the
	// page's canonical address (or og:url), else the address of a text's
	// publication line.
	addresses map[string]string
}

// openStoryFolder opens the story folder dir, making it if it is not
// there. Unless only its names are wanted, it reads its sources as
// "timeline check" does (the cache of a build into public sparing what
// it holds) for their addresses.
func openStoryFolder(ctx context.Context, b *storyBuilder, prog *progress, onlyNames bool) (*storyFolder, error) {
	if err := os.MkdirAll(b.src, 0o755); err != nil {
		return nil, fmt.Errorf("make story folder: %w", err)
	}
	entries, err := os.ReadDir(b.src)
	if err != nil {
		return nil, fmt.Errorf("read story folder: %w", err)
	}
	f := &storyFolder{dir: b.src, stems: map[string]bool{}, addresses: map[string]string{}}
	for _, e := range entries {
		f.stems[strings.ToLower(strings.TrimSuffix(e.Name(), path.Ext(e.Name())))] = true
	}
	if onlyNames {
		return f, nil
	}
	st, err := b.build(ctx, prog)
	if errors.Is(err, build.ErrNoSource) {
		return f, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the story's sources for their addresses: %w", err)
	}
	for _, src := range st.assembly.Timeline.Sources {
		if key, ok := keyOfAddress(src.URL); ok && f.addresses[key] == "" {
			f.addresses[key] = src.File
		}
	}
	return f, nil
}

// taken reports whether a page may not be saved under this stem.
func (f *storyFolder) taken(stem string) bool { return f.stems[strings.ToLower(stem)] }

// save writes a fetched page into the folder with its sidecar, which
// records the address it came from after redirects (tracking parameters
// left out), and returns the page's file name: its fileNameOf, or that
// with a suffix where the name is taken (see nameFor). Nothing is
// written over, and nothing half-written is left: each file is written
// whole into a hidden temporary file of the folder, then linked to its
// name only if that name is free. The sidecar is placed first, so that
// a watcher of the folder (serve) sees the page with it.
func (f *storyFolder) save(page *fetchedPage, given *url.URL, day string) (string, error) {
	recorded := withoutTracking(page.final)
	key := addressKey(recorded)
	pageTmp, err := writeTemp(f.dir, page.data)
	if err != nil {
		return "", fmt.Errorf("save page: %w", err)
	}
	defer os.Remove(pageTmp)
	sideTmp, err := writeTemp(f.dir, sidecarText(recorded, given, day))
	if err != nil {
		return "", fmt.Errorf("save sidecar: %w", err)
	}
	defer os.Remove(sideTmp)
	name := fileNameOf(recorded, page.ext)
	for {
		name = nameFor(name, key, f.taken)
		stem := strings.TrimSuffix(name, page.ext)
		sidecar := filepath.Join(f.dir, stem+".yaml")
		err := placeNew(sideTmp, sidecar)
		if err == nil {
			if err = placeNew(pageTmp, filepath.Join(f.dir, name)); err != nil {
				unplace(sideTmp, sidecar)
			}
		}
		if errors.Is(err, fs.ErrExist) {
			f.stems[strings.ToLower(stem)] = true
			continue
		}
		if err != nil {
			return "", fmt.Errorf("save %s: %w", name, err)
		}
		f.stems[strings.ToLower(stem)] = true
		return name, nil
	}
}

// sidecarText is the sidecar of a page fetched from given, after
// redirects from recorded: its url, and in a comment the day it was
// fetched and the address asked for where it was another.
func sidecarText(recorded, given *url.URL, day string) []byte {
	comment := "# Fetched by timeline add on " + day
	if g := withoutTracking(given); g.String() != recorded.String() {
		comment += " from " + g.String()
	}
	out, err := yaml.Marshal(map[string]string{"url": recorded.String()})
	if err != nil { // a map of strings always marshals
		panic(err)
	}
	return append([]byte(comment+".\n"), out...)
}

// writeTemp writes data whole into a new hidden file of dir, which
// neither a build nor serve reads, and returns its path.
func writeTemp(dir string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, ".timeline-add-*")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// placeNew gives the file tmp the name dst, only if no file has it: a
// hard link, which fails on a name taken, where the file system has
// them; else a rename after a look, which leaves a moment in which a
// file made under that name would be written over. The caller removes
// tmp. An error for a name taken is fs.ErrExist.
func placeNew(tmp, dst string) error {
	err := os.Link(tmp, dst)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, lerr := os.Lstat(dst); lerr == nil {
		return fs.ErrExist
	}
	return os.Rename(tmp, dst)
}

// unplace takes back what placeNew(tmp, dst) did: the name dst goes,
// and tmp is there again for another try.
func unplace(tmp, dst string) {
	if _, err := os.Lstat(tmp); err == nil {
		os.Remove(dst) // a link: tmp is still there
		return
	}
	os.Rename(dst, tmp)
}
