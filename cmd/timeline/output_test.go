package main

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
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
// the source folder, the working folder, the repository root or the
// home folder, nor lie inside the source folder, and that nothing is
// written when it is refused. It runs in a repository's layout made in
// a temporary folder, never near the real tree: a regression in the
// guard must not let a test replace a repository with a site, and what
// a user built there must not change what the test sees.
func TestOutputRefused(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	home := filepath.Join(root, "home", "user")
	writeTree(t, root, map[string]string{
		"repo/.git/HEAD":              "ref: refs/heads/main\n",
		"repo/stories/flood/a.txt":    goodArticle(""),
		"repo/cmd/timeline/notes.txt": "the working folder\n",
		"repo/testdata/seeds/b.txt":   goodArticle("") + otherWords(1),
		"home/user/.profile":          "# the home folder\n",
		"home/other/notes.txt":        "another user's\n",
	})
	t.Setenv("HOME", home)
	t.Chdir(filepath.Join(repo, "cmd", "timeline"))
	before := treeOf(t, root)
	src := filepath.Join("..", "..", "stories", "flood")
	tests := []struct{ out, why string }{
		{src, "is the source folder"},
		{filepath.Join("..", "..", "stories"), "holds the source folder"},
		{filepath.Join(src, "public"), "is inside the source folder"},
		{".", "is the working folder"},
		{"..", "holds the working folder"},
		{filepath.Join("..", ".."), "is the repository root"},
		{filepath.Join("..", "..", ".."), "holds the repository root"},
		{home, "is the home folder"},
		{filepath.Dir(home), "holds the home folder"},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, "build", "-src", src, "-out", tt.out)
		if code != 1 || !strings.Contains(stderr, tt.why) {
			t.Errorf("-out %s: exit %d, stderr %q; want 1 and %q", tt.out, code, stderr, tt.why)
		}
	}
	if after := treeOf(t, root); !maps.Equal(before, after) {
		t.Errorf("a refused build wrote files: %d before, %d after", len(before), len(after))
	}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Name() == cacheDirName {
			t.Errorf("a refused build left a cache folder: %s", p)
		}
		return err
	})
}

// TestOutputSystemFoldersRefused checks that no system folder, nor a
// folder holding one, may be the output folder. It asks checkOutput
// alone, which writes nothing.
func TestOutputSystemFoldersRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the folders checked are those of Unix systems")
	}
	src := t.TempDir()
	for _, out := range []string{"/", "/usr", "/etc", "/var", "/tmp", "/home", "/usr/local"} {
		if _, err := os.Stat(out); err != nil {
			continue
		}
		if err := checkOutput(src, out); err == nil || !strings.Contains(err.Error(), "system folder") && !strings.Contains(err.Error(), "holds") {
			t.Errorf("-out %s: %v; want it refused", out, err)
		}
	}
	if err := checkOutput(src, filepath.Join(t.TempDir(), "public")); err != nil {
		t.Errorf("a new folder in a temporary one: %v", err)
	}
}
