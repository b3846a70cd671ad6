package site

import (
	"fmt"
	"html/template"
	"io"
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

// indexPage is what a page of the chronology shows: index.html, or the
// page of a month or of the background entries of a long chronology
// (see chronicle).
type indexPage struct {
	Meta        pageMeta
	Title       string // the story's
	Heading     string // the page's: the story's title, or its month
	Description string
	Intro       template.HTML // mdoc's rendering of the story's introduction
	Count       string
	// Home is true for index.html, with its Overview; Months are the
	// pages of a split chronology, which it lists.
	Home     bool
	Overview *overview
	Months   []navLink
	// Prev and Next are the pages of the months before and after a
	// month's, Up the link back to index.html.
	Prev, Next *navLink
	// NavLabel names the navigation: "Days", or "Months" for the pages
	// of months.
	NavLabel string
	Filters  *filterLists // nil on a page without entries
	Total    int          // the page's entries
	// Background are the background entries the page shows: folded
	// (BackgroundFolded) after the days of index.html, or alone on a
	// page of their own, to which BackgroundLink links from index.html.
	Background       []indexEntry
	BackgroundFolded bool
	BackgroundLink   *navLink
	Days             []daySection
	// ListSources is true where the page lists the sources at its foot:
	// Sources, folded (SourcesFolded) when they are many.
	ListSources   bool
	Sources       []sourceSummary
	SourcesFolded bool
	Exports       []exportLink
}

// foldSourcesMin is the most sources index.html lists unfolded.
const foldSourcesMin = 12

// navLink is a link to a page of the chronology or to a section.
type navLink struct {
	Href  string
	ID    string // the anchor of its item in a list, or ""
	Label string
	N     int    // its entries
	Note  string // "12 days, 61 entries"
}

// daySection is the entries of one date: a day, a month or a year.
type daySection struct {
	ID       string // the section's anchor: "date-2023-05-22"
	Href     string // the link to it from its page: "#date-2023-05-22"
	DateTime string // the date for <time datetime>
	Heading  string // "Monday, 22 May 2023"
	Short    string // "22 May 2023"
	Nav      string // the day navigation's label: Short, without the year where every date has the same
	Weekday  string // "Mon", or "" for a month or a year
	year     int
	Entries  []indexEntry
	Count    string // "3 entries"
}

// indexEntry is an entry of a page of the chronology: the event it
// shows, the Index-th of the Timeline.
type indexEntry struct {
	event *timeline.Event
	st    *story
	Index int
}

// View arranges the entry.
func (e indexEntry) View() entryView { return e.st.entry(e.event) }

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

// exportLink is one of the files that hold the chronology for programs,
// and the way to write it.
type exportLink struct {
	Href  string
	Label string
	What  string
	write func(st *story, w io.Writer) error
}

// exports are the chronology's files for programs, as the footer lists them.
var exports = []exportLink{
	{Href: "timeline.json", Label: "timeline.json", What: "everything, for programs", write: (*story).writeTimelineJSON},
	{Href: "timelinejs.json", Label: "timelinejs.json", What: "for Knight Lab's TimelineJS", write: (*story).writeTimelineJS},
	{Href: "events.csv", Label: "events.csv", What: "a spreadsheet, one row per entry", write: (*story).writeEventsCSV},
	{Href: "feed.xml", Label: "feed.xml", What: "an Atom feed of the 50 entries last reported", write: (*story).writeAtomFeed},
	{Href: "timeline.ics", Label: "timeline.ics", What: "a calendar, one all-day event per dated entry", write: (*story).writeCalendar},
}

// indexPage arranges index.html: the overview, then the days and the
// background entries, or the list of the pages of months.
func (st *story) indexPage() indexPage {
	c := st.chronicle()
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
		Heading:     st.title(),
		Description: strings.TrimSpace(st.tl.Description),
		Count: fmt.Sprintf("%s from %s.", count(len(st.tl.Events), "entry", "entries"),
			count(len(st.sources), "source", "sources")),
		Home:          true,
		NavLabel:      "Days",
		ListSources:   true,
		Sources:       st.sourceSummaries(),
		SourcesFolded: len(st.sources) > foldSourcesMin,
		Exports:       exports,
	}
	if strings.TrimSpace(st.tl.Intro) != "" {
		// On an error (too costly to render: the build warned of it),
		// mdoc.HTML returns the plain text as paragraphs, escaped.
		intro, _ := mdoc.HTML([]byte(st.tl.Intro))
		page.Intro = template.HTML(intro) // mdoc.HTML output is safe to embed, fallback too
	}
	keys := st.keyHappenings()
	if len(keys) > 0 {
		page.Overview = &overview{Key: keys, Chart: st.chart(keyDays(keys))}
	}
	if c.months == nil {
		page.Days = c.days
	} else {
		page.NavLabel = "Months"
		for _, p := range c.months {
			page.Months = append(page.Months, p.link())
		}
	}
	if c.backgroundPage == nil {
		page.Background, page.BackgroundFolded = c.background, len(c.background) > 0
	} else {
		link := c.backgroundPage.link()
		page.BackgroundLink = &link
	}
	events := pageEvents(page.Days, page.Background)
	if page.Total = len(events); page.Total > 0 {
		page.Filters = st.filterLists(events)
	}
	return page
}

