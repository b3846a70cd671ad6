package build

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

// The hostile-text tests build stories from text no article should hold
// but a scraped page may: broken encodings, control characters, bidi
// overrides, and dates no calendar has. Each must build without a panic,
// in bounded time, and give a sensible result or a warning naming the
// file.

// buildLimit is how long a hostile build may take before the test calls
// it hung: far above what any of them takes (well under a second), so
// that it fails only on a loop, not on a slow machine.
const buildLimit = 20 * time.Second

// hostileBuild is what Build returned.
type hostileBuild struct {
	tl       *timeline.Timeline
	problems []Problem
	err      error
}

// buildWithin runs Build on inputs and fails the test when it does not
// return within buildLimit (the goroutine is then left behind).
func buildWithin(t *testing.T, inputs ...timeline.Input) hostileBuild {
	t.Helper()
	done := make(chan hostileBuild, 1)
	go func() {
		tl, problems, err := Build(inputs, Options{Today: timex.NewDate(2023, time.June, 30)})
		done <- hostileBuild{tl, problems, err}
	}()
	select {
	case b := <-done:
		for _, p := range b.problems {
			t.Logf("problem: %v", p)
		}
		return b
	case <-time.After(buildLimit):
		t.Fatalf("Build did not finish in %v", buildLimit)
		return hostileBuild{}
	}
}

// article is a plain article with a dated event and a publication date
// in its front matter, so that a story has at least one good source.
func article(name string) timeline.Input {
	return timeline.Input{Name: name, Data: []byte("---\ntitle: A good article\npublished: 2023-05-24\n---\n" +
		"Officials said on Tuesday, May 23, 2023, that the bridge over the river was closed after the storm.\n\n" +
		"The mayor told reporters the repairs would take several weeks and cost more than ten million dollars.\n")}
}

// problemOf returns the problem Build reported for file, or nil.
func (b hostileBuild) problemOf(file string) *Problem {
	for i := range b.problems {
		if b.problems[i].File == file {
			return &b.problems[i]
		}
	}
	return nil
}

