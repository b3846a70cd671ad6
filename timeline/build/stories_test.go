package build

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/internal/fixture"
	"github.com/timeline-project/timeline/timeline/timex"
)

// TestStories is the end-to-end test: it builds each story of
// testdata/stories, a txtar archive of a few short sources (a file
// name.yaml is the sidecar of the source of that name; site.md
// describes the story), and checks the chronology that comes out: its
// "sources" section (the story's title, each source's ID, publication
// date and how it was known, the problems met) and its "events" section
// (each event's date, outlets and title, then its citations), both
// rewritten by -update, and its "want" section, one claim a line:
//
//	same S#N S#N…      the sentences are cited by one event
//	apart S#N S#N      by different events
//	outlets S#N K      the event citing S#N counts K outlets
//	date S#N D BASIS   it is dated D, on that basis
//	speaker S#N NAME   the citation names that speaker ("-": none)
//	accounts S#N K     the event lists K accounts
//	disputed S#N       the event is disputed
//	notitle TEXT       no event's title holds TEXT
func TestStories(t *testing.T) {
	fixture.Archives(t, "testdata/stories/*.txt", func(t *testing.T, path string, ar *txtar.Archive) {
		inputs, want := storyInputs(ar)
		tl, problems, err := Build(inputs, Options{Today: timex.NewDate(2025, 1, 1)})
		if err != nil {
			t.Fatal(err)
		}
		fixture.CheckSection(t, path, ar, "sources", sourcesText(tl, problems))
		fixture.CheckSection(t, path, ar, "events", eventsText(tl))
		for line := range strings.SplitSeq(strings.TrimSpace(want), "\n") {
			if msg := checkClaim(tl, strings.Fields(line)); msg != "" {
				t.Errorf("%s: %s", line, msg)
			}
		}
	})
}

// storyInputs returns the inputs of a story's archive, each .yaml file
// the sidecar of its source, and its "want" section.
func storyInputs(ar *txtar.Archive) ([]timeline.Input, string) {
	var inputs []timeline.Input
	var want string
	sidecars := map[string][]byte{}
	for _, f := range ar.Files {
		switch {
		case f.Name == "want":
			want = string(f.Data)
		case f.Name == "sources", f.Name == "events":
		case strings.HasSuffix(f.Name, ".yaml"):
			sidecars[f.Name] = f.Data
		default:
			inputs = append(inputs, timeline.Input{Name: f.Name, Data: f.Data})
		}
	}
	for i := range inputs {
		inputs[i].Sidecar = sidecars[timeline.SidecarName(inputs[i].Name)]
	}
	return inputs, want
}

// sourcesText writes the sources of a chronology for a reader of a
// test: its title, then each source's file, ID, publication date and its
// basis, title and publisher; then the problems met, one a line.
func sourcesText(tl *timeline.Timeline, problems []Problem) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title %q\n", tl.Title)
	for _, s := range tl.Sources {
		fmt.Fprintf(&b, "%s %s %s %s %q %q\n", s.File, s.ID, cmp.Or(s.Published.Date.String(), "-"), s.Published.Basis, s.Title, s.Publisher)
	}
	for _, p := range problems {
		fmt.Fprintf(&b, "! %s\n", p.Error())
	}
	return b.String()
}

// eventsText writes a chronology for a reader of a test: each event's
// date, outlets and title, then its citations.
func eventsText(tl *timeline.Timeline) string {
	var b strings.Builder
	for _, e := range tl.Events {
		fmt.Fprintf(&b, "%s %s (%d outlets)\n", e.DateString(), e.Title, e.Outlets)
		for _, c := range e.Citations {
			fmt.Fprintf(&b, "  %s#%d %s", sourceFileOf(tl, c.Source), c.Sentence, c.DateBasis)
			if c.Speaker != "" {
				fmt.Fprintf(&b, " %s: %s", c.Stance, c.Speaker)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// sourceFileOf returns the file of the source with the given id.
func sourceFileOf(tl *timeline.Timeline, id string) string {
	if s := tl.Source(id); s != nil {
		return s.File
	}
	return id
}

// citedBy returns the event that cites sentence ref ("a.md#2") and the
// citation, or nil.
func citedBy(tl *timeline.Timeline, ref string) (*timeline.Event, *timeline.Citation) {
	file, n, _ := strings.Cut(ref, "#")
	for i := range tl.Events {
		for j, c := range tl.Events[i].Citations {
			if sourceFileOf(tl, c.Source) == file && strconv.Itoa(c.Sentence) == n {
				return &tl.Events[i], &tl.Events[i].Citations[j]
			}
		}
	}
	return nil, nil
}

// checkClaim checks one claim of a "want" section; "" when it holds.
func checkClaim(tl *timeline.Timeline, f []string) string {
	if len(f) < 2 {
		return "no claim"
	}
	e, c := citedBy(tl, f[1])
	if e == nil && f[0] != "notitle" {
		return f[1] + " is cited by no event"
	}
	switch f[0] {
	case "same":
		for _, ref := range f[2:] {
			if other, _ := citedBy(tl, ref); other != e {
				return fmt.Sprintf("%s is cited by %q, %s by %q", f[1], e.Title, ref, eventTitleOrNone(other))
			}
		}
	case "apart":
		if other, _ := citedBy(tl, f[2]); other == e {
			return fmt.Sprintf("both are cited by %q", e.Title)
		}
	case "outlets":
		if strconv.Itoa(e.Outlets) != f[2] {
			return fmt.Sprintf("%d outlets", e.Outlets)
		}
	case "date":
		if e.DateString() != f[2] || string(e.Dating.Basis) != f[3] {
			return fmt.Sprintf("dated %s by %s", e.DateString(), e.Dating.Basis)
		}
	case "speaker":
		if got := cmp.Or(c.Speaker, "-"); got != strings.Join(f[2:], " ") {
			return fmt.Sprintf("speaker %q", got)
		}
	case "accounts":
		if strconv.Itoa(len(e.Accounts)) != f[2] {
			return fmt.Sprintf("%d accounts: %+v", len(e.Accounts), e.Accounts)
		}
	case "disputed":
		if !e.Disputed {
			return "not disputed"
		}
	case "notitle":
		text := strings.Join(f[1:], " ")
		if i := slices.IndexFunc(tl.Events, func(e timeline.Event) bool { return strings.Contains(e.Title, text) }); i >= 0 {
			return fmt.Sprintf("title %q", tl.Events[i].Title)
		}
	default:
		return "unknown claim"
	}
	return ""
}

// eventTitleOrNone returns the title of e, or "no event".
func eventTitleOrNone(e *timeline.Event) string {
	if e == nil {
		return "no event"
	}
	return e.Title
}
