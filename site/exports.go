package site

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

// timelineJSDoc is Knight Lab TimelineJS's JSON format
// (timeline.knightlab.com/docs/json-format.html): a title slide and one
// slide per event. timelineJS writes it member by member.
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

// timelineJS returns timelinejs.json, a timelineJSDoc. The slides' links point at the
// site's pages only when it has a base URL: TimelineJS shows the file
// from another page, where a relative link would lead nowhere.
func (r *Renderer) timelineJS(st *story, room assembly) (*assembly, error) {
	keys := st.keys()
	d := newJSONDoc(room)
	d.member("title", timelineJSSlide{Text: timelineJSText{
		Headline: html.EscapeString(st.title()),
		Text:     paragraph(st.tl.Description),
	}})
	links := st.base != ""
	slide := func(i int, text string) timelineJSSlide {
		e := &st.tl.Events[i]
		no := false
		s := timelineJSSlide{
			StartDate: timelineJSDateOf(e),
			Text:      timelineJSText{Headline: html.EscapeString(e.Title), Text: text},
			UniqueID:  e.ID,
			Autolink:  &no,
		}
		if e.Background {
			s.Group = "Background"
		}
		return s
	}
	// The citations of an event laid out in pieces are in the slide's text.
	split := func(i int) bool { return r.splitEvent(st, i) }
	d.splitList("events", len(st.tl.Events), func(i int) Key {
		return r.eventElementKey(st, "timelinejs.json", i)
	}, func(i int) any {
		e := &st.tl.Events[i]
		if split(i) {
			return slide(i, entryHTMLOpen(e)+entryHTMLClose(e))
		}
		return slide(i, st.entryHTML(e, links))
	}, func(i int) *innerList {
		if !split(i) {
			return nil
		}
		// A citation's item is made from the citation, its source's
		// facts and the site's address when it links.
		e := &st.tl.Events[i]
		cites := keys.citations[i]
		if links {
			cites = make([]Key, len(e.Citations))
			for j, c := range keys.citations[i] {
				cites[j] = st.exportKey("timelinejs.json citation", c, false)
			}
		}
		return stringRun(cites, func(j int) string { return st.citationHTML(e.Citations[j], links) },
			func() any { return slide(i, entryHTMLOpen(e)+"x"+entryHTMLClose(e)) })
	})
	return d.end()
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
	b.WriteString(entryHTMLOpen(e))
	for _, c := range e.Citations {
		b.WriteString(st.citationHTML(c, links))
	}
	b.WriteString(entryHTMLClose(e))
	return b.String()
}

// entryHTMLOpen is what entryHTML writes before the citations.
func entryHTMLOpen(e *timeline.Event) string {
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
	}
	return b.String()
}