func utf16Bytes(s string, bigEndian bool) []byte {
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestHostileEncodings(t *testing.T) {
	text := "---\ntitle: Über die Brücke\npublished: 2023-05-24\n---\n" +
		"Officials said on Tuesday, May 23, 2023, that the bridge over the river was closed after the storm.\n"
	tests := []struct {
		name string
		data []byte
		// skipped is a word of the reason the file is skipped for; ""
		// when it is read.
		skipped string
	}{
		{"invalid UTF-8", []byte("Officials said on May 23, 2023, that the bridge \xff\xfe\xfd was closed.\n"), "UTF-8"},
		{"Latin-1", []byte("Officials said on May 23, 2023, that the Br\xfccke was closed.\n"), "UTF-8"},
		{"NUL bytes", []byte("Officials said on May 23, 2023,\x00 that the bridge was closed.\n"), "binary"},
		{"all controls", []byte(strings.Repeat("\x01\x02\x03\x04", 50)), "binary"},
		{"UTF-16 little-endian", utf16Bytes(text, false), ""},
		{"UTF-16 big-endian", utf16Bytes(text, true), ""},
		{"UTF-16 odd length", append(utf16Bytes(text, false), 'x'), "odd"},
		{"UTF-16 lone surrogate", append(utf16Bytes(text, false), 0x00, 0xD8), ""},
		{"UTF-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, text...), ""},
		{"BOM only", []byte{0xEF, 0xBB, 0xBF}, "empty"},
		{"empty", nil, "empty"},
		{"white space only", []byte(" \n\t\r\n"), "empty"},
		{"a few control characters", []byte(strings.Repeat("Officials said on May 23, 2023, that the bridge over the river was closed. ", 10) +
			"Officials\a said that the\b bridge\x1b[31m was closed\x7f.\n"), ""},
		{"many control characters", []byte("Officials\a said on May 23, 2023, that the\b bridge\x1b[31m was closed\x7f.\n"), "binary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "hostile.txt"
			b := buildWithin(t, article("good.txt"), timeline.Input{Name: name, Data: tt.data})
			if b.err != nil {
				t.Fatalf("Build: %v", b.err)
			}
			checkBuilt(t, b.tl)
			p := b.problemOf(name)
			if tt.skipped != "" {
				if p == nil || !p.Skipped || !strings.Contains(p.Err.Error(), tt.skipped) {
					t.Errorf("problem %v, want the file skipped for %q", p, tt.skipped)
				}
				return
			}
			if p != nil && p.Skipped {
				t.Fatalf("skipped: %v", p)
			}
			src := b.tl.Source("hostile")
			if src == nil {
				t.Fatal("no source hostile")
			}
			if !strings.Contains(src.Text, "bridge") {
				t.Errorf("text %.60q lost the article", src.Text)
			}
		})
	}
}

func TestHostileTitles(t *testing.T) {
	tests := []struct {
		name, title string
		// blocked names the fix a failing check waits for; the case is
		// then skipped, saying so.
		blocked string
	}{
		{"right-to-left override", "\u202eexe.txt\u202c Breaking news", ""},
		{"unclosed override", "Breaking \u202enews", ""},
		{"isolates", "\u2067news\u2069 \u2066more", ""},
		{"closing title tag", "</title><script>window.__xss=1</script>", ""},
		{"closing script tag", "</script><script>window.__xss=1</script>", ""},
		{"zero-width and joiners", "Br\u200beak\u200ding\ufeff", ""},
		{"escape sequence", "\x1b[2J\x1b[31mred", ""},
		{"very long", strings.Repeat("long title ", 5000), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := fmt.Sprintf("---\ntitle: %q\npublished: 2023-05-24\n---\n"+
				"Officials said on Tuesday, May 23, 2023, that the bridge over the river was closed after the storm.\n", tt.title)
			b := buildWithin(t, timeline.Input{Name: "hostile.txt", Data: []byte(data)})
			if b.err != nil {
				t.Fatalf("Build: %v", b.err)
			}
			checkBuilt(t, b.tl)
			src := b.tl.Source("hostile")
			if src == nil || src.Title == "" {
				t.Fatalf("no source or no title: %+v", src)
			}
			if strings.ContainsAny(src.Title, "\x1b\x00") {
				blockedOr(t, tt.blocked, "title %q keeps control characters", src.Title)
			}
		})
	}
}

// blockedOr fails the test with the message, or skips it saying which
// fix it is blocked on when blocked is not "".
func blockedOr(t *testing.T, blocked, format string, args ...any) {
	t.Helper()
	if blocked != "" {
		t.Skipf("blocked on %s: %s", blocked, fmt.Sprintf(format, args...))
	}
	t.Errorf(format, args...)
}

// TestHostileDates builds sources full of dates no calendar has, or far
// too many dates: each builds, and every event has a real date.
// datedByHostile reports whether an event cites the hostile sentence
// as dated by its own words: a lead that names no date it can place is
// reported by its publication date instead, and may join or found an
// event so.
func datedByHostile(e timeline.Event) bool {
	for _, c := range e.Citations {
		if c.Source == "hostile" && c.Sentence == 1 && c.DateText != "" {
			return true
		}
	}
	return false
}

