package build

import (
	"fmt"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/words"
)

// fuzzFolder makes the inputs of a story folder from fuzz bytes: the data
// is cut at every "\x00\x00" into files, each named by its first line
// (hostile names included) and given the rest as its content.
func fuzzFolder(data []byte) []timeline.Input {
	var inputs []timeline.Input
	for i, part := range strings.Split(string(data), "\x00\x00") {
		name, body, _ := strings.Cut(part, "\n")
		if name == "" || len(inputs) == 8 {
			name = fmt.Sprintf("f%d.txt", i)
		}
		if !timeline.IsSourceName(name) && name != timeline.SiteFile {
			name += ".md"
		}
		inputs = append(inputs, timeline.Input{Name: name, Data: []byte(body)})
	}
	return inputs
}

// FuzzBuild runs the whole build on a generated folder: it must not
// panic, every span must lie inside its source's text, every quote must
// be in its source verbatim (but for white space) and every event must
// have a date of the calendar.
func FuzzBuild(f *testing.F) {
	good := "---\ntitle: T\npublished: 2023-05-24\n---\nOfficials said on Tuesday, May 23, that the bridge was closed. " +
		"The mayor told reporters on Wednesday that repairs would take weeks.\n"
	for _, s := range []string{
		"a.txt\n" + good,
		"a.txt\n" + good + "\x00\x00b.md\n# Heading\n\nOn May 22, 2023, *rain* fell. [Link](javascript:x) said so.\n",
		"site.md\n---\ntitle: S\n---\nIntro [x](&#106;avascript:y)\x00\x00a.txt\n" + good,
		"../../x.txt\n" + good + "\x00\x00CON.txt\n" + good + "\x00\x00a/b/../c.md\n" + good,
		"x.txt\n---\nid: ../evil\nurl: javascript:alert(1)\n---\nOn May 23, 2023, it began. He said so on Monday.",
		"r.txt\n\ufeffOn 30 February 2023 and in 44 BC the \u202eriver\u202c may rise. It may.",
		"u.txt\n\xff\xfeO\x00n\x00 \x00M\x00a\x00y\x00 \x002\x003\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tl, _, err := Build(fuzzFolder(data), Options{})
		if err != nil {
			return
		}
		checkBuilt(t, tl)
	})
}

// checkBuilt fails the test for a span outside its text, a quote not in
// its source, or an event off the calendar.
func checkBuilt(t *testing.T, tl *timeline.Timeline) {
	t.Helper()
	collapsed := map[string]string{}
	for _, src := range tl.Sources {
		if _, dup := collapsed[src.ID]; dup {
			t.Fatalf("two sources with id %q", src.ID)
		}
		collapsed[src.ID] = words.CollapseSpace(src.Text)
		for _, b := range src.Blocks {
			if b.Span.Start < 0 || b.Span.Start > b.Span.End || b.Span.End > len(src.Text) {
				t.Fatalf("%s: block %v outside the text (%d bytes)", src.File, b.Span, len(src.Text))
			}
		}
		for _, s := range src.Sentences {
			if s.Block < 0 || s.Block >= len(src.Blocks) || !src.Blocks[s.Block].Span.Contains(s.Span) {
				t.Fatalf("%s: sentence %v outside its block", src.File, s.Span)
			}
		}
	}
	for _, e := range tl.Events {
		if !e.Date.IsZero() && (e.Date.Year < 1 || e.Date.Year > 9999) {
			t.Errorf("event %q dated %v", e.Title, e.Date)
		}
		for _, c := range e.Citations {
			text, ok := collapsed[c.Source]
			if !ok {
				t.Fatalf("event %q cites unknown source %q", e.Title, c.Source)
			}
			if !strings.Contains(text, c.Quote) {
				t.Fatalf("event %q quotes %q, not in source %s", e.Title, c.Quote, c.Source)
			}
		}
	}
}
