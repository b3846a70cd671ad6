package main

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
	"github.com/timeline-project/timeline/timeline"
)

// folderWatcher tells when a file of a source folder that a build reads
// changes, is made or goes away, in the folder or any folder under it
// (hidden ones aside), folders made later included.
type folderWatcher struct {
	w    *fsnotify.Watcher
	root string
	// changes receives a value for every change that matters; errors the
	// watcher's errors.
	changes chan struct{}
	errors  chan error
	done    chan struct{}
}

// watchFolder starts watching the folder dir.
func watchFolder(dir string) (*folderWatcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", dir, err)
	}
	fw := &folderWatcher{w: w, root: filepath.Clean(dir), changes: make(chan struct{}, 1),
		errors: make(chan error, 1), done: make(chan struct{})}
	if err := fw.addTree(fw.root); err != nil {
		w.Close()
		return nil, fmt.Errorf("watch %s: %w", dir, err)
	}
	go fw.run()
	return fw, nil
}

// addTree watches dir and every folder under it but hidden ones.
func (fw *folderWatcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != fw.root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		return fw.w.Add(p)
	})
}

func (fw *folderWatcher) run() {
	for {
		select {
		case <-fw.done:
			return
		case ev, ok := <-fw.w.Events:
			if !ok {
				return
			}
			if ev.Has(fsnotify.Create) {
				// A new folder: watch it and what it holds.
				fw.addTree(ev.Name)
			}
			if fw.matters(ev.Name) {
				select {
				case fw.changes <- struct{}{}:
				default:
				}
			}
		case err, ok := <-fw.w.Errors:
			if !ok {
				return
			}
			select {
			case fw.errors <- err:
			default:
			}
		}
	}
}

// matters reports whether a change to the file or folder at p can
// change the site: a source, site.md, or a folder that may hold them.
func (fw *folderWatcher) matters(p string) bool {
	rel, err := filepath.Rel(fw.root, p)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	name := filepath.ToSlash(rel)
	if name == timeline.SiteFile || timeline.IsSourceName(name) {
		return true
	}
	if isYAML(name) { // a sidecar, unless hidden
		return timeline.IsSourceName(strings.TrimSuffix(name, ".yaml") + ".txt")
	}
	// A folder moved or removed takes its sources with it; a file name
	// without an extension may be one.
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") {
			return false
		}
	}
	return filepath.Ext(name) == ""
}

// close stops watching.
func (fw *folderWatcher) close() {
	close(fw.done)
	fw.w.Close()
}
