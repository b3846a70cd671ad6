package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWatcherTellsWhatChanged watches a folder: a source written in it
// is told by name, surely; a folder made in it makes the watcher unsure,
// for the files it held before it was watched are told by no event.
func TestWatcherTellsWhatChanged(t *testing.T) {
	dir := t.TempDir()
	w, err := watchFolder(dir)
	if err != nil {
		t.Skipf("no watcher here: %v", err)
	}
	defer w.close()
	wait := func() {
		t.Helper()
		select {
		case <-w.changes:
		case <-time.After(10 * time.Second):
			t.Fatal("no change told")
		}
		time.Sleep(100 * time.Millisecond) // the events after the first
	}
	if err := os.WriteFile(filepath.Join(dir, "new.txt"), []byte("May 22, 2023."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.bin"), []byte("not a source"), 0o644); err != nil {
		t.Fatal(err)
	}
	wait()
	changed, sure := w.take()
	if !sure || !changed["new.txt"] || len(changed) != 1 {
		t.Errorf("after a source was written: changed %v, sure %v; want new.txt alone, sure", changed, sure)
	}
	if err := os.Mkdir(filepath.Join(dir, "more"), 0o755); err != nil {
		t.Fatal(err)
	}
	wait()
	if _, sure := w.take(); sure {
		t.Error("after a folder was made: sure, want unsure")
	}
	if changed, sure := w.take(); !sure || len(changed) != 0 {
		t.Errorf("take after take: changed %v, sure %v; want none, sure", changed, sure)
	}
}
