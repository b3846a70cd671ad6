package site

import (
	"sync"

	"github.com/timeline-project/timeline/timeline"
)

// The chronology is one page, index.html, while it is short enough to
// open quickly on a phone. A longer one is split: index.html keeps the
// overview (key happenings, the chart of the story's course) and lists
// the months, each of which is a page of its own (2024-01.html), and the
// background entries get a page of their own (background.html). Every
// page is at the site's root, so that the links between pages and to
// the sources are the same from all of them.

// pageCitesMax is the most citations the days of index.html show: a
// chronology with more, over more than one month, is split into a page
// per month. Each citation is about 1.5 kB of markup with its quote;
// 2,000 of them open in about a second on a phone-sized headless
// Chromium here.
var pageCitesMax = 2000

// backgroundPath is the path of the page of the background entries,
// when they have one.
const backgroundPath = "background.html"

// chronicle is the chronology laid out in pages.
type chronicle struct {
	days       []daySection
	background []indexEntry
	// months are the pages of the days, a month (or a year, for entries
	// dated only to a year) each, when the chronology is split; nil when
	// index.html shows the days.
	months []*chronPage
	// backgroundPage shows the background entries when they have a page
	// of their own; nil when index.html shows them, folded.
	backgroundPage *chronPage
	// pageOf is, per event ID and per section ID, the path of the page
	// that shows it.
	pageOf map[string]string
}

// chronPage is a page of the chronology other than index.html.
type chronPage struct {
	Path  string // "2024-01.html"
	Label string // "January 2024"
	// ID is the anchor of its item in the list of months on index.html.
	ID         string
	Days       []daySection
	Background []indexEntry
	// filters are the choices of its filters, made once (see filterLists).
	filtersOnce sync.Once
	filters     *filterLists
}

// pageFilters returns the choices of the filters of p.
func (p *chronPage) pageFilters(st *story) *filterLists {
	p.filtersOnce.Do(func() { p.filters = st.filterLists(pageEvents(p.Days, p.Background)) })
	return p.filters
}

// pageEvents returns the events of the entries of days and background.
func pageEvents(days []daySection, background []indexEntry) []*timeline.Event {
	var out []*timeline.Event
	for _, e := range background {
		out = append(out, e.event)
	}
	for _, d := range days {
		for _, e := range d.Entries {
			out = append(out, e.event)
		}
	}
	return out
}

// chronicle returns the pages of st's chronology, making them the first
// time.
func (st *story) chronicle() *chronicle {
	st.pagesOnce.Do(func() { st.pages = newChronicle(st) })
	return st.pages
}

// newChronicle lays st's chronology out in pages.
func newChronicle(st *story) *chronicle {
	c := &chronicle{pageOf: make(map[string]string, len(st.tl.Events))}
	c.background, c.days = st.daySections()
	if entryCites(c.days) > pageCitesMax {
		c.months = monthPages(c.days)
		if len(c.months) < 2 {
			c.months = nil
		}
	}
	if len(c.background) > 0 && (c.months != nil || citesOf(c.background) > pageCitesMax/4) {
		c.backgroundPage = &chronPage{Path: backgroundPath, Label: "Background", Background: c.background}
	}
	for _, d := range c.days {
		c.place(d.ID, indexPath, d.Entries)
	}
	for _, p := range c.months {
		for _, d := range p.Days {
			c.place(d.ID, p.Path, d.Entries)
		}
	}
	bg := indexPath
	if c.backgroundPage != nil {
		bg = backgroundPath
	}
	c.place("background", bg, c.background)
	return c
}

// monthAt returns the page of the chronology at path other than
// index.html, and its place among the months (-1 for the background's);
// nil when there is none.
func (c *chronicle) monthAt(path string) (*chronPage, int) {
	for i, p := range c.months {
		if p.Path == path {
			return p, i
		}
	}
	if c.backgroundPage != nil && c.backgroundPage.Path == path {
		return c.backgroundPage, -1
	}
	return nil, -1
}

// place records that the page at path shows the section id and entries.
func (c *chronicle) place(id, path string, entries []indexEntry) {
	c.pageOf[id] = path
	for _, e := range entries {
		c.pageOf[e.event.ID] = path
	}
}

// monthPages returns the days grouped in pages of a month: those of
// days and months by their month, those of years by their year, in the
// order of their first day.
func monthPages(days []daySection) []*chronPage {
	var pages []*chronPage
	at := map[string]*chronPage{}
	for _, d := range days {
		month, label := d.DateTime, d.Short
		if len(month) >= len("2006-01") {
			month = month[:len("2006-01")]
			label = isoLabel(month)
		}
		p := at[month]
		if p == nil {
			p = &chronPage{Path: month + ".html", Label: label, ID: "month-" + month}
			at[month] = p
			pages = append(pages, p)
		}
		p.Days = append(p.Days, d)
	}
	return pages
}

// entryCites returns how many citations the entries of days have.
func entryCites(days []daySection) int {
	n := 0
	for _, d := range days {
		n += citesOf(d.Entries)
	}
	return n
}

// citesOf returns how many citations entries have.
func citesOf(entries []indexEntry) int {
	n := 0
	for _, e := range entries {
		n += len(e.event.Citations)
	}
	return n
}

// href returns the link from the page at from to the element id on the
// page that shows it (see pageOf): "#id" on the same page, which keeps
// the page's filters in its address.
func (c *chronicle) href(from, id string) string {
	to := c.pageOf[id]
	if to == "" {
		to = indexPath
	}
	if to == from {
		return "#" + id
	}
	return to + "#" + id
}

// entryPath returns the path and fragment of the entry of e from the
// site's root: "index.html#id", "2024-01.html#id".
func (st *story) entryPath(e *timeline.Event) string {
	return st.chronicle().href("", e.ID)
}

// sectionID returns the anchor of the section of e's date.
func sectionID(e *timeline.Event) string { return "date-" + e.DateString() }
