package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// nobody is the user and group a folder of someone else's is given.
const nobody = 65534

// TestOutputNotOurs points -out at a folder the tool did not make, as a
// home folder is: the user's own index.html and style.css, a private
// .ssh, a shared folder with the sticky bit, a folder of another user's.
// The build is refused, naming -force-out, and writes nothing. With
// -force-out it builds: the two files the site replaces are set aside,
// not lost, each with a warning; every other file and folder keeps its
// bytes, its mode and its owner. A third build needs no flag: the folder
// holds the record of the second.
func TestOutputNotOurs(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "somebody")
	mine := map[string]string{
		"index.html":      "<h1>my own page</h1>",
		"style.css":       "body { color: purple }",
		".ssh/id_ed25519": "PRIVATE KEY",
		"shared/x.txt":    "shared",
		"theirs/y.txt":    "another user's",
		"notes/todo.txt":  "check the dates",
	}
	writeTree(t, out, mine)
	modes := map[string]fs.FileMode{".ssh": 0o700, ".ssh/id_ed25519": 0o600, "shared": 0o777 | fs.ModeSticky, "notes": 0o750}
	for name, mode := range modes {
		if err := os.Chmod(filepath.Join(out, name), mode); err != nil {
			t.Fatal(err)
		}
	}
	chowned := os.Lchown(filepath.Join(out, "theirs"), nobody, nobody) == nil
	before := treeOf(t, root)

	code, _, stderr := run(t, "build", "-src", "../../testdata/seeds", "-out", out)
	if code != 1 || !strings.Contains(stderr, "-force-out") || !strings.Contains(stderr, "index.html") {
		t.Errorf("a folder of someone's: exit %d, stderr %q; want 1, naming -force-out", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(root, cacheDirName)); err == nil || len(treeOf(t, root)) != len(before) {
		t.Errorf("the refused build wrote something: %v", err)
	}

	code, _, stderr = run(t, "build", "-src", "../../testdata/seeds", "-out", out, "-force-out")
	if code != 0 {
		t.Fatalf("with -force-out: exit %d: %s", code, stderr)
	}
	kept := filepath.Join(root, cacheDirName, "somebody.kept")
	for _, name := range []string{"index.html", "style.css"} {
		warning := regexp.MustCompile(`(?m)^warning: ` + regexp.QuoteMeta(name) + `: a file this tool did not write: set aside as ` + regexp.QuoteMeta(filepath.Join(kept, name)))
		if !warning.MatchString(stderr) {
			t.Errorf("no warning that %s was set aside:\n%s", name, stderr)
		}
		if data, err := os.ReadFile(filepath.Join(kept, name)); err != nil || string(data) != mine[name] {
			t.Errorf("%s set aside: %q, %v; want the user's", name, data, err)
		}
	}
	files := siteFiles(t, out)
	for name, data := range mine {
		if name != "index.html" && name != "style.css" && files[name] != data {
			t.Errorf("%s is %q, want the user's %q", name, files[name], data)
		}
	}
	for name, want := range modes {
		if info, err := os.Stat(filepath.Join(out, name)); err != nil || info.Mode()&keptModeBits != want&keptModeBits {
			t.Errorf("%s: mode %v, want %v (%v)", name, info.Mode(), want, err)
		}
	}
	if info, err := os.Stat(filepath.Join(out, "theirs")); chowned && err == nil {
		if uid, gid, _ := ownerOf(info); uid != nobody || gid != nobody {
			t.Errorf("theirs/ is owned by %d:%d, want %d:%d", uid, gid, nobody, nobody)
		}
	}

	code, _, stderr = run(t, "build", "-src", "../../testdata/seeds", "-out", out)
	if code != 0 || strings.Contains(stderr, "set aside") {
		t.Errorf("a folder it built before: exit %d, set aside again:\n%s", code, stderr)
	}
}

