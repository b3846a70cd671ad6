package site

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/timeline-project/timeline/timeline"
)

// variant is a change to the fixture: a story a Renderer renders after
// another one.
type variant struct {
	name   string
	change func(t *testing.T, tl *timeline.Timeline)
}

// variants are stories that differ from the fixture, and from one
// another, by what a rebuild changes: a source added before the others
// (filter keys shift), an event changed, sources and events removed.
var variants = []variant{
	{"fixture", func(*testing.T, *timeline.Timeline) {}},
	{"no events", func(_ *testing.T, tl *timeline.Timeline) { tl.Events = nil }},
	{"no sources", func(_ *testing.T, tl *timeline.Timeline) { tl.Events, tl.Sources = nil, nil }},
	{"only background", func(_ *testing.T, tl *timeline.Timeline) { tl.Events = tl.Events[:1] }},
	{"no background", func(_ *testing.T, tl *timeline.Timeline) { tl.Events = tl.Events[1:] }},
	{"title changed", func(_ *testing.T, tl *timeline.Timeline) { tl.Events[1].Title = "Another title & <more>" }},
	{"publisher changed", func(_ *testing.T, tl *timeline.Timeline) { tl.Sources[0].Publisher = "Other News" }},
	{"speaker added", func(_ *testing.T, tl *timeline.Timeline) {
		tl.Events[1].ClaimedBy = []string{"Aaron First"}
	}},
	{"citations reversed", func(_ *testing.T, tl *timeline.Timeline) {
		e := &tl.Events[2] // cited twice, with an account for each citation
		slices.Reverse(e.Citations)
		for i := range e.Accounts {
			for j, n := range e.Accounts[i].Citations {
				e.Accounts[i].Citations[j] = len(e.Citations) - 1 - n
			}
		}
	}},
	{"source added first", func(t *testing.T, tl *timeline.Timeline) {
		src := blogSource(t)
		src.ID, src.File, src.Publisher = "0-first", "0-first.md", "Zero"
		src.Published = timeline.Published{Date: day(2023, 6, 1), Basis: timeline.BasisFrontMatter}
		tl.Sources = append([]*timeline.Source{src}, tl.Sources...)
		tl.Events = append(tl.Events, timeline.Event{
			ID: "2023-05-24-new", Date: day(2023, 5, 24), Precision: tl.Events[1].Precision,
			Title: "A new event", Summary: "Something new.", Stance: timeline.StanceReport,
			Citations: []timeline.Citation{{Source: "0-first", Sentence: 2, Quote: "The claim could not be verified.",
				Speaker: "Aaron First", Stance: timeline.StanceClaim}},
		})
	}},
	{"source removed", func(_ *testing.T, tl *timeline.Timeline) {
		tl.Sources = tl.Sources[:1]
		tl.Events = tl.Events[:1]
	}},
	{"a month later", func(_ *testing.T, tl *timeline.Timeline) {
		tl.Events = append(tl.Events, timeline.Event{
			ID: "2023-06-02-later", Date: day(2023, 6, 2), Precision: tl.Events[1].Precision,
			Title: "A month later", Summary: "It went on.", Stance: timeline.StanceReport, Outlets: 1, Rank: 1,
			Citations: []timeline.Citation{{Source: "a-news", Sentence: 4, Quote: "First item here."}},
		})
	}},
}

// splitPages makes the pages of the chronology split from a few
// citations on, so that the variants have pages of months (those of two
// months) and of the background entries, as a long story has; it
// returns the function that undoes it.
func splitPages() func() {
	n := pageCitesMax
	pageCitesMax = 2
	return func() { pageCitesMax = n }
}

// story returns the fixture changed by v.
func (v variant) story(t *testing.T) *timeline.Timeline {
	tl := fixture(t)
	v.change(t, tl)
	return tl
}

// sameFiles reports the files of got that differ from want's, and says
// so with name.
func sameFiles(t *testing.T, name string, got, want []File) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d files, a render from nothing %d", name, len(got), len(want))
		return
	}
	for i := range got {
		if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Errorf("%s: %s differs from a render from nothing", name, got[i].Path)
		}
	}
}

// TestRendererKeepsNothingStale renders story A, then story B, with one
// Renderer, and B from nothing: the bytes must be the same, for every
// pair of variants, with and without a base URL.
func TestRendererKeepsNothingStale(t *testing.T) {
	defer splitPages()()
	for _, opts := range []Options{{}, {BaseURL: "https://example.org/story/"}} {
		for _, a := range variants {
			for _, b := range variants {
				kept, err := New()
				if err != nil {
					t.Fatal(err)
				}
				if _, err := kept.Render(a.story(t), opts); err != nil {
					t.Fatalf("%s: %v", a.name, err)
				}
				got, err := kept.Render(b.story(t), opts)
				if err != nil {
					t.Fatalf("%s then %s: %v", a.name, b.name, err)
				}
				want, err := Render(b.story(t), opts)
				if err != nil {
					t.Fatalf("%s: %v", b.name, err)
				}
				sameFiles(t, a.name+" then "+b.name+" (base "+opts.BaseURL+")", got, want)
			}
		}
	}
}

