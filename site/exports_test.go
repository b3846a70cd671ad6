package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
	"golang.org/x/tools/blog/atom"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

func TestTextFragmentLink(t *testing.T) {
	for _, tc := range []struct{ page, quote, want string }{
		{"https://e.org/a", "Armed men crossed.", "https://e.org/a#:~:text=Armed%20men%20crossed."},
		{"https://e.org/a#top", "a-b, c & d", "https://e.org/a#:~:text=a%2Db%2C%20c%20%26%20d"},
		{"https://e.org/a", "  spaced\n  out ", "https://e.org/a#:~:text=spaced%20out"},
		{"https://e.org/a", "", "https://e.org/a"},
		{"https://e.org/a", "one two three four five six seven eight nine ten eleven",
			"https://e.org/a#:~:text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%20eleven"},
		{"https://e.org/a", "“Ünïcode” é", "https://e.org/a#:~:text=%E2%80%9C%C3%9Cn%C3%AFcode%E2%80%9D%20%C3%A9"},
	} {
		if got := textFragmentLink(tc.page, tc.quote); got != tc.want {
			t.Errorf("textFragmentLink(%q, %q) = %q, want %q", tc.page, tc.quote, got, tc.want)
		}
	}
}

// timelineJSDocTest is the part of TimelineJS's format the tests read.
type timelineJSDocTest struct {
	Title struct {
		Text struct{ Headline, Text string } `json:"text"`
	} `json:"title"`
	Events []struct {
		StartDate struct {
			Year, Month, Day string
			DisplayDate      string `json:"display_date"`
		} `json:"start_date"`
		Text struct {
			Headline string `json:"headline"`
			Text     string `json:"text"`
		} `json:"text"`
		Group    string `json:"group"`
		UniqueID string `json:"unique_id"`
	} `json:"events"`
}

func TestTimelineJS(t *testing.T) {
	tl := fixture(t)
	var doc timelineJSDocTest
	if err := json.Unmarshal(render(t, tl)["timelinejs.json"], &doc); err != nil {
		t.Fatalf("timelinejs.json: %v", err)
	}
	if doc.Title.Text.Headline != "The Belgorod raid &lt;script&gt;" || len(doc.Events) != len(tl.Events) {
		t.Fatalf("timelinejs.json: title %q, %d slides", doc.Title.Text.Headline, len(doc.Events))
	}
	month, day := doc.Events[0], doc.Events[1]
	if month.StartDate.Year != "2023" || month.StartDate.Month != "5" || month.StartDate.Day != "" || month.Group != "Background" {
		t.Errorf("month slide: %+v, group %q", month.StartDate, month.Group)
	}
	if day.StartDate.Day != "22" || day.StartDate.DisplayDate != "Monday, 22 May 2023, early morning" || day.UniqueID != tl.Events[1].ID {
		t.Errorf("day slide: %+v, id %q", day.StartDate, day.UniqueID)
	}
	if !strings.Contains(day.Text.Headline, "&lt;script&gt;") || strings.Contains(day.Text.Text, "<script") {
		t.Errorf("slide text is not escaped: %q / %q", day.Text.Headline, day.Text.Text)
	}
	if !strings.Contains(day.Text.Text, `<a href="https://example.org/story/sources/a-news.html#s2">Example News</a>`) {
		t.Errorf("slide text lacks an absolute link to its sentence: %q", day.Text.Text)
	}
	noBase := siteFiles(t, tl)["timelinejs.json"]
	if bytes.Contains(noBase, []byte("<a href")) {
		t.Errorf("without a base URL timelinejs.json links to pages it cannot reach")
	}
}

