package site

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
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

// TestRendererKeepsNothingStale renders story A, then story B, with one
// Renderer, and B with a new one: the bytes must be the same, for every
// pair of variants, with and without a base URL. The Renderer that
// keeps lays out each day of index.html as a section of its own (see
// layIndex), the new one the days as one.
func TestRendererKeepsNothingStale(t *testing.T) {
	defer splitPages()()
	defer func(n int) { splitCitesMin = n }(splitCitesMin)
	splitCitesMin = 1 // the fixture's entries cite one or two sentences
	defer func(n int) { indexSectionParts = n }(indexSectionParts)
	for _, opts := range []Options{{}, {BaseURL: "https://example.org/story/"}} {
		for _, a := range variants {
			for _, b := range variants {
				kept, err := New()
				if err != nil {
					t.Fatal(err)
				}
				indexSectionParts = 1
				if _, err := kept.Render(a.story(t), opts); err != nil {
					t.Fatalf("%s: %v", a.name, err)
				}
				got, err := kept.Render(b.story(t), opts)
				if err != nil {
					t.Fatalf("%s then %s: %v", a.name, b.name, err)
				}
				indexSectionParts = 1 << 30
				want, err := Render(b.story(t), opts)
				if err != nil {
					t.Fatalf("%s: %v", b.name, err)
				}
				if !slices.EqualFunc(got, want, func(x, y File) bool { return x.Path == y.Path && bytes.Equal(x.Data, y.Data) }) {
					for i := range min(len(got), len(want)) {
						if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
							t.Errorf("%s then %s (base %q): %s differs from a new render", a.name, b.name, opts.BaseURL, got[i].Path)
						}
					}
					if len(got) != len(want) {
						t.Errorf("%s then %s: %d files, a new render %d", a.name, b.name, len(got), len(want))
					}
				}
			}
		}
	}
}

// TestOneShotRendersTheSame checks that the Renderer of Render, which
// keeps nothing and renders a source page whole, makes the bytes of a
// Renderer that keeps fragments and assembles source pages from blocks.
func TestOneShotRendersTheSame(t *testing.T) {
	defer splitPages()()
	defer func(n int) { streamWindow = n }(streamWindow)
	defer func(n int) { splitCitesMin = n }(splitCitesMin)
	splitCitesMin = 1 // the kept Renderer lays out entries citation by citation
	for _, opts := range []Options{{}, {BaseURL: "https://example.org/story/"}} {
		for _, v := range variants {
			kept, err := New()
			if err != nil {
				t.Fatal(err)
			}
			want, err := kept.Render(v.story(t), opts)
			if err != nil {
				t.Fatalf("%s: %v", v.name, err)
			}
			once, err := newOneShot()
			if err != nil {
				t.Fatal(err)
			}
			got, err := once.Render(v.story(t), opts)
			if err != nil {
				t.Fatalf("%s: %v", v.name, err)
			}
			if len(got) != len(want) {
				t.Fatalf("%s: %d files, %d from a Renderer that keeps", v.name, len(got), len(want))
			}
			for i := range got {
				if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
					t.Errorf("%s (base %q): %s differs from a Renderer that keeps", v.name, opts.BaseURL, want[i].Path)
				}
			}
			if len(once.frags.files) != 0 {
				t.Errorf("%s: a one-shot Renderer kept the fragments of %d files", v.name, len(once.frags.files))
			}
			// Written a window of 3 parts at a time, the pages are the same.
			streamWindow = 3
			pages, err := once.Plan(v.story(t), opts)
			if err != nil {
				t.Fatal(err)
			}
			for i, pg := range pages {
				var b bytes.Buffer
				n, err := pg.WriteTo(&b)
				if err != nil {
					t.Fatalf("%s: %v", v.name, err)
				}
				if pg.Path != want[i].Path || !bytes.Equal(b.Bytes(), want[i].Data) || n != int64(len(want[i].Data)) {
					t.Errorf("%s (base %q): %s written (%d bytes) differs from a Renderer that keeps", v.name, opts.BaseURL, pg.Path, n)
				}
			}
		}
	}
}

