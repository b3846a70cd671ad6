package site

import (
	"slices"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
)

// monthLater adds to the fixture an entry a month after its days.
func monthLater(tl *timeline.Timeline) {
	for _, v := range variants {
		if v.name == "a month later" {
			v.change(nil, tl)
		}
	}
}

// TestLongChronologySplitsByMonth renders the fixture with an entry a
// month later as a long chronology: index.html keeps the overview and
// lists the months; each month is a page with its days, its filters and
// links to the months beside it; the background entries have a page of
// their own; the source pages, the key happenings, the chart and the
// exports link to the entries where they are.
func TestLongChronologySplitsByMonth(t *testing.T) {
	tl := fixture(t)
	monthLater(tl)
	short := render(t, tl)
	if _, ok := short["2023-05.html"]; ok {
		t.Fatalf("a short chronology is split")
	}
	defer splitPages()()
	files := render(t, tl)
	for _, p := range []string{"2023-05.html", "2023-06.html", "background.html"} {
		if files[p] == nil {
			t.Fatalf("no page %s: %q", p, sortedKeys(files))
		}
	}
	index, may, june := string(files["index.html"]), string(files["2023-05.html"]), string(files["2023-06.html"])
	for _, want := range []string{
		`<li id="month-2023-05"><a href="2023-05.html">May 2023</a> <span class="note">2 dates, 2 entries</span></li>`,
		`<li id="month-2023-06"><a href="2023-06.html">June 2023</a> <span class="note">1 date, 1 entry</span></li>`,
		`<a href="background.html">Background</a>`,
		`<a class="key-title" href="2023-06.html#2023-06-02-later">`,
		`<a class="chart-day" href="2023-05.html#date-2023-05-22" aria-label="Monday, 22 May 2023: 1 source, 1 outlet`,
	} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	if strings.Contains(index, "<article") || strings.Contains(index, `id="filters"`) {
		t.Errorf("the index of a split chronology shows entries or filters")
	}
	for _, want := range []string{
		`<h1>May 2023</h1>`,
		`<a href="2023-06.html" rel="next">June 2023 →</a>`,
		`id="2023-05-22-raid"`, `id="2023-05-23-army-claim"`, `id="filters"`,
		`<li><a href="#date-2023-05-22">`,
	} {
		if !strings.Contains(may, want) {
			t.Errorf("2023-05.html lacks %q", want)
		}
	}
	if strings.Contains(may, "2023-06-02-later") || strings.Contains(may, `rel="prev"`) || strings.Contains(may, "2023-05-month-fighting") {
		t.Errorf("2023-05.html shows another month's entry, a month before it or the background")
	}
	if !strings.Contains(june, `<a href="2023-05.html" rel="prev">← May 2023</a>`) || !strings.Contains(june, `id="2023-06-02-later"`) {
		t.Errorf("2023-06.html lacks its entry or its link to May")
	}
	if !strings.Contains(string(files["background.html"]), `id="2023-05-month-fighting"`) {
		t.Errorf("background.html lacks the background entry")
	}
	if !strings.Contains(string(files["sources/a-news.html"]), `href="../2023-05.html#2023-05-22-raid"`) {
		t.Errorf("the source page does not link to its entry on the page of its month")
	}
	if !strings.Contains(string(files["events.csv"]), "https://example.org/story/2023-06.html#2023-06-02-later") {
		t.Errorf("events.csv does not link to the entry on the page of its month")
	}
}

// TestMonthPageKeysFollowTheirData changes an entry of one month of a
// split chronology: that month's page is rendered again, the other's not.
func TestMonthPageKeysFollowTheirData(t *testing.T) {
	defer splitPages()()
	opts := Options{BaseURL: "https://example.org/story"}
	tl := fixture(t)
	monthLater(tl)
	before := planKeys(t, tl, opts)
	tl = fixture(t)
	monthLater(tl)
	tl.Events[3].Summary = "Another summary"
	after := planKeys(t, tl, opts)
	var changed []string
	for path, k := range after {
		if before[path] != k {
			changed = append(changed, path)
		}
	}
	slices.Sort(changed)
	want := []string{"2023-06.html", "events.csv", "feed.xml", "index.html", "timeline.ics", "timeline.json", "timelinejs.json"}
	if !slices.Equal(changed, want) {
		t.Errorf("pages whose key changed: %q, want %q", changed, want)
	}
}

func TestReadableTitle(t *testing.T) {
	for _, tc := range []struct{ title, want string }{
		{"09:27 UK time, Friday, 28 May 2010 The…", ""},
		{"By Finlo Rohrer BBC News, Washington Ev…", ""},
		{"By Finlo Rohrer BBC News, Washington Every year the storms come", "Every year the storms come"},
		{"William Crawley | 22:29 UK time, Wednesday, 13 January 2010 His body was found", "His body was found"},
		{"- 17:26 GMT Haiti earthquake: Expats fear for their relatives", "Haiti earthquake: Expats fear for their relatives"},
		{"Updated: 10.30am local time, Quake hits", "Quake hits"},
		{"2010-01-12 quake in Haiti", "Quake in Haiti"},
		{"Haiti devastated by massive quake", "Haiti devastated by massive quake"},
		{"By the numbers: the quake", "By the numbers: the quake"},
		{"Sunday Times reports", "Sunday Times reports"},
		{"May 2023 was hot", "May 2023 was hot"},
		{"Monday's attack on the border", "Monday's attack on the border"},
		{"", ""},
	} {
		if got := readableTitle(tc.title); got != tc.want {
			t.Errorf("readableTitle(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}

// TestSourceLabelsAndOrder checks how the filters and the citations
// name sources: by publisher and date, else by a readable title, else
// by file name; listed by name, then date.
func TestSourceLabelsAndOrder(t *testing.T) {
	src := func(id, publisher, title string, d int) *timeline.Source {
		s := &timeline.Source{ID: id, File: id + ".md", Publisher: publisher, Title: title}
		if d > 0 {
			s.Published = timeline.Published{Date: day(2023, 5, d)}
		}
		return s
	}
	sources := []*timeline.Source{
		src("a", "Zeta News", "Ignored", 3),
		src("b", "", "09:27 UK time, Friday, 28 May 2010 The…", 2),
		src("c", "Alpha Times", "", 9),
		src("d", "Alpha Times", "", 1),
		src("e", "", "By Jane Doe BBC News Bridge reopens after repairs", 0),
	}
	var labels []string
	order := sourceOrder(sources, sourceName)
	byPlace := make([]string, len(sources))
	for i, s := range sources {
		labels = append(labels, sourceLabel(s, sourceName(s)))
		byPlace[order[i]] = s.ID
	}
	want := []string{"Zeta News, 3 May 2023", "b.md, 2 May 2023", "Alpha Times, 9 May 2023", "Alpha Times, 1 May 2023", "Bridge reopens after repairs"}
	if !slices.Equal(labels, want) {
		t.Errorf("labels %q, want %q", labels, want)
	}
	if wantOrder := []string{"d", "c", "b", "e", "a"}; !slices.Equal(byPlace, wantOrder) {
		t.Errorf("order %q, want %q", byPlace, wantOrder)
	}
}