// entryHTMLClose is what entryHTML writes after the citations.
func entryHTMLClose(e *timeline.Event) string {
	if len(e.Citations) == 0 {
		return ""
	}
	return "</ol>"
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

// eventsCSV returns events.csv: a header and one row per event, as RFC
// 4180 has it (CRLF line ends). Cells of text that a spreadsheet would
// take for a formula (starting with =, +, -, @) begin with a '.
func (r *Renderer) eventsCSV(st *story, room assembly) (*assembly, error) {
	keys := st.keys()
	a := room
	head, err := csvLines(csvHeader)
	if err != nil {
		return nil, err
	}
	a.literal(head)
	a.grow(len(st.tl.Events))
	for i := range st.tl.Events {
		e := &st.tl.Events[i]
		k := st.exportKey("events.csv", st.eventLinkKey(i), false)
		if r.splitEvent(st, i) && len(e.Citations) >= 2 {
			st.csvRowInPieces(&a, keyOf("split", k), e, keys.citations[i])
			continue
		}
		a.add(part{key: k, render: func() (fragment, error) {
			row, err := csvLines(st.csvRow(e, true))
			return fragment{data: row}, err
		}})
	}
	return &a, nil
}

// csvRowInPieces lays out e's row in a, its quotes apart, when e has at
// least two: the row up to its quotes, each quote, the row after them.
// A quote's key is its citation's, cites[j], and its number is a hole:
// when a source joins an entry cited thousands of times, only the row's
// ends and the new quote are made again. The quotes' cell holds line
// breaks, so encoding/csv quotes it; each quote is escaped by it alone
// (see csvQuoteBody), as it would be in the whole cell.
func (st *story) csvRowInPieces(a *assembly, key Key, e *timeline.Event, cites []Key) {
	ends := sync.OnceValues(func() ([2][]byte, error) {
		row := st.csvRow(e, false)
		quotes := slices.Index(csvHeader, "quotes")
		head, err := csvLines(row[:quotes])
		if err != nil {
			return [2][]byte{}, err
		}
		tail, err := csvLines(row[quotes+1:])
		head = append(bytes.TrimSuffix(head, []byte("\r\n")), `,"`...)
		return [2][]byte{head, append([]byte(`",`), tail...)}, err
	})
	// The row's bytes are made from what its key is made from, its
	// quotes' numbers, which follow their order, included: it is a group.
	a.group(key, func() {
		a.add(part{key: key, render: func() (fragment, error) {
			b, err := ends()
			return fragment{data: b[0]}, err
		}})
		for j, ck := range cites {
			if j > 0 {
				a.literal(csvLineBreak)
			}
			a.add(part{key: ck, fill: []string{strconv.Itoa(j + 1)}, render: func() (fragment, error) {
				body, err := csvQuoteBody("[] " + e.Citations[j].Quote)
				if err != nil {
					return fragment{}, err
				}
				return holedFragment(body, []string{"["})
			}})
		}
		a.add(part{key: keyOf("after the run", key), render: func() (fragment, error) {
			b, err := ends()
			return fragment{data: b[1]}, err
		}})
	})
}

// csvLineBreak is a line break inside a quoted cell of events.csv;
// csvQuotedLineBreak a quotation mark and a line break, which begin and
// end the line of a cell alone that begins with a line break.
var csvLineBreak, csvQuotedLineBreak = []byte("\r\n"), []byte("\"\r\n")

// csvQuoteBody returns text as encoding/csv writes it inside a quoted
// cell of events.csv, without the quotation marks: made by it, from a
// cell it must quote.
func csvQuoteBody(text string) ([]byte, error) {
	line, err := csvLines([]string{"\n" + cell(text)})
	if err != nil {
		return nil, err
	}
	body, ok := bytes.CutPrefix(line, csvQuotedLineBreak)
	if body, ok2 := bytes.CutSuffix(body, csvQuotedLineBreak); ok && ok2 {
		return body, nil
	}
	return nil, fmt.Errorf("events.csv: a quoted cell written as %q", line)
}

// csvLines returns record as a line of events.csv.
func csvLines(record []string) ([]byte, error) {
	var b bytes.Buffer
	// Room for the fields, their quotes and separators, and a little
	// escaping: a row of an entry cited thousands of times is megabytes.
	n := 2
	for _, f := range record {
		n += len(f) + 3
	}
	b.Grow(n + n/16)
	// csv.NewWriter takes a bufio.Writer as it is: one kept from line to
	// line, not 4 KB of new memory for each of tens of thousands.
	bw := csvBuffers.Get().(*bufio.Writer)
	defer csvBuffers.Put(bw)
	bw.Reset(&b)
	defer bw.Reset(nil)
	w := csv.NewWriter(bw)
	w.UseCRLF = true
	if err := w.Write(record); err != nil {
		return nil, err
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// csvBuffers holds the buffered writers of csvLines.
var csvBuffers = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

// csvRow returns e's row of events.csv; with its quotes cell empty
// unless withQuotes (csvRowInPieces lays the quotes out apart).
func (st *story) csvRow(e *timeline.Event, withQuotes bool) []string {
	n := len(e.Citations)
	sources, cites := make([]string, n), make([]string, n)
	var quotes []string
	if withQuotes {
		quotes = make([]string, n)
	}
	for i, c := range e.Citations {
		sources[i] = c.Source
		cites[i] = c.Source + "#s" + strconv.Itoa(c.Sentence)
		if withQuotes {
			quotes[i] = "[" + strconv.Itoa(i+1) + "] " + c.Quote
		}
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
