package main

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"

	"github.com/fsnotify/fsnotify"
	"github.com/timeline-project/timeline/timeline"
)

// folderWatcher tells when a file of a source folder that a build reads
// changes, is made or goes away, in the folder or any folder under it
// (hidden ones aside), folders made later included. It watches the
// folder's parent too: when the folder is removed or moved away it
// tells that as a change (the rebuild finds the folder gone), and when a
// folder of that name is made or moved there again, it watches that one.
type folderWatcher struct {
	w    *fsnotify.Watcher
	root string
	// changes receives a value for every change that matters; errors the
	// watcher's errors.
	changes chan struct{}
	errors  chan error
	done    chan struct{}
	// mu guards changed, the names (relative to root, with slashes) of
	// the files changed since the last take, and unsure, true when a
	// change could not be pinned to files: an error, a folder.
	mu      sync.Mutex
	changed map[string]bool
	unsure  bool
}

// watchFolder starts watching the folder dir.
func watchFolder(dir string) (*folderWatcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", dir, err)
	}
	fw := &folderWatcher{w: w, root: filepath.Clean(dir), changes: make(chan struct{}, 1),
		errors: make(chan error, 1), done: make(chan struct{}), changed: map[string]bool{}}
	if err := fw.addTree(fw.root); err != nil {
		w.Close()
		return nil, fmt.Errorf("watch %s: %w", dir, err)
	}
	if err := w.Add(filepath.Dir(fw.root)); err != nil {
		w.Close()
		return nil, fmt.Errorf("watch the folder that holds %s: %w", dir, err)
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
			switch {
			case ev.Name == fw.root:
				fw.rootChanged(ev)
			case !within(ev.Name, fw.root):
				// Another file of the parent folder's.
			case ev.Has(fsnotify.Create):
				// A new folder: watch it and what it holds.
				fw.addTree(ev.Name)
			}
			if ev.Name == fw.root || fw.matters(ev.Name) {
				if ev.Name != fw.root {
					fw.note(ev.Name)
				}
				select {
				case fw.changes <- struct{}{}:
				default:
				}
			}
		case err, ok := <-fw.w.Errors:
			if !ok {
				return
			}
			fw.mu.Lock()
			fw.unsure = true // a change may have been lost
			fw.mu.Unlock()
			select {
			case fw.errors <- err:
			default:
			}
		}
	}
}

// rootChanged takes in a change of the watched folder itself: made or
// moved there, it is watched again; removed or moved away, the watches
// of the folders it held are dropped (a moved folder's would report its
// changes under names it no longer has). Either way the next read looks
// at every file.
func (fw *folderWatcher) rootChanged(ev fsnotify.Event) {
	fw.mu.Lock()
	fw.unsure = true
	fw.mu.Unlock()
	if ev.Has(fsnotify.Create) {
		if err := fw.addTree(fw.root); err != nil {
			select {
			case fw.errors <- err:
			default:
			}
		}
		return
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		for _, p := range fw.w.WatchList() {
			if p == fw.root || within(p, fw.root) {
				fw.w.Remove(p)
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

// note records a change that matters at p: to a file that a build
// reads, or else to something that may hold some (a folder).
func (fw *folderWatcher) note(p string) {
	rel, _ := filepath.Rel(fw.root, p)
	name := filepath.ToSlash(rel)
	fw.mu.Lock()
	defer fw.mu.Unlock()
	if name == timeline.SiteFile || timeline.IsSourceName(name) || isYAML(name) {
		fw.changed[name] = true
	} else {
		fw.unsure = true
	}
}

// take returns the names of the files changed since the last take (or
// since the watch began), and whether they are all that changed: false
// when a change could not be pinned to files. It starts a new list.
func (fw *folderWatcher) take() (map[string]bool, bool) {
	fw.mu.Lock()
	defer fw.mu.Unlock()
	changed, sure := fw.changed, !fw.unsure
	fw.changed, fw.unsure = map[string]bool{}, false
	return changed, sure
}

// close stops watching.
func (fw *folderWatcher) close() {
	close(fw.done)
	fw.w.Close()
}