// link returns the link to p, with the number of its entries and days.
func (p *chronPage) link() navLink {
	l := navLink{Href: p.Path, ID: p.ID, Label: p.Label, N: len(pageEvents(p.Days, p.Background))}
	l.Note = count(l.N, "entry", "entries")
	if len(p.Days) > 0 {
		l.Note = count(len(p.Days), "date", "dates") + ", " + l.Note
	}
	return l
}

// monthPage arranges the page of the month (or of the background
// entries) p, the i-th of the pages of months (-1 for the background's).
func (st *story) monthPage(p *chronPage, i int) indexPage {
	c := st.chronicle()
	page := indexPage{
		Meta: pageMeta{
			Title:    p.Label + " · " + st.title(),
			Kind:     "website",
			SiteName: st.title(),
			URL:      st.absolute(p.Path),
			Feed:     true,
			Script:   true,
		},
		Title:      st.title(),
		Heading:    p.Label,
		NavLabel:   "Days",
		Days:       p.Days,
		Background: p.Background,
		Exports:    exports,
	}
	events := pageEvents(p.Days, p.Background)
	page.Total = len(events)
	page.Count = count(page.Total, "entry", "entries") + "."
	if len(p.Days) > 0 {
		page.Count = count(len(p.Days), "date", "dates") + ", " + page.Count
	}
	if page.Total > 0 {
		page.Filters = p.pageFilters(st)
	}
	if i > 0 {
		l := c.months[i-1].link()
		page.Prev = &l
	}
	if i >= 0 && i+1 < len(c.months) {
		l := c.months[i+1].link()
		page.Next = &l
	}
	return page
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
	var background []indexEntry
	days := make([]daySection, 0, dateRuns(st.tl.Events))
	index := map[string]int{} // section ID → its index in days
	for i := range st.tl.Events {
		e := &st.tl.Events[i]
		if e.Background {
			background = append(background, indexEntry{event: e, st: st, Index: i})
			continue
		}
		id := "date-" + e.DateString()
		n, ok := index[id]
		if !ok {
			n = len(days)
			index[id] = n
			days = append(days, daySection{
				ID:       id,
				Href:     "#" + id,
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
		days[n].Entries = append(days[n].Entries, indexEntry{event: e, st: st, Index: i})
	}
	oneYear := !slices.ContainsFunc(days, func(d daySection) bool { return d.year != days[0].year })
	for i := range days {
		days[i].Count = count(len(days[i].Entries), "entry", "entries")
		if !oneYear {
			days[i].Nav = days[i].Short
			if e := days[i].Entries[0].event; e.Precision == timex.PrecisionDay {
				days[i].Nav = e.Date.Time().Format("2 Jan 2006")
			}
		}
	}
	return background, days
}

// allEvents returns the story's events.
func (st *story) allEvents() []*timeline.Event {
	out := make([]*timeline.Event, len(st.tl.Events))
	for i := range st.tl.Events {
		out[i] = &st.tl.Events[i]
	}
	return out
}
