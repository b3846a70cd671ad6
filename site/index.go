package site

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/mdoc"
)

// pageMeta is what the head of every page says.
type pageMeta struct {
	Root        string // the way from the page to the site's root: "" or "../"
	Title       string
	Description string
	Kind        string // Open Graph type: "website" or "article"
	SiteName    string
	URL         string // the page's public address, or ""
}

// indexPage is what index.html shows.
type indexPage struct {
	Meta        pageMeta
	Title       string
	Description string
	Intro       template.HTML // mdoc's rendering of the story's introduction
	Count       string
	Days        []daySection
	Sources     []sourceSummary
}

// daySection is the entries of one date: a day, a month or a year.
type daySection struct {
	ID       string // the section's anchor: "date-2023-05-22"
	DateTime string // the date for <time datetime>
	Heading  string
	Short    string
	Entries  []entryView
}

// entryView is one entry of the chronology.
type entryView struct {
	ID        string
	PartOfDay string
	Title     string
	Summary   string
	ClaimedBy string
	Disputed  bool
	Citations []citationView
}

// citationView is one numbered citation of an entry.
type citationView struct {
	Number     int
	Href       string
	Title      string // shown on hover: the quote and its source
	Quote      string
	SourceName string
	DatedBy    string
}

// sourceSummary is one source in the list at the foot of index.html.
type sourceSummary struct {
	Href         string
	Title        string
	Publisher    string
	Published    string
	PublishedISO string
	Known        string // how the date was known, in words; "" when there is nothing to say
}

// indexPage arranges the chronology: events in their order, grouped by
// date, then the sources.
func (st *story) indexPage() (indexPage, error) {
	page := indexPage{
		Meta: pageMeta{
			Title:       st.title(),
			Description: strings.TrimSpace(st.tl.Description),
			Kind:        "website",
			SiteName:    st.title(),
			URL:         st.absolute(""),
		},
		Title:       st.title(),
		Description: strings.TrimSpace(st.tl.Description),
		Count: fmt.Sprintf("%s from %s.", count(len(st.tl.Events), "entry", "entries"),
			count(len(st.sources), "source", "sources")),
	}
	if strings.TrimSpace(st.tl.Intro) != "" {
		intro, err := mdoc.HTML([]byte(st.tl.Intro))
		if err != nil {
			return indexPage{}, fmt.Errorf("render introduction: %w", err)
		}
		page.Intro = template.HTML(intro) // mdoc.HTML output is safe to embed
	}
	page.Days = st.daySections()
	for _, src := range st.sources {
		page.Sources = append(page.Sources, sourceSummary{
			Href:         sourceHref(src.ID, ""),
			Title:        sourceTitle(src),
			Publisher:    strings.TrimSpace(src.Publisher),
			Published:    longDate(src.Published.Date),
			PublishedISO: src.Published.Date.String(),
			Known:        knownBy(src.Published),
		})
	}
	return page, nil
}

// daySections groups the events by date (and precision) in the order
// the events come, each date once.
func (st *story) daySections() []daySection {
	var days []daySection
	index := map[string]int{} // section ID → its index in days
	for i := range st.tl.Events {
		e := &st.tl.Events[i]
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
			})
		}
		days[n].Entries = append(days[n].Entries, st.entry(e))
	}
	return days
}

// entry arranges one event for index.html.
func (st *story) entry(e *timeline.Event) entryView {
	v := entryView{
		ID:        e.ID,
		PartOfDay: e.PartOfDay,
		Title:     e.Title,
		Summary:   e.Summary,
		ClaimedBy: strings.Join(e.ClaimedBy, ", "),
		Disputed:  e.Disputed,
	}
	for i, c := range e.Citations {
		name := sourceName(st.byID[c.Source])
		datedBy := "dated by context"
		if c.DateText != "" {
			datedBy = "dated by: " + c.DateText
		}
		v.Citations = append(v.Citations, citationView{
			Number:     i + 1,
			Href:       sourceHref(c.Source, fmt.Sprintf("s%d", c.Sentence)),
			Title:      c.Quote + " (" + name + ")",
			Quote:      c.Quote,
			SourceName: name,
			DatedBy:    datedBy,
		})
	}
	return v
}