// TestOneShotRendersTheSame checks that a new Renderer makes the bytes
// of Render, and that the pages of Plan, rendered or written one by
// one, are Render's files.
func TestOneShotRendersTheSame(t *testing.T) {
	defer splitPages()()
	for _, opts := range []Options{{}, {BaseURL: "https://example.org/story/"}} {
		for _, v := range variants {
			want, err := Render(v.story(t), opts)
			if err != nil {
				t.Fatalf("%s: %v", v.name, err)
			}
			r, err := New()
			if err != nil {
				t.Fatal(err)
			}
			got, err := r.Render(v.story(t), opts)
			if err != nil {
				t.Fatalf("%s: %v", v.name, err)
			}
			sameFiles(t, v.name+" (base "+opts.BaseURL+")", got, want)
			pages, err := Plan(v.story(t), opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) != len(want) {
				t.Fatalf("%s: Plan has %d pages, Render %d files", v.name, len(pages), len(want))
			}
			for i, pg := range pages {
				data, err := pg.Render()
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				n, err := pg.WriteTo(&b)
				if err != nil {
					t.Fatalf("%s: %v", v.name, err)
				}
				if pg.Path != want[i].Path || !bytes.Equal(data, want[i].Data) || !bytes.Equal(b.Bytes(), data) || n != int64(len(data)) {
					t.Errorf("%s (base %q): %s rendered one by one (%d bytes written) differs from Render's", v.name, opts.BaseURL, pg.Path, n)
				}
			}
		}
	}
}

// TestRendererRendersOnlyWhatChanged renders a story, then the story
// with the page furniture of a source changed: only that source's page
// is rendered again, the others are the bytes kept.
func TestRendererRendersOnlyWhatChanged(t *testing.T) {
	opts := Options{BaseURL: "https://example.org/story"}
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	before, err := r.Render(fixture(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	tl := fixture(t)
	tl.Sources[0].Text = strings.Replace(tl.Sources[0].Text, "Read more", "Read less", 1)
	files, err := r.Render(tl, opts)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Render(tl, opts)
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "furniture changed", files, want)
	var rendered []string
	for i, f := range files {
		if len(f.Data) > 0 && &f.Data[0] != &before[i].Data[0] {
			rendered = append(rendered, f.Path)
		}
	}
	if !slices.Equal(rendered, []string{"sources/a-news.html"}) {
		t.Errorf("rendered again: %q, want only the page of the changed source", rendered)
	}
}

// TestConcurrentRendersTakeTurns renders every variant of the story at
// once, several times over, with one Renderer: each render must make
// the bytes of a render from nothing, though all change what the
// Renderer keeps. Run it with -race.
func TestConcurrentRendersTakeTurns(t *testing.T) {
	want := make([][]File, len(variants))
	for i, v := range variants {
		files, err := Render(v.story(t), Options{})
		if err != nil {
			t.Fatalf("%s: %v", v.name, err)
		}
		want[i] = files
	}
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i, v := range variants {
		tl := v.story(t)
		wg.Go(func() {
			for round := range 3 {
				got, err := r.Render(tl, Options{})
				if err != nil {
					t.Errorf("%s: %v", v.name, err)
					return
				}
				if !slices.EqualFunc(got, want[i], func(x, y File) bool { return x.Path == y.Path && bytes.Equal(x.Data, y.Data) }) {
					t.Errorf("%s, round %d: the files differ from a new render", v.name, round)
				}
			}
		})
	}
	wg.Wait()
}

// planKeys plans the site of tl and returns its pages' keys by path.
func planKeys(t *testing.T, tl *timeline.Timeline, opts Options) map[string]Key {
	t.Helper()
	pages, err := Plan(tl, opts)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]Key{}
	for _, p := range pages {
		keys[p.Path] = p.Key()
	}
	return keys
}