func TestEventsCSV(t *testing.T) {
	tl := fixture(t)
	tl.Events[1].Title = "=HYPERLINK(\"https://evil.example\")"
	rows, err := csv.NewReader(bytes.NewReader(render(t, tl)["events.csv"])).ReadAll()
	if err != nil {
		t.Fatalf("events.csv: %v", err)
	}
	if len(rows) != 1+len(tl.Events) || strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Fatalf("events.csv: %d rows, header %q", len(rows), rows[0])
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	raid, claim := rows[2], rows[3]
	if raid[col["title"]] != "'=HYPERLINK(\"https://evil.example\")" {
		t.Errorf("a formula-like title is not neutralised: %q", raid[col["title"]])
	}
	if raid[col["citations"]] != "a-news#s2 a-news#s3" || raid[col["date_basis"]] != "relative" {
		t.Errorf("raid row: citations %q, date basis %q", raid[col["citations"]], raid[col["date_basis"]])
	}
	if claim[col["sources"]] != "a-news b-blog" || claim[col["disputed"]] != "true" || claim[col["stance"]] != "claim" ||
		claim[col["claimed_by"]] != "Russian Defence Ministry; Governor <Gladkov>" {
		t.Errorf("claim row: %q", claim)
	}
	if !strings.Contains(claim[col["quotes"]], "[1] On Tuesday morning") || !strings.Contains(claim[col["quotes"]], "\n[2] Armed men") {
		t.Errorf("claim row quotes: %q", claim[col["quotes"]])
	}
	if claim[col["link"]] != "https://example.org/story/index.html#2023-05-23-army-claim" {
		t.Errorf("claim row link: %q", claim[col["link"]])
	}
}

func TestAtomFeed(t *testing.T) {
	tl := fixture(t)
	for _, base := range []string{"https://example.org/story", ""} {
		files, err := Render(tl, Options{BaseURL: base})
		if err != nil {
			t.Fatal(err)
		}
		var data []byte
		for _, f := range files {
			if f.Path == "feed.xml" {
				data = f.Data
			}
		}
		var feed atom.Feed
		if err := xml.Unmarshal(data, &feed); err != nil {
			t.Fatalf("feed.xml (base %q): %v", base, err)
		}
		if feed.Title != tl.Title || len(feed.Entry) != len(tl.Events) || feed.Updated != "2023-05-23T00:00:00+00:00" {
			t.Fatalf("feed (base %q): title %q, %d entries, updated %q", base, feed.Title, len(feed.Entry), feed.Updated)
		}
		ids := map[string]bool{feed.ID: true}
		for i, e := range feed.Entry {
			if ids[e.ID] || e.ID == "" {
				t.Errorf("entry %d: id %q empty or repeated", i, e.ID)
			}
			ids[e.ID] = true
			wantLink := "index.html#" + tl.Events[i].ID
			if base != "" {
				wantLink = "https://example.org/story/" + wantLink
			}
			if len(e.Link) != 1 || e.Link[0].Href != wantLink || e.Content == nil || e.Content.Type != "html" {
				t.Errorf("entry %d (base %q): links %+v", i, base, e.Link)
			}
		}
		if base == "" && !strings.HasPrefix(feed.ID, "urn:uuid:") {
			t.Errorf("feed id without a base URL: %q", feed.ID)
		}
		if claim := feed.Entry[2]; claim.Title != "23 May 2023: "+tl.Events[2].Title || claim.Updated != "2023-05-23T00:00:00+00:00" {
			t.Errorf("claim entry: title %q, updated %q", claim.Title, claim.Updated)
		}
	}
}

func TestCalendar(t *testing.T) {
	tl := fixture(t)
	tl.Events[1].Summary = "Men, in vehicles; crossed\\the border\nat dawn."
	data := render(t, tl)["timeline.ics"]
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if len(line) > 75 || strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d of timeline.ics is %d octets or has a bare line end: %q", i+1, len(line), line)
		}
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parse timeline.ics: %v", err)
	}
	events := cal.Events()
	if len(events) != 2 { // the month-precise event is not a day
		t.Fatalf("timeline.ics has %d events, want the 2 dated to a day", len(events))
	}
	raid := events[0]
	for prop, want := range map[ics.ComponentProperty]string{
		ics.ComponentPropertyDtStart: "20230522",
		ics.ComponentPropertyDtEnd:   "20230523",
		ics.ComponentPropertyDtstamp: "20230523T000000Z",
		ics.ComponentPropertySummary: tl.Events[1].Title,
		ics.ComponentPropertyUrl:     "https://example.org/story/index.html#2023-05-22-raid",
	} {
		if p := raid.GetProperty(prop); p == nil || p.Value != want {
			t.Errorf("raid %s = %+v, want %q", prop, p, want)
		}
	}
	desc := raid.GetProperty(ics.ComponentPropertyDescription)
	if desc == nil || !strings.HasPrefix(ics.FromText(desc.Value), "(early morning) Men, in vehicles; crossed\\the border at dawn.\n[1] Example News: “Armed men") {
		t.Errorf("raid description = %+v", desc)
	}
	if again := render(t, tl)["timeline.ics"]; !bytes.Equal(again, data) {
		t.Errorf("timeline.ics differs between two renders")
	}
}

