package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline/build"
)

// TestLimitSources checks that the sources after the first limit, in
// order, are skipped, and that site.md, sidecars and files already
// skipped do not count.
func TestLimitSources(t *testing.T) {
	unreadable := errors.New("unreadable")
	files := []folderFile{
		{name: "a.txt"}, {name: "a.yaml"}, {name: "b.md"}, {name: "bad.txt", err: unreadable},
		{name: "c.html"}, {name: "site.md"}, {name: "d.txt"},
	}
	if n := limitSources(files, 2); n != 2 {
		t.Errorf("limitSources marked %d files, want 2", n)
	}
	for _, f := range files {
		over := f.err != nil && strings.Contains(f.err.Error(), "over the limit of 2 sources")
		want := f.name == "c.html" || f.name == "d.txt"
		if over != want {
			t.Errorf("%s: over the limit %v, want %v (err %v)", f.name, over, want, f.err)
		}
	}
	if files[3].err != unreadable {
		t.Errorf("an unreadable file's reason was replaced: %v", files[3].err)
	}
}

// TestReportShowsSomeWarnings checks that a build with very many
// warnings prints the first maxWarningsShown and says how many more.
func TestReportShowsSomeWarnings(t *testing.T) {
	var problems []build.Problem
	for i := range maxWarningsShown + 5 {
		problems = append(problems, build.Problem{File: fmt.Sprintf("f%d.txt", i), Err: errors.New("bad"), Skipped: true})
	}
	var stderr bytes.Buffer
	(&Main{Stderr: &stderr}).report(problems)
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) != maxWarningsShown+1 || !strings.Contains(lines[len(lines)-1], "and 5 more warnings") {
		t.Errorf("%d lines, the last %q; want %d warnings and a line saying 5 more", len(lines), lines[len(lines)-1], maxWarningsShown)
	}
}