func TestHostileDates(t *testing.T) {
	var thousand strings.Builder
	thousand.WriteString("Officials said the bridge was closed on ")
	for i := range 1000 {
		fmt.Fprintf(&thousand, "%s %d, %d, ", time.Month(i%12+1), i%28+1, 1990+i%40)
	}
	thousand.WriteString("and on May 23, 2023.")
	var may strings.Builder
	for i := range 300 {
		fmt.Fprintf(&may, "The council may decide that it may close bridge number %d, and it may well do so. ", i)
	}
	tests := []struct {
		name, text string
		// check looks at the events citing the hostile sentence (the
		// first of its source) and returns what is wrong, or "".
		check func(events []timeline.Event) string
		// blocked names the fix a failing check waits for.
		blocked string
	}{
		{"a thousand dates in one sentence", thousand.String(), func(events []timeline.Event) string {
			if len(events) > 5 {
				return fmt.Sprintf("%d events from one sentence", len(events))
			}
			for _, e := range events {
				if len(e.Title) > 300 {
					return fmt.Sprintf("title of %d bytes: %.80q…", len(e.Title), e.Title)
				}
			}
			return ""
		}, ""},
		{"may in every sentence", may.String(), func(events []timeline.Event) string {
			for _, e := range events {
				if datedByHostile(e) {
					return fmt.Sprintf("event dated by the modal \"may\": %q on %v", e.Title, e.Date)
				}
			}
			return ""
		}, ""},
		{"year 0", "Officials said the bridge was closed on January 1, 0 and in the year 0000 and on 0000-01-01.", func(events []timeline.Event) string {
			for _, e := range events {
				if datedByHostile(e) {
					return fmt.Sprintf("event %q dated %v from a date in the year 0", e.Title, e.Date)
				}
			}
			return ""
		}, ""},
		{"year 9999", "Officials said the bridge will stay closed until December 31, 9999 and 9999-12-31, then 10000.", func(events []timeline.Event) string {
			for _, e := range events {
				if e.Date.Year < 9999 {
					return fmt.Sprintf("event %q dated %v: the printed year 9999 was dropped and the day resolved against the publication date", e.Title, e.Date)
				}
			}
			return ""
		}, ""},
		{"BCE", "Officials said the first bridge was built in 44 BC, on March 15, 44 BCE, in 500 B.C. and in -0044.", func(events []timeline.Event) string {
			for _, e := range events {
				if datedByHostile(e) {
					return fmt.Sprintf("event %q dated %v from a date before the common era", e.Title, e.Date)
				}
			}
			return ""
		}, ""},
		{"February 30th", "Officials said the bridge was closed on February 30, 2023, on 30 February 2023 and on 2023-02-30.", func(events []timeline.Event) string {
			for _, e := range events {
				if e.Date.Month != time.February || e.Precision == timex.PrecisionDay {
					return fmt.Sprintf("event %q dated %v (%v): February 30th is no day", e.Title, e.Date, e.Precision)
				}
			}
			return ""
		}, ""},
		{"huge numbers", "Officials said the bridge was closed on May 99999999999999999999, 2023 and 2023-05-99999999999 and at 99:99.", nil, ""},
		{"a million-year span", "Officials said the bridge had stood for 9999999999 years and 10000000000000000000 days.", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := "---\npublished: 2023-05-24\n---\n" + tt.text + "\n\nThe mayor told reporters on Wednesday that repairs would take several weeks.\n"
			b := buildWithin(t, article("good.txt"), timeline.Input{Name: "hostile.txt", Data: []byte(data)})
			if b.err != nil {
				t.Fatalf("Build: %v", b.err)
			}
			checkBuilt(t, b.tl)
			if b.tl.Source("hostile") == nil {
				t.Fatalf("hostile.txt was not read: %v", b.problemOf("hostile.txt"))
			}
			var events []timeline.Event
			for _, e := range b.tl.Events {
				if slices.ContainsFunc(e.Citations, func(c timeline.Citation) bool { return c.Source == "hostile" && c.Sentence == 1 }) {
					events = append(events, e)
				}
			}
			for _, e := range events {
				t.Logf("event %s %.100q", e.DateString(), e.Title)
			}
			if tt.check == nil {
				return
			}
			if msg := tt.check(events); msg != "" {
				blockedOr(t, tt.blocked, "%s", msg)
			}
		})
	}
}