// TestCalendarQuotesTheFirstCitations checks that an event cited more
// than maxCalendarCitations times quotes that many in the calendar and
// says how many more there are.
func TestCalendarQuotesTheFirstCitations(t *testing.T) {
	tl := fixture(t)
	e := &tl.Events[1]
	for len(e.Citations) < maxCalendarCitations+3 {
		e.Citations = append(e.Citations, e.Citations[0])
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(render(t, tl)["timeline.ics"]))
	if err != nil {
		t.Fatal(err)
	}
	desc := ics.FromText(cal.Events()[0].GetProperty(ics.ComponentPropertyDescription).Value)
	lines := strings.Split(desc, "\n")
	if got := strings.Count(desc, "\n["); got != maxCalendarCitations {
		t.Errorf("the description quotes %d citations, want %d:\n%s", got, maxCalendarCitations, desc)
	}
	if last := lines[len(lines)-1]; last != "… and 3 more citations: the chronology quotes every one." {
		t.Errorf("the description ends %q", last)
	}
}

func TestNotFoundPage(t *testing.T) {
	withBase := string(render(t, fixture(t))["404.html"])
	if !strings.Contains(withBase, `href="https://example.org/story/style.css"`) || !strings.Contains(withBase, `href="https://example.org/story/index.html"`) {
		t.Errorf("404.html with a base URL does not link by it:\n%s", withBase)
	}
	noBase := string(siteFiles(t, fixture(t))["404.html"])
	if !strings.Contains(noBase, `href="style.css"`) || !strings.Contains(noBase, `href="index.html"`) {
		t.Errorf("404.html without a base URL does not link relatively:\n%s", noBase)
	}
}

// FuzzExports renders the fixture with hostile text in a title, a
// summary, a quote and a speaker: every export must stay well formed.
func FuzzExports(f *testing.F) {
	f.Add("=cmd|' /C calc'!A0", "line\r\nbreak, semi; colon: back\\slash", "“quoted” <b>&amp;</b>", "Gov. <X>")
	f.Add("\x00\x01\x7f", "\ufeffBOM", strings.Repeat("é", 80), "")
	f.Fuzz(func(t *testing.T, title, summary, quote, speaker string) {
		tl := fixture(t)
		e := &tl.Events[2]
		e.Title, e.Summary, e.Citations[0].Quote, e.Citations[0].Speaker = title, summary, quote, speaker
		e.ClaimedBy = []string{speaker}
		files := render(t, tl)
		for _, name := range []string{"timeline.json", "timelinejs.json"} {
			if !json.Valid(files[name]) {
				t.Errorf("%s is not JSON", name)
			}
		}
		var feed atom.Feed
		if err := xml.Unmarshal(files["feed.xml"], &feed); err != nil || len(feed.Entry) != len(tl.Events) {
			t.Errorf("feed.xml: %v, %d entries", err, len(feed.Entry))
		}
		rows, err := csv.NewReader(bytes.NewReader(files["events.csv"])).ReadAll()
		if err != nil || len(rows) != 1+len(tl.Events) {
			t.Errorf("events.csv: %v, %d rows", err, len(rows))
		}
		cal := string(files["timeline.ics"])
		for _, line := range strings.Split(strings.TrimSuffix(cal, "\r\n"), "\r\n") {
			if len(line) > 75 || strings.ContainsAny(line, "\r\n") {
				t.Errorf("timeline.ics line of %d octets: %q", len(line), line)
			}
		}
		if parsed, err := ics.ParseCalendar(strings.NewReader(cal)); err != nil || len(parsed.Events()) != 2 {
			t.Errorf("timeline.ics does not parse back: %v", err)
		}
	})
}

