package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestOutputStaleRemovedOthersKept builds, adds files of the user's to
// the site, removes a source and builds again: the removed source's
// page is gone, the user's files are still there.
func TestOutputStaleRemovedOthersKept(t *testing.T) {
	src := copySeeds(t)
	out := filepath.Join(t.TempDir(), "public")
	buildCounting(t, src, out)
	for name, data := range map[string]string{"CNAME": "example.org\n", "notes/todo.txt": "check the dates\n",
		"sources/hand-written.html": "<p>mine</p>"} {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("CNAME", filepath.Join(out, "cname-link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(src, "001_cd3dfe0bcc080581.txt")); err != nil {
		t.Fatal(err)
	}
	buildCounting(t, src, out)
	files := siteFiles(t, out)
	if _, ok := files["sources/001_cd3dfe0bcc080581.html"]; ok {
		t.Error("the page of the removed source is still in the site")
	}
	for name, want := range map[string]string{"CNAME": "example.org\n", "notes/todo.txt": "check the dates\n",
		"sources/hand-written.html": "<p>mine</p>", "cname-link": "example.org\n"} {
		if files[name] != want {
			t.Errorf("%s is %q, want %q: a file the tool did not write was not kept", name, files[name], want)
		}
	}
	if _, ok := files["sources/002_be923fc5e0fa518d.html"]; !ok {
		t.Error("the page of a source is missing")
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.timeline-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left beside the site: %v", leftovers)
	}
}

// TestOutputKeptWhenBuildFails checks that a build that fails, or is
// interrupted, leaves the previous site whole.
func TestOutputKeptWhenBuildFails(t *testing.T) {
	src := copySeeds(t)
	out := filepath.Join(t.TempDir(), "public")
	buildCounting(t, src, out)
	want := siteFiles(t, out)

	// No source left that can be read: the build cannot be made.
	empty := t.TempDir()
	if err := os.WriteFile(filepath.Join(empty, "binary.txt"), []byte("\x00\x01binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "build", "-src", empty, "-out", out); code != 1 || !strings.Contains(stderr, "no readable source") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !mapsEqual(want, siteFiles(t, out)) {
		t.Error("a failed build changed the site")
	}

	// Interrupted as it reads a changed source.
	if err := os.WriteFile(filepath.Join(src, "new.md"), []byte("The mayor said on Monday, May 22, 2023, that the bridge reopened.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	m := &Main{Stdout: &syncBuffer{}, Stderr: &syncBuffer{}, Now: time.Now, onRead: func(string) { cancel() }}
	if err := m.Run(ctx, []string{"build", "-src", src, "-out", out}); !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted build returned %v", err)
	}
	if !mapsEqual(want, siteFiles(t, out)) {
		t.Error("an interrupted build changed the site")
	}
	// A temporary folder that an interrupted build left is cleared by the next.
	stale := filepath.Join(filepath.Dir(out), ".public.timeline-new-123")
	if err := os.MkdirAll(stale, 0o755); err != nil {
		t.Fatal(err)
	}
	buildCounting(t, src, out)
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the folder an interrupted build left is still there: %v", err)
	}
}

// TestOutputRefused checks that the output folder may not be, or hold,
// the source folder, the working folder or the repository root, and
// that nothing is written when it is refused.
func TestOutputRefused(t *testing.T) {
	parent := t.TempDir()
	src := filepath.Join(parent, "stories", "flood")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		out, what string
	}{
		{src, "the source folder"},
		{filepath.Join(parent, "stories"), "the source folder"},
		{".", "the working folder"},
		{"..", "the working folder"},
		{"../..", "the repository root"},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, "build", "-src", src, "-out", tt.out)
		if code != 1 || !strings.Contains(stderr, "holds "+tt.what) {
			t.Errorf("-out %s: exit %d, stderr %q; want 1 and %q", tt.out, code, stderr, tt.what)
		}
	}
	if _, err := os.Stat(filepath.Join("..", "..", cacheDirName)); err == nil {
		t.Errorf("a refused build left a cache at the repository's parent")
	}
	if entries, _ := os.ReadDir(src); len(entries) != 0 {
		t.Errorf("a refused build wrote into the source folder: %v", entries)
	}
}
