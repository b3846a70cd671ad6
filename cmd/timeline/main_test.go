package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files with what the code gives")

// buildDay is the clock of the tests: the seeds' story is of May 2023.
var buildDay = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)

// run runs the program with args and returns its exit status, standard
// output and standard error.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	m := &Main{Stdout: &stdout, Stderr: &stderr, Now: func() time.Time { return buildDay }}
	code := exitCode(&stderr, m.Run(context.Background(), args))
	return code, stdout.String(), stderr.String()
}

// TestBuildSeeds builds the shipped story and checks timeline.json
// against its golden copy and the seed gold, as score-timeline does.
func TestBuildSeeds(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := run(t, "build", "-src", "../../testdata/seeds", "-out", out)
	if code != 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	for _, name := range []string{"index.html", ".nojekyll", "style.css", "timeline.json", "sources/002_be923fc5e0fa518d.html"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("the site lacks %s: %v", name, err)
		}
	}
	got, err := os.ReadFile(filepath.Join(out, "timeline.json"))
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "testdata/seeds.timeline.json", got)

	var g goldFile
	var tl scoredTimeline
	if err := readJSON("../../testdata/gold/seeds.json", &g); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(got, &tl); err != nil {
		t.Fatal(err)
	}
	s, err := scoreTimeline(g, tl, "../../testdata/seeds")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("seed score: %v", s)
	for _, m := range s.misses {
		t.Logf("miss: %s", m)
	}
	if s.found < minGoldEvents || s.published != s.sources || s.junk+s.lumped+s.late+s.uncited > 0 || s.verbatim != s.quotes {
		t.Errorf("seed score %v; want at least %d events found and everything else clean", s, minGoldEvents)
	}
}

// minGoldEvents is the least number of the seed gold's events the build
// must find: the level reached, so that a change cannot lose one unseen.
const minGoldEvents = 11

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the build's output; run go test ./... -update to accept, and review the diff", path)
	}
}