// TestRendererReusesFragments checks that a render after a small change
// takes most fragments from the render before, and not all.
func TestRendererReusesFragments(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Render(fixture(t), Options{}); err != nil {
		t.Fatal(err)
	}
	before := maps.Clone(r.frags.get("index.html"))
	tl := fixture(t)
	tl.Events[1].Title = "Changed"
	if _, err := r.Render(tl, Options{}); err != nil {
		t.Fatal(err)
	}
	after := r.frags.get("index.html")
	same := 0
	for k := range after {
		if _, ok := before[k]; ok {
			same++
		}
	}
	if same == 0 || same == len(after) {
		t.Errorf("after one event changed, %d of %d fragments of index.html are kept ones; want some, not all", same, len(after))
	}
}

// TestRendererKeepsLayoutRoom renders twice with one Renderer: after
// each render, index.html's room for its layout is kept for the next,
// cleared, and the second layout takes it.
func TestRendererKeepsLayoutRoom(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var rooms []*part
	for round := range 2 {
		if _, err := r.Render(fixture(t), Options{}); err != nil {
			t.Fatal(err)
		}
		spare := r.frags.file(indexPath).spare
		if cap(spare.parts) == 0 || cap(spare.items) == 0 {
			t.Fatalf("round %d: no room kept", round)
		}
		parts, items := spare.parts[:cap(spare.parts)], spare.items[:cap(spare.items)]
		if i := slices.IndexFunc(parts, func(p part) bool { return p.render != nil || p.fill != nil }); i >= 0 {
			t.Errorf("round %d: kept part %d is not cleared", round, i)
		}
		if i := slices.IndexFunc(items, func(it assemblyItem) bool { return it.lit != nil }); i >= 0 {
			t.Errorf("round %d: kept item %d is not cleared", round, i)
		}
		rooms = append(rooms, &parts[0])
	}
	if rooms[0] != rooms[1] {
		t.Error("the second layout did not take the first one's room")
	}
}

// TestRendererDropsFragmentsOfRemovedPages checks that the fragments of
// a source page no longer in the site are not kept.
func TestRendererDropsFragmentsOfRemovedPages(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Render(fixture(t), Options{}); err != nil {
		t.Fatal(err)
	}
	if r.frags.get("sources/b-blog.html") == nil {
		t.Fatal("no fragments kept for sources/b-blog.html")
	}
	tl := fixture(t)
	tl.Sources, tl.Events = tl.Sources[:1], tl.Events[:1]
	if _, err := r.Plan(tl, Options{}); err != nil {
		t.Fatal(err)
	}
	if r.frags.get("sources/b-blog.html") != nil {
		t.Error("the fragments of sources/b-blog.html are kept after it left the site")
	}
	if r.frags.get("sources/a-news.html") == nil {
		t.Error("the fragments of sources/a-news.html are dropped")
	}
}

// TestSplitEntryKeepsItsCitations renders a story, then the same story
// with an entry's citations in another order, as when a source joins an
// entry before the sources it cites: the citations' numbers and ids
// shift, but no citation is rendered again, in index.html or in the
// JSON files: only what is around them.
func TestSplitEntryKeepsItsCitations(t *testing.T) {
	r := keptRenderer(t, 2, fixture(t))
	before := map[string]map[Key]fragment{}
	paths := []string{"index.html", "timeline.json", "timelinejs.json"}
	for _, path := range paths {
		before[path] = maps.Clone(r.frags.get(path))
	}
	tl := fixture(t)
	e := &tl.Events[2] // cited twice, with an account for each citation
	slices.Reverse(e.Citations)
	for i := range e.Accounts {
		for j, n := range e.Accounts[i].Citations {
			e.Accounts[i].Citations[j] = len(e.Citations) - 1 - n
		}
	}
	st, err := newStory(tl, "")
	if err != nil {
		t.Fatal(err)
	}
	cites := st.keys().citations[2]
	if len(cites) != 2 {
		t.Fatalf("the entry is laid out with %d citations' keys, want 2", len(cites))
	}
	if _, err := r.Render(tl, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		after := r.frags.get(path)
		var fresh int
		for k := range after {
			if _, ok := before[path][k]; !ok {
				fresh++
			}
		}
		for _, k := range cites {
			if _, ok := before[path][k]; !ok {
				t.Errorf("%s: a citation whose number changed was rendered again", path)
			}
			if _, ok := after[k]; !ok {
				t.Errorf("%s: a citation of the entry is not among its fragments", path)
			}
		}
		// index.html renders the entry's opening again; the JSON files
		// the element's two ends, around its citations.
		if want := map[string]int{"index.html": 1, "timeline.json": 2, "timelinejs.json": 2}[path]; fresh != want {
			t.Errorf("%s: %d fragments rendered again; want %d", path, fresh, want)
		}
	}
}

