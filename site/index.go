package site

import (
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/mdoc"
	"github.com/timeline-project/timeline/timeline/timex"
)

// pageMeta is what the head of every page says.
type pageMeta struct {
	Root        string // the way from the page to the site's root: "" or "../"
	Title       string
	Description string
	Kind        string // Open Graph type: "website" or "article"
	SiteName    string
	URL         string // the page's public address, or ""
	Feed        bool   // the page announces the Atom feed
	Script      bool   // the page loads timeline.js
}

// indexPage is what index.html shows.
type indexPage struct {
	Meta        pageMeta
	Title       string
	Description string
	Intro       template.HTML // mdoc's rendering of the story's introduction
	Count       string
	Total       int
	Filters     *filterLists
	Background  []indexEntry // entries the sources give as background
	Days        []daySection
	Exports     []exportLink
}

// daySection is the entries of one date: a day, a month or a year.
type daySection struct {
	ID       string // the section's anchor: "date-2023-05-22"
	DateTime string // the date for <time datetime>
	Heading  string // "Monday, 22 May 2023"
	Short    string // "22 May 2023"
	Nav      string // the day navigation's label: Short, without the year where every date has the same
	Weekday  string // "Mon", or "" for a month or a year
	year     int
	Entries  []indexEntry
	Count    string // "3 entries"
}

// indexEntry is an entry of index.html: the event it shows.
type indexEntry struct {
	event *timeline.Event
	// key is the key of the event (see storyKeys), which the entry's
	// markup is made from.
	key Key
	// cites are the keys of the event's citations, or nil when the
	// entry is not laid out citation by citation (see splitCitesMin).
	cites []Key
}

// sourceSummary is one source in the list at the foot of index.html.
type sourceSummary struct {
	Href         string
	Title        string
	Publisher    string
	Published    string
	PublishedISO string
	Known        string // how the date was known, in words; "" when there is nothing to say
	Entries      string // "cited by 4 entries"
}

// exportLink is one of the files that hold the chronology for programs.
type exportLink struct {
	Href  string
	Label string
	What  string
}

// exports are the chronology's files for programs, as the footer lists them.
var exports = []exportLink{
	{Href: "timeline.json", Label: "timeline.json", What: "everything, for programs"},
	{Href: "timelinejs.json", Label: "timelinejs.json", What: "for Knight Lab's TimelineJS"},
	{Href: "events.csv", Label: "events.csv", What: "a spreadsheet, one row per entry"},
	{Href: "feed.xml", Label: "feed.xml", What: "an Atom feed of the 50 entries last reported"},
	{Href: "timeline.ics", Label: "timeline.ics", What: "a calendar, one all-day event per dated entry"},
}

// indexPage arranges the chronology: background entries, then the
// events in their order grouped by date; sourceSummaries the sources.
func (st *story) indexPage() (indexPage, error) {
	page := indexPage{
		Meta: pageMeta{
			Title:       st.title(),
			Description: strings.TrimSpace(st.tl.Description),
			Kind:        "website",
			SiteName:    st.title(),
			URL:         st.absolute(""),
			Feed:        true,
			Script:      true,
		},
		Title:       st.title(),
		Description: strings.TrimSpace(st.tl.Description),
		Count: fmt.Sprintf("%s from %s.", count(len(st.tl.Events), "entry", "entries"),
			count(len(st.sources), "source", "sources")),
		Total:   len(st.tl.Events),
		Filters: newFilterLists(st),
		Exports: exports,
	}
	if strings.TrimSpace(st.tl.Intro) != "" {
		// On an error (too costly to render: the build warned of it),
		// mdoc.HTML returns the plain text as paragraphs, escaped.
		intro, _ := mdoc.HTML([]byte(st.tl.Intro))
		page.Intro = template.HTML(intro) // mdoc.HTML output is safe to embed, fallback too
	}
	page.Background, page.Days = st.daySections()
	return page, nil
}

// sourceSummaries returns the sources as the foot of index.html lists
// them, in ID order.
func (st *story) sourceSummaries() []sourceSummary {
	list := make([]sourceSummary, len(st.sources))
	for i, src := range st.sources {
		list[i] = sourceSummary{
			Href:         sourceHref(src.ID, ""),
			Title:        sourceTitle(src),
			Publisher:    strings.TrimSpace(src.Publisher),
			Published:    longDate(src.Published.Date),
			PublishedISO: src.Published.Date.String(),
			Known:        knownBy(src.Published),
			Entries:      "cited by " + count(len(st.citers[src.ID]), "entry", "entries"),
		}
	}
	return list
}

// dateRuns returns how many runs of events of one date and precision
// events has: at least how many dates they have.
func dateRuns(events []timeline.Event) int {
	n := 0
	for i := range events {
		if i == 0 || events[i].Date != events[i-1].Date || events[i].Precision != events[i-1].Precision {
			n++
		}
	}
	return n
}

// daySections returns the background entries, and the other entries
// grouped by date (and precision) in the order the events come, each
// date once.
func (st *story) daySections() ([]indexEntry, []daySection) {
	keys := st.keys()
	var background []indexEntry
	days := make([]daySection, 0, dateRuns(st.tl.Events))
	index := map[string]int{} // section ID → its index in days
	for i := range st.tl.Events {
		e := &st.tl.Events[i]
		if e.Background {
			background = append(background, indexEntry{event: e, key: keys.events[i], cites: keys.citations[i]})
			continue
		}
		id := "date-" + e.DateString()
		n, ok := index[id]
		if !ok {
			n = len(days)
			index[id] = n
			days = append(days, daySection{
				ID:       id,
				DateTime: e.DateString(),
				Heading:  dayHeading(e),
				Short:    dateLabel(e),
				Nav:      dateLabel(e),
				Weekday:  shortWeekday(e),
				year:     e.Date.Year,
			})
			if e.Precision == timex.PrecisionDay {
				days[n].Nav = e.Date.Time().Format("2 January")
			}
		}
		days[n].Entries = append(days[n].Entries, indexEntry{event: e, key: keys.events[i], cites: keys.citations[i]})
	}
	oneYear := !slices.ContainsFunc(days, func(d daySection) bool { return d.year != days[0].year })
	for i := range days {
		days[i].Count = count(len(days[i].Entries), "entry", "entries")
		if !oneYear {
			days[i].Nav = days[i].Short
		}
	}
	return background, days
}