// TestHostileFrontMatter gives front matter that is no date, no URL, or
// no YAML: the source builds with a warning, or is read without it.
func TestHostileFrontMatter(t *testing.T) {
	body := "Officials said on Tuesday, May 23, 2023, that the bridge over the river was closed after the storm.\n"
	tests := []struct {
		name, fm string
	}{
		{"published year 0", "published: 0000-01-01"},
		{"published February 30th", "published: 2023-02-30"},
		{"published BCE", "published: March 15, 44 BCE"},
		{"published far future", "published: 9999-12-31"},
		{"published huge", "published: " + strings.Repeat("9", 1000)},
		{"javascript url", "url: javascript:alert(1)"},
		{"data url", "url: data:text/html,<script>alert(1)</script>"},
		{"billion laughs", "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ntitle: *f"},
		{"deep nesting", "title: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000)},
		{"not YAML", "title: [unclosed\n\tpublished: :"},
		{"duplicate keys", "title: a\ntitle: b"},
		{"id traversal", "id: ../../etc/passwd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := "---\n" + tt.fm + "\n---\n" + body
			b := buildWithin(t, timeline.Input{Name: "hostile.txt", Data: []byte(data)})
			if b.err != nil {
				t.Fatalf("Build: %v", b.err)
			}
			checkBuilt(t, b.tl)
			if len(b.tl.Sources) != 1 {
				t.Fatalf("%d sources, want 1", len(b.tl.Sources))
			}
			src := b.tl.Sources[0]
			if d := src.Published.Date; !d.IsZero() && (d.Year < 1 || d.Year > 9999) {
				t.Errorf("published %v out of range", d)
			}
			if u := strings.ToLower(src.URL); strings.HasPrefix(u, "javascript:") || strings.HasPrefix(u, "data:") {
				t.Logf("URL %q kept: the site must not link it (site tests check)", src.URL)
			}
			if strings.ContainsAny(src.ID, "/\\") || strings.HasPrefix(src.ID, ".") {
				t.Errorf("id %q is no safe file name", src.ID)
			}
		})
	}
}

// TestHostileMarkdown builds Markdown sources gomarkdown would take too
// long over, next to a good one: they are read as plain text, at once,
// with a warning saying why, and the story builds.
func TestHostileMarkdown(t *testing.T) {
	const lead = "Officials said on May 23, 2023, that the bridge was closed.\n\n"
	for name, body := range map[string]string{
		"brackets.md":   lead + strings.Repeat("[", 1<<20),
		"backticks.md":  "Officials said on May 23, 2023, that " + strings.Repeat("`a", 1<<19),
		"paragraphs.md": lead + strings.Repeat("a\n\n", 1<<19+1), // just over MaxLines
	} {
		t.Run(name, func(t *testing.T) {
			b := buildWithin(t, article("good.txt"), timeline.Input{Name: name, Data: []byte(body)})
			if b.err != nil {
				t.Fatalf("Build: %v", b.err)
			}
			checkBuilt(t, b.tl)
			p := b.problemOf(name)
			if p == nil || p.Skipped || !strings.Contains(p.Err.Error(), "too costly to read as Markdown") ||
				!strings.Contains(p.Err.Error(), "read as plain text") {
				t.Errorf("problem %v, want %s read as plain text, too costly as Markdown", p, name)
			}
			src := b.tl.Source(strings.TrimSuffix(name, ".md"))
			if src == nil || src.Text != body {
				t.Fatalf("%s not read, or not as written", name)
			}
		})
	}
}

// TestHostileSiteFile builds a site.md too costly to render as Markdown:
// the story builds, with a warning naming site.md, and keeps the
// introduction for the site to show as plain text.
func TestHostileSiteFile(t *testing.T) {
	intro := "The story.\n\n" + strings.Repeat("| a | b |\n", 20000)
	b := buildWithin(t, article("good.txt"), timeline.Input{Name: timeline.SiteFile, Data: []byte("---\ntitle: T\n---\n" + intro)})
	if b.err != nil {
		t.Fatalf("Build: %v", b.err)
	}
	p := b.problemOf(timeline.SiteFile)
	if p == nil || p.Skipped || !strings.Contains(p.Err.Error(), "too costly") || !strings.Contains(p.Err.Error(), "plain text") {
		t.Errorf("problem %v, want site.md shown as plain text, too costly as Markdown", p)
	}
	if b.tl.Intro != intro || b.tl.Title != "T" {
		t.Errorf("title %q, introduction of %d bytes: want T and %d bytes", b.tl.Title, len(b.tl.Intro), len(intro))
	}
}
