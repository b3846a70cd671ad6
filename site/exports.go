package site

import (
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

// timelineJSDoc is Knight Lab TimelineJS's JSON format
// (timeline.knightlab.com/docs/json-format.html): a title slide and one
// slide per event.
type timelineJSDoc struct {
	Title  timelineJSSlide   `json:"title"`
	Events []timelineJSSlide `json:"events"`
}

// timelineJSSlide is one slide: an event, or the title.
type timelineJSSlide struct {
	StartDate *timelineJSDate `json:"start_date,omitempty"`
	Text      timelineJSText  `json:"text"`
	Group     string          `json:"group,omitempty"`
	UniqueID  string          `json:"unique_id,omitempty"`
	Autolink  *bool           `json:"autolink,omitempty"`
}

// timelineJSDate is a slide's date; month and day only as far as the
// event's precision goes.
type timelineJSDate struct {
	Year        string `json:"year"`
	Month       string `json:"month,omitempty"`
	Day         string `json:"day,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

// timelineJSText is a slide's headline and its text, which is HTML.
type timelineJSText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

// writeTimelineJS writes timelinejs.json, a timelineJSDoc. The slides'
// links point at the site's pages only when it has a base URL:
// TimelineJS shows the file from another page, where a relative link
// would lead nowhere.
func (st *story) writeTimelineJS(w io.Writer) error {
	doc := timelineJSDoc{Title: st.timelineJSTitle(), Events: make([]timelineJSSlide, len(st.tl.Events))}
	for i := range st.tl.Events {
		doc.Events[i] = st.slide(&st.tl.Events[i])
	}
	return encodeJSON(w, doc)
}

// timelineJSTitle returns the title slide.
func (st *story) timelineJSTitle() timelineJSSlide {
	return timelineJSSlide{Text: timelineJSText{Headline: html.EscapeString(st.title()), Text: paragraph(st.tl.Description)}}
}

// slide returns the slide of e.
func (st *story) slide(e *timeline.Event) timelineJSSlide {
	no := false
	s := timelineJSSlide{
		StartDate: timelineJSDateOf(e),
		Text:      timelineJSText{Headline: html.EscapeString(e.Title), Text: st.entryHTML(e, st.base != "")},
		UniqueID:  e.ID,
		Autolink:  &no,
	}
	if e.Background {
		s.Group = "Background"
	}
	return s
}

// timelineJSDateOf returns e's date as far as its precision goes, with
// the date as the site writes it.
func timelineJSDateOf(e *timeline.Event) *timelineJSDate {
	d := &timelineJSDate{Year: strconv.Itoa(e.Date.Year), DisplayDate: dayHeading(e)}
	if e.Precision == timex.PrecisionDay || e.Precision == timex.PrecisionMonth {
		d.Month = strconv.Itoa(int(e.Date.Month))
	}
	if e.Precision == timex.PrecisionDay {
		d.Day = strconv.Itoa(e.Date.Day)
	}
	if e.PartOfDay != "" {
		d.DisplayDate += ", " + e.PartOfDay
	}
	return d
}

// entryHTML returns an event's summary, who claims it and its
// citations as an HTML fragment, for TimelineJS and the feed. The
// citations link to their sentences when links is true.
func (st *story) entryHTML(e *timeline.Event, links bool) string {
	var b strings.Builder
	b.WriteString(paragraph(e.Summary))
	if names := cleanNames(e.ClaimedBy); len(names) > 0 {
		fmt.Fprintf(&b, "<p>%s %s.</p>", claimLabel(e.Stance), html.EscapeString(strings.Join(names, ", ")))
	}
	if e.Disputed {
		b.WriteString("<p>Disputed: the sources disagree.</p>")
	}
	if len(e.Citations) > 0 {
		b.WriteString("<ol>")
		for _, c := range e.Citations {
			b.WriteString(st.citationHTML(c, links))
		}
		b.WriteString("</ol>")
	}
	return b.String()
}

// citationHTML is a citation as entryHTML writes it.
func (st *story) citationHTML(c timeline.Citation, links bool) string {
	name := html.EscapeString(st.nameOf(st.byID[c.Source]))
	if links {
		href := st.link(sourceHref(c.Source, "s"+strconv.Itoa(c.Sentence)))
		name = fmt.Sprintf(`<a href="%s">%s</a>`, html.EscapeString(href), name)
	}
	return fmt.Sprintf("<li>%s: “%s”</li>", name, html.EscapeString(c.Quote))
}

// paragraph returns text as an HTML paragraph, or "" for no text.
func paragraph(text string) string {
	if text = strings.TrimSpace(text); text == "" {
		return ""
	}
	return "<p>" + html.EscapeString(text) + "</p>"
}

// link returns the address of the site file at path: absolute when the
// site has a base URL, else relative to the site's root.
func (st *story) link(path string) string {
	if st.base != "" {
		return st.base + path
	}
	return path
}

// csvHeader names the columns of events.csv.
var csvHeader = []string{
	"id", "date", "precision", "part_of_day", "title", "summary", "stance", "claimed_by",
	"disputed", "background", "date_basis", "date_note", "sources", "citations", "quotes", "link",
}

// writeEventsCSV writes events.csv: a header and one row per event, as
// RFC 4180 has it (CRLF line ends). Cells of text that a spreadsheet
// would take for a formula (starting with =, +, -, @) begin with a '.
func (st *story) writeEventsCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for i := range st.tl.Events {
		if err := cw.Write(st.csvRow(&st.tl.Events[i])); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvRow returns e's row of events.csv.
func (st *story) csvRow(e *timeline.Event) []string {
	n := len(e.Citations)
	sources, cites, quotes := make([]string, n), make([]string, n), make([]string, n)
	for i, c := range e.Citations {
		sources[i] = c.Source
		cites[i] = c.Source + "#s" + strconv.Itoa(c.Sentence)
		quotes[i] = "[" + strconv.Itoa(i+1) + "] " + c.Quote
	}
	return []string{
		e.ID, e.DateString(), precisionName(e), e.PartOfDay,
		cell(e.Title), cell(e.Summary), stanceName(e.Stance), cell(strings.Join(cleanNames(e.ClaimedBy), "; ")),
		strconv.FormatBool(e.Disputed), strconv.FormatBool(e.Background),
		string(e.Dating.Basis), cell(e.Dating.Note),
		strings.Join(uniqueSorted(sources), " "), strings.Join(cites, " "), cell(strings.Join(quotes, "\n")),
		st.link(st.entryPath(e)),
	}
}

// cell returns text for a spreadsheet cell: without carriage returns,
// and with a leading ' where the text would otherwise start a formula.
func cell(text string) string {
	text = strings.ReplaceAll(text, "\r", "")
	if text != "" && strings.ContainsRune("=+-@\t", rune(text[0])) {
		return "'" + text
	}
	return text
}

// uniqueSorted returns ss sorted without repeats.
func uniqueSorted(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return slices.Compact(out)
}
