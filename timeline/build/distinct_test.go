package build

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
)

// dated is a source that builds: a sentence dated by its own words.
func dated(what string) string {
	return "The mayor said on Monday, May 1, 2023, that " + what + ".\n"
}

// TestBuildSeparatesIDs builds sources that would share an id: each
// builds under an id of its own; a default id takes its subfolder where
// file names repeat; an id still shared stays with the first file and
// the later takes a suffix, with a warning naming both files.
func TestBuildSeparatesIDs(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		// ids are the sources' ids by file; "+" stands for the suffix
		// of a later file, which a warning must then explain.
		ids map[string]string
	}{
		{"two formats", map[string]string{"report.txt": dated("it rained"), "report.md": dated("it snowed")},
			map[string]string{"report.md": "report", "report.txt": "report+"}},
		{"markdown and text", map[string]string{"a.md": dated("it rained"), "a.txt": dated("it snowed")},
			map[string]string{"a.md": "a", "a.txt": "a+"}},
		{"subfolders", map[string]string{"x/report.txt": dated("it rained"), "y/report.txt": dated("it snowed")},
			map[string]string{"x/report.txt": "x-report", "y/report.txt": "y-report"}},
		{"index pages", map[string]string{"bbc/index.md": dated("it rained"), "nyt/index.md": dated("it snowed")},
			map[string]string{"bbc/index.md": "bbc-index", "nyt/index.md": "nyt-index"}},
		{"top and subfolder", map[string]string{"report.txt": dated("it rained"), "x/report.txt": dated("it snowed")},
			map[string]string{"report.txt": "report", "x/report.txt": "x-report"}},
		{"front matter twice", map[string]string{"a.txt": "---\nid: same\n---\n" + dated("it rained"), "b.txt": "---\nid: same\n---\n" + dated("it snowed")},
			map[string]string{"a.txt": "same", "b.txt": "same+"}},
		{"front matter and a name", map[string]string{"x/a.txt": dated("it rained"), "y.md": "---\nid: a\n---\n" + dated("it snowed")},
			map[string]string{"x/a.txt": "x-a", "y.md": "a"}},
		{"made safe alike", map[string]string{"a b.txt": dated("it rained"), "a-b.txt": dated("it snowed")},
			map[string]string{"a b.txt": "a-b", "a-b.txt": "a-b+"}},
		{"case and same", map[string]string{"a.txt": "---\nid: Report\n---\n" + dated("it rained"),
			"b.txt": "---\nid: REPORT\n---\n" + dated("it snowed"), "c.txt": "---\nid: REPORT\n---\n" + dated("it hailed")},
			map[string]string{"a.txt": "Report", "b.txt": "REPORT+", "c.txt": "REPORT+"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var inputs []timeline.Input
			for name, data := range tt.files {
				inputs = append(inputs, timeline.Input{Name: name, Data: []byte(data)})
			}
			slices.SortFunc(inputs, func(a, b timeline.Input) int { return strings.Compare(a.Name, b.Name) })
			tl, problems, err := Build(inputs, Options{})
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			got := idsByFile(tl)
			seen := map[string]bool{}
			for file, want := range tt.ids {
				id := got[file]
				if seen[strings.ToLower(id)] {
					t.Errorf("%s: id %q is another source's", file, id)
				}
				seen[strings.ToLower(id)] = true
				stem, suffixed := strings.CutSuffix(want, "+")
				if !suffixed {
					if id != want {
						t.Errorf("%s: id %q, want %q", file, id, want)
					}
					continue
				}
				if !strings.HasPrefix(id, stem+"-") || len(id) != len(stem)+9 {
					t.Errorf("%s: id %q, want %q and a suffix of eight hex digits", file, id, stem)
				}
				if !warnedOf(problems, file, id) {
					t.Errorf("%s: no warning naming it, the other file and its id %q: %v", file, id, problems)
				}
			}
			if len(tl.Sources) != len(tt.files) {
				t.Errorf("%d sources of %d files", len(tl.Sources), len(tt.files))
			}
			// Stable: the same ids in a build with another source, first
			// in file order.
			more := append([]timeline.Input{{Name: "0.txt", Data: []byte(dated("it cleared"))}}, inputs...)
			tl2, _, err := Build(more, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for file, id := range idsByFile(tl2) {
				if file != "0.txt" && got[file] != id {
					t.Errorf("%s: id %q with another source, %q without", file, id, got[file])
				}
			}
		})
	}
}

func idsByFile(tl *timeline.Timeline) map[string]string {
	ids := map[string]string{}
	for _, s := range tl.Sources {
		ids[s.File] = s.ID
	}
	return ids
}

// warnedOf reports whether a problem of file names another file of the
// story and the id the file was built under.
func warnedOf(problems []Problem, file, id string) bool {
	for _, p := range problems {
		if p.File == file && !p.Skipped && strings.Contains(p.Err.Error(), id) && strings.Count(p.Error(), ".") >= 2 {
			return true
		}
	}
	return false
}

// TestBuildDropsCopies builds a story with copies of a source: the
// same text, white space aside, under other names. Each is left out
// with a problem naming the source built in its place, which is cited
// once where it would have been cited twice.
func TestBuildDropsCopies(t *testing.T) {
	text := "The mayor said on Monday, May 1, 2023, that the bridge had reopened.\n\nTraffic resumed on Tuesday, May 2, 2023, officials said.\n"
	crlf := strings.ReplaceAll(text, "\n", "\r\n") + "\r\n\r\n"
	inputs := []timeline.Input{
		{Name: "002 (1).txt", Data: []byte(crlf)},
		{Name: "002_be92.txt", Data: []byte(text)},
		{Name: "Copy of other.md", Data: []byte("---\ntitle: A copy\n---\n" + dated("the ferry sailed"))},
		{Name: "other.md", Data: []byte(dated("the ferry sailed"))},
		{Name: "third.txt", Data: []byte(dated("the ferry sailed again"))},
	}
	tl, problems, err := Build(inputs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := idsByFile(tl); len(got) != 3 || got["002_be92.txt"] != "002_be92" || got["other.md"] != "other" || got["third.txt"] != "third" {
		t.Errorf("sources %v; want 002_be92.txt, other.md and third.txt", got)
	}
	copies := map[string]string{}
	for _, p := range problems {
		var c *CopyError
		if errors.As(p.Err, &c) {
			if !p.Skipped || !strings.Contains(p.Error(), c.Original) {
				t.Errorf("problem %q: not skipped, or not naming the original", p.Error())
			}
			copies[p.File] = c.Original
		}
	}
	if len(copies) != 2 || copies["002 (1).txt"] != "002_be92.txt" || copies["Copy of other.md"] != "other.md" {
		t.Errorf("copies %v; want 002 (1).txt of 002_be92.txt, Copy of other.md of other.md", copies)
	}
	for _, e := range tl.Events {
		cited := map[string]bool{}
		for _, c := range e.Citations {
			if cited[c.Quote] {
				t.Errorf("event %s cites %q twice", e.ID, c.Quote)
			}
			cited[c.Quote] = true
		}
	}
}