func TestPageKeysFollowTheirData(t *testing.T) {
	opts := Options{BaseURL: "https://example.org/story"}
	before := planKeys(t, fixture(t), opts)
	if again := planKeys(t, fixture(t), opts); !maps.Equal(before, again) {
		t.Fatalf("the same timeline gives other keys")
	}
	if other := planKeys(t, fixture(t), Options{}); other["index.html"] == before["index.html"] {
		t.Errorf("index.html keeps its key without the base URL it links with")
	}
	changed := func(change func(*timeline.Timeline)) []string {
		tl := fixture(t)
		change(tl)
		var paths []string
		for path, key := range planKeys(t, tl, opts) {
			if key != before[path] {
				paths = append(paths, path)
			}
		}
		slices.Sort(paths)
		return paths
	}
	storyWide := []string{"events.csv", "feed.xml", "index.html", "timeline.ics", "timeline.json", "timelinejs.json"}
	for _, tc := range []struct {
		name   string
		change func(*timeline.Timeline)
		want   []string
	}{
		{"page furniture of a source", func(tl *timeline.Timeline) {
			src := tl.Sources[0]
			src.Text = strings.Replace(src.Text, "Read more", "Read less", 1)
		}, []string{"sources/a-news.html"}},
		{"the title of an entry", func(tl *timeline.Timeline) { tl.Events[1].Title = "Another title" },
			append([]string{"sources/a-news.html"}, storyWide...)},
		{"a summary", func(tl *timeline.Timeline) { tl.Events[1].Summary = "Another summary" }, storyWide},
		{"the story's title", func(tl *timeline.Timeline) { tl.Title = "Another story" },
			append([]string{"404.html", "sources/a-news.html", "sources/b-blog.html"}, storyWide...)},
	} {
		if got := changed(tc.change); !slices.Equal(got, slices.Sorted(slices.Values(tc.want))) {
			t.Errorf("%s: pages whose key changed: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestRendererReusesFragments renders a story, then the story with an
// entry's title changed: of each story-wide file that shows the entry,
// only the fragment made from its event is rendered again; the pages of
// the chronology that do not show it are not rendered.
func TestRendererReusesFragments(t *testing.T) {
	defer splitPages()()
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tl := fixture(t)
	monthLater(tl)
	before, err := r.Render(tl, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tl = fixture(t)
	monthLater(tl)
	tl.Events[1].Title = "Changed"
	after, err := r.Render(tl, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Event 1 is on the page of May 2023, dated to a day.
	for _, path := range []string{"2023-05.html", "timeline.json", "timelinejs.json", "events.csv", "timeline.ics"} {
		kept, made := r.parts.Counts(path)
		if kept < 2 || made != 1 {
			t.Errorf("%s: %d fragments rendered again of %d; want 1", path, made, kept)
		}
	}
	// The other pages of the chronology are the pages kept, whole.
	for _, path := range []string{"2023-06.html", "background.html"} {
		i := slices.IndexFunc(after, func(f File) bool { return f.Path == path })
		if i < 0 || &after[i].Data[0] != &before[i].Data[0] {
			t.Errorf("%s rendered again, though no entry of it changed", path)
		}
	}
}

func TestCutAtMarks(t *testing.T) {
	for _, tc := range []struct {
		page   string
		lits   []string
		events []int
		ok     bool
	}{
		{"no marks", []string{"no marks"}, nil, true},
		{"a\x001\x00b\x000\x00c", []string{"a", "b", "c"}, []int{1, 0}, true},
		{"\x002\x00", []string{"", ""}, []int{2}, true},
		{"a\x003\x00", nil, nil, false},                      // no such event
		{"a\x001\x00\x001\x00", nil, nil, false},             // marked twice
		{"a\x00x\x00", nil, nil, false},                      // not a number
		{"a\x001", nil, nil, false},                          // not closed
		{"a\x00-1\x00", nil, nil, false},                     // negative
		{"a\x00\x00b", nil, nil, false},                      // empty
		{"a\x001\x00b\x00", nil, nil, false},                 // a stray NUL
		{"a\x00 1\x00", nil, nil, false},                     // a space
		{"a\x0001\x00b", []string{"a", "b"}, []int{1}, true}, // Atoi reads a leading zero
	} {
		lits, events, ok := cutAtMarks([]byte(tc.page), 3)
		var got []string
		for _, l := range lits {
			got = append(got, string(l))
		}
		if ok != tc.ok || !slices.Equal(got, tc.lits) || !slices.Equal(events, tc.events) {
			t.Errorf("cutAtMarks(%q) = %q, %v, %v; want %q, %v, %v", tc.page, got, events, ok, tc.lits, tc.events, tc.ok)
		}
	}
}

// TestRendererMarksOnlyEntries renders a story whose introduction holds
// what looks like the mark of an entry: the Renderer makes the bytes of
// a render from nothing all the same.
func TestRendererMarksOnlyEntries(t *testing.T) {
	for _, intro := range []string{"Intro \x000\x00 with a mark", "<div>\x001\x00</div>", "`\x00`"} {
		tl := fixture(t)
		tl.Intro = intro
		r, err := New()
		if err != nil {
			t.Fatal(err)
		}
		got, err := r.Render(tl, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want, err := Render(tl, Options{})
		if err != nil {
			t.Fatal(err)
		}
		sameFiles(t, fmt.Sprintf("intro %q", intro), got, want)
	}
}