// TestBuildTwiceSameBytes checks that a build is deterministic and that
// files in the output folder the tool did not write are left alone.
func TestBuildTwiceSameBytes(t *testing.T) {
	out := t.TempDir()
	cname := filepath.Join(out, "CNAME")
	if err := os.WriteFile(cname, []byte("example.org\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	first := map[string][]byte{}
	for round := range 2 {
		if code, _, stderr := run(t, "build", "-src", "../../testdata/seeds", "-out", out); code != 0 {
			t.Fatalf("build exited %d: %s", code, stderr)
		}
		err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if round == 0 {
				first[p] = data
			} else if !bytes.Equal(first[p], data) {
				t.Errorf("%s differs between two builds", p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if data, err := os.ReadFile(cname); err != nil || string(data) != "example.org\n" {
		t.Errorf("CNAME was not left alone: %q, %v", data, err)
	}
}

// TestBuildBadSources builds a folder of good and bad files: every bad
// one is a warning naming the file and the reason, the good ones build.
func TestBuildBadSources(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"good.txt":         "Officials said on Monday, May 22, 2023, that the bridge had reopened after repairs lasting two weeks.",
		"sub/second.md":    "---\ntitle: Second\npublished: 2023-05-24\n---\n# Second\n\nThe mayor said on Tuesday that the bridge would be inspected again.",
		"empty.txt":        "",
		"binary.txt":       "\x00\x01\x02PNG",
		"latin1.txt":       "caf\xe9 au lait",
		"nodate.txt":       "The bridge is long. It spans the river and carries traffic across it.",
		"badyaml.md":       "---\ntitle: [unclosed\n---\nThe council said on Monday, May 22, 2023, that it had voted for the plan.",
		".hidden/skip.txt": "never read",
		".skip.txt":        "never read",
		"notes.pdf":        "not a source format",
		"fragment.html":    "<p>a fragment, not a page</p>",
		"notes.yaml":       "title: no source of this name",
		"site.md":          "---\ntitle: The bridge\ndescription: Repairs\n---\nAn *introduction*.",
	}
	for name, data := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	code, _, stderr := run(t, "build", "-src", src, "-out", out)
	if code != 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	for _, want := range []string{
		"empty.txt: skipped: the file is empty",
		"binary.txt: skipped: a binary file",
		"latin1.txt: skipped: not UTF-8",
		"nodate.txt: no date anywhere",
		"badyaml.md: front matter is not YAML",
		"fragment.html: skipped: no <body> element",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("standard error lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "skip.txt") || strings.Contains(stderr, "notes.") {
		t.Errorf("hidden or non-source files were read:\n%s", stderr)
	}
	var tl struct {
		Title   string `json:"title"`
		Sources []struct {
			ID string `json:"id"`
		} `json:"sources"`
	}
	if err := readJSON(filepath.Join(out, "timeline.json"), &tl); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range tl.Sources {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, " "); got != "badyaml good nodate second" || tl.Title != "The bridge" {
		t.Errorf("sources %q, title %q; want badyaml good nodate second, The bridge", got, tl.Title)
	}
}

func TestBuildExitStatus(t *testing.T) {
	dup := t.TempDir()
	for _, name := range []string{"a/story.txt", "b/story.md"} {
		p := filepath.Join(dup, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("The council said on Monday, May 22, 2023, that it had voted."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	empty := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"a copy", []string{"build", "-src", dup, "-out", t.TempDir()}, 0, "a/story.txt: skipped: the same text as b/story.md"},
		{"no source", []string{"build", "-src", empty, "-out", t.TempDir()}, 1, "no readable source"},
		{"missing folder", []string{"build", "-src", filepath.Join(empty, "nope"), "-out", t.TempDir()}, 1, "read source folder"},
		{"output holds the sources", []string{"build", "-src", filepath.Join(dup, "a"), "-out", dup}, 1, "holds the source folder"},
		{"help shows -force-out", []string{"build", "-h"}, 0, "-force-out"},
		{"bad flag", []string{"build", "-nope"}, 2, "flag provided but not defined"},
		{"stray argument", []string{"build", "x"}, 2, "no arguments"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"no command", nil, 2, "no command"},
		{"help", []string{"build", "-h"}, 0, "usage: timeline build"},
		{"bad dct", []string{"dates", "-dct", "May 1", "x.txt"}, 2, "-dct"},
		{"dates without files", []string{"dates"}, 2, "at least one FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.code, tt.stderr)
			}
		})
	}
}

func TestBuildUnwritableOutput(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "build", "-src", "../../testdata/seeds", "-out", filepath.Join(blocker, "site"))
	if code != 1 || !strings.Contains(stderr, "write site") {
		t.Errorf("exit %d, stderr %q; want 1 and a write error", code, stderr)
	}
}

// TestDates checks "timeline dates": byte offsets into the file (after a
// byte order mark too), TIMEX3 type and value, the dct used.
func TestDates(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	text := "\xEF\xBB\xBFThe Russian Defense Ministry said Tuesday afternoon that it had killed 70 fighters."
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "dates", "-dct", "2023-05-24", p)
	if code != 0 {
		t.Fatalf("dates exited %d: %s", code, stderr)
	}
	var line dateLine
	if err := json.Unmarshal([]byte(strings.TrimSpace(stdout)), &line); err != nil {
		t.Fatalf("%v in %q", err, stdout)
	}
	if got := text[line.Start:line.End]; got != "Tuesday afternoon" || line.Text != got {
		t.Errorf("span %d-%d is %q, text %q; want Tuesday afternoon", line.Start, line.End, got, line.Text)
	}
	if line.Type != "TIME" || line.Value != "2023-05-23TAF" || line.DCT != "2023-05-24" || line.File != p {
		t.Errorf("got %+v", line)
	}
}

// TestDatesFindsDCT checks that without -dct the date is found as build
// finds it: here from the front matter.
func TestDatesFindsDCT(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.md")
	if err := os.WriteFile(p, []byte("---\npublished: 2023-05-24\n---\nThey met on Monday."), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "dates", p)
	if code != 0 {
		t.Fatalf("dates exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, `"value":"2023-05-22"`) || !strings.Contains(stdout, `"dct":"2023-05-24"`) {
		t.Errorf("got %s", stdout)
	}
}

// TestDatesFindsDCTInStory checks that a source with no printed date
// gets the date build infers for it from the rest of its folder.
func TestDatesFindsDCTInStory(t *testing.T) {
	code, stdout, stderr := run(t, "dates", "../../testdata/seeds/002_be923fc5e0fa518d.txt")
	if code != 0 {
		t.Fatalf("dates exited %d: %s", code, stderr)
	}
	want := `"text":"Tuesday afternoon","type":"TIME","value":"2023-05-23TAF","dct":"2023-05-23"`
	if !strings.Contains(stdout, want) {
		t.Errorf("no %s in\n%s", want, stdout)
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := run(t, "version")
	if code != 0 || !strings.HasPrefix(stdout, "timeline ") {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
}

// TestBuildShowsProgress builds with a clock that runs two seconds a
// reading: a slow build reports its progress on standard error.
func TestBuildShowsProgress(t *testing.T) {
	var stdout, stderr bytes.Buffer
	now := buildDay
	m := &Main{Stdout: &stdout, Stderr: &stderr, Now: func() time.Time {
		now = now.Add(2 * time.Second)
		return now
	}}
	if err := m.Run(context.Background(), []string{"build", "-src", "../../testdata/seeds", "-out", t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"read 1 of 5 files", "read 5 of 5 files", "rendering and writing the site", "wrote 1 of ", "5 sources (5 files read, 0 unchanged)"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("standard error lacks %q:\n%s", want, stderr.String())
		}
	}
}