// TestKeptFragmentsStayBounded renders a story again and again with one
// entry changed each time: the fragments no longer used are kept for a
// while, but never more than half as many as the page's parts.
func TestKeptFragmentsStayBounded(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	stale := false
	for i := range 40 {
		tl := fixture(t)
		tl.Events[1].Title = fmt.Sprintf("Title %d", i)
		if _, err := r.Render(tl, Options{}); err != nil {
			t.Fatal(err)
		}
		st, err := newStory(tl, "")
		if err != nil {
			t.Fatal(err)
		}
		a, err := r.layIndex(st, assembly{})
		if err != nil {
			t.Fatal(err)
		}
		kept := len(r.frags.get("index.html"))
		if limit := len(a.parts) + len(a.parts)/2 + 1; kept > limit {
			t.Fatalf("render %d: %d fragments kept for %d parts; want at most %d", i, kept, len(a.parts), limit)
		}
		stale = stale || kept > len(a.parts)
	}
	if !stale {
		t.Error("no fragment left unused was ever kept: the kept map was made anew at every render")
	}
}

// TestConcurrentRendersTakeTurns renders every variant of the story at
// once, several times over, with one Renderer that keeps fragments:
// each render must make the bytes of a new Renderer, though renders of
// one path add to the same kept fragments. Run it with -race.
func TestConcurrentRendersTakeTurns(t *testing.T) {
	defer func(n int) { splitCitesMin = n }(splitCitesMin)
	splitCitesMin = 1
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

// TestFilledChunks checks that a Renderer's chunks of a part with holes
// are its fragment filled in one slice, the bytes of the fragment cut at
// its holes with the values between, and that the filled bytes are made
// again only when the values change.
func TestFilledChunks(t *testing.T) {
	holed, err := holedFragment([]byte(`<li id=""><b>[</b>]</li>`), []string{`id="`, `[`})
	if err != nil {
		t.Fatal(err)
	}
	a := &assembly{}
	a.literal([]byte("<ol>"))
	a.add(part{fill: []string{"c1", "1"}})
	a.add(part{}) // no holes
	a.literal([]byte("</ol>"))
	frags := []fragment{holed, {data: []byte("<hr>")}}
	const want = `<ol><li id="c1"><b>[1</b>]</li><hr></ol>`

	chunks, refilled, _ := filledChunks(a, frags, nil)
	if got := string(bytes.Join(chunks, nil)); got != want {
		t.Errorf("filled chunks make %q; want %q", got, want)
	}
	if got := string(bytes.Join(holedChunks(a, []fragment{holed, {data: []byte("<hr>")}}), nil)); got != want {
		t.Errorf("holed chunks make %q; want %q", got, want)
	}
	if len(chunks) != 4 || !slices.Equal(refilled, []int{0}) {
		t.Errorf("%d chunks, parts %v filled; want 4 chunks, part 0 filled", len(chunks), refilled)
	}
	first := chunks[1]

	a.parts[0].fill = []string{"c1", "1"} // the same values, another slice
	chunks, refilled, _ = filledChunks(a, frags, nil)
	if len(refilled) != 0 || &chunks[1][0] != &first[0] {
		t.Errorf("the same values filled the fragment again (parts %v)", refilled)
	}
	a.parts[0].fill = []string{"c22", "22"}
	chunks, refilled, _ = filledChunks(a, frags, nil)
	if got, want := string(bytes.Join(chunks, nil)), `<ol><li id="c22"><b>[22</b>]</li><hr></ol>`; got != want || len(refilled) != 1 {
		t.Errorf("new values make %q (parts %v filled); want %q, part 0 filled", got, refilled, want)
	}
	if string(first) != `<li id="c1"><b>[1</b>]</li>` {
		t.Errorf("filling again changed the bytes of the last render: %q", first)
	}
}

// get returns the fragments kept for path: nil when there are none.
// A render of path changes them: tests call it between renders.
func (c *fragCache) get(path string) map[Key]fragment {
	c.mu.Lock()
	f := c.files[path]
	c.mu.Unlock()
	if f == nil {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.frags
}