// TestFeedCarriesTheLastReported checks that feed.xml carries the
// feedEntries events last reported, in chronology order, those later in
// the chronology first among events reported on the same day.
func TestFeedCarriesTheLastReported(t *testing.T) {
	for _, tc := range []struct {
		name   string
		events int
		// reported gives event i's date: the day its source published.
		reported func(i int) int
		want     func(i int) bool // whether event i is in the feed
	}{
		{"fewer than the most", 10, func(i int) int { return 1 }, func(int) bool { return true }},
		{"latest reported", 120, func(i int) int { return 1 + (i*37)%120/2 }, nil},
		{"all on one day", 120, func(i int) int { return 1 }, func(i int) bool { return i >= 70 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl := &timeline.Timeline{Title: "Feed"}
			for i := range tc.events {
				src := newSource(t, timeline.Source{
					ID: fmt.Sprintf("s%03d", i), Text: "It happened.",
					Published: timeline.Published{Date: day(2020, 1, tc.reported(i)), Basis: timeline.BasisText},
				}).block(timeline.Paragraph, "", "It happened.", 1, "It happened.").src
				tl.Sources = append(tl.Sources, src)
				tl.Events = append(tl.Events, timeline.Event{
					ID: fmt.Sprintf("e%03d", i), Date: day(2019, 1, 1), Precision: timex.PrecisionDay, Title: "E",
					Citations: []timeline.Citation{{Source: src.ID, Sentence: 1, Quote: "It happened."}},
				})
			}
			want := tc.want
			if want == nil { // the 50 latest days: day > 35, as 37 is prime to 120
				want = func(i int) bool { return tc.reported(i) > 35 }
			}
			var feed atom.Feed
			if err := xml.Unmarshal(render(t, tl)["feed.xml"], &feed); err != nil {
				t.Fatal(err)
			}
			var got, wanted []string
			for _, e := range feed.Entry {
				got = append(got, e.Link[0].Href)
			}
			for i := range tc.events {
				if want(i) {
					wanted = append(wanted, "https://example.org/story/index.html#"+tl.Events[i].ID)
				}
			}
			if !slices.Equal(got, wanted) {
				t.Errorf("feed entries %v, want %v", got, wanted)
			}
		})
	}
}

// TestEventsCSVQuotes checks the quotes cell of an event cited many
// times, with quotes that encoding/csv must escape: each quote numbered
// on a line of its own.
func TestEventsCSVQuotes(t *testing.T) {
	tl := fixture(t)
	e := &tl.Events[2]
	odd := []string{`He said "stop", then left.`, "=SUM(A1)", "a line\nbreak and\r\nmore", " a leading space", "plain", "Ünïcödé — dash", `\.`, "tab\there"}
	base := e.Citations[0]
	e.Citations, e.Accounts, e.Disputed = nil, nil, false
	for i := range 32 {
		c := base
		c.Quote = odd[i%len(odd)] + " " + strconv.Itoa(i)
		e.Citations = append(e.Citations, c)
	}
	files, err := Render(tl, Options{})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(files, func(f File) bool { return f.Path == "events.csv" })
	rows, err := csv.NewReader(bytes.NewReader(files[i].Data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	quotes := rows[3][slices.Index(csvHeader, "quotes")]
	if !strings.HasPrefix(quotes, "[1] "+odd[0]) || !strings.Contains(quotes, "\n[6] "+e.Citations[5].Quote+"\n[7] ") ||
		!strings.Contains(quotes, "\n[3] a line\nbreak and\nmore 2\n") {
		t.Errorf("the quotes cell reads:\n%s", quotes)
	}
}