// TestOutputEditedPagesKept builds, edits two pages by hand, removes the
// source of one and builds again: the page whose source went is kept as
// edited, the one the site writes again is set aside as edited; each
// with a warning.
func TestOutputEditedPagesKept(t *testing.T) {
	src := copySeeds(t)
	root := t.TempDir()
	out := filepath.Join(root, "public")
	buildCounting(t, src, out)
	page, index := filepath.Join(out, "sources", "001_cd3dfe0bcc080581.html"), filepath.Join(out, "index.html")
	edited := map[string][]byte{}
	for _, p := range []string{page, index} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		edited[p] = append(data, "<!-- my note -->"...)
		if err := os.WriteFile(p, edited[p], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(filepath.Join(src, "001_cd3dfe0bcc080581.txt")); err != nil {
		t.Fatal(err)
	}
	_, stderr := buildCounting(t, src, out)
	if data, err := os.ReadFile(page); err != nil || !bytes.Equal(data, edited[page]) {
		t.Errorf("the edited page of a removed source: %v; want it kept as edited", err)
	}
	if !strings.Contains(stderr, "warning: sources/001_cd3dfe0bcc080581.html: changed since the last build wrote it: kept") {
		t.Errorf("no warning that the edited page was kept:\n%s", stderr)
	}
	setAside := filepath.Join(root, cacheDirName, "public.kept", "index.html")
	if data, err := os.ReadFile(setAside); err != nil || !bytes.Equal(data, edited[index]) {
		t.Errorf("the edited index.html was not set aside: %v", err)
	}
	if !strings.Contains(stderr, "warning: index.html: changed since the last build wrote it: set aside as "+setAside) {
		t.Errorf("no warning that the edited index.html was set aside:\n%s", stderr)
	}
	if data, _ := os.ReadFile(index); bytes.Equal(data, edited[index]) {
		t.Error("index.html is still the edited one")
	}
}

// TestOutputLocked holds the lock of an output folder, as a build
// writing it does: another build says so plainly and writes nothing;
// once the lock is let go, it builds.
func TestOutputLocked(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	unlock, err := lockOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "build", "-src", "../../testdata/seeds", "-out", out)
	if code != 1 || !strings.Contains(stderr, "another build is writing the output folder") {
		t.Errorf("a locked folder: exit %d, stderr %q; want 1 and another build named", code, stderr)
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the build written while another held the lock: %v", err)
	}
	unlock()
	if code, _, stderr := run(t, "build", "-src", "../../testdata/seeds", "-out", out); code != 0 {
		t.Errorf("after the lock was let go: exit %d: %s", code, stderr)
	}
}

// TestOutputTwoBuildsAtOnce runs two builds into one folder at once:
// each builds, or says another build holds the folder; none fails
// half-way, and the site is whole.
func TestOutputTwoBuildsAtOnce(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	var wg sync.WaitGroup
	results := make([]result, 2)
	for i := range results {
		wg.Go(func() { results[i] = runWithin(t, hostileLimit, "build", "-src", "../../testdata/seeds", "-out", out) })
	}
	wg.Wait()
	built := 0
	for _, r := range results {
		switch {
		case r.code == 0:
			built++
		case r.code != 1 || !strings.Contains(r.stderr, "another build is writing the output folder"):
			t.Errorf("exit %d: %s", r.code, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); built == 0 || err != nil {
		t.Errorf("%d builds done, index.html: %v", built, err)
	}
}

// TestErrorsOneALine checks that errors joined are printed one a line,
// each its own "timeline:" line, and no more than maxErrorLines.
func TestErrorsOneALine(t *testing.T) {
	var b bytes.Buffer
	if code := exitCode(&b, errors.Join(errors.New("write site: a"), errors.New("write site: b"))); code != 1 || b.String() != "timeline: write site: a\ntimeline: write site: b\n" {
		t.Errorf("exit %d, printed %q", code, b.String())
	}
	b.Reset()
	var many []error
	for range maxErrorLines + 5 {
		many = append(many, errors.New("x"))
	}
	exitCode(&b, errors.Join(many...))
	if lines := strings.Count(b.String(), "\n"); lines != maxErrorLines+1 || !strings.HasSuffix(b.String(), "timeline: and 5 more\n") {
		t.Errorf("%d lines: %q", lines, b.String())
	}
}
