package site

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/timeline-project/timeline/timeline"
)

// jsonTimeline is timeline.json, field for field as CONTRACT.md gives it,
// with the fields docs/site.md adds to it (stance, background, dating,
// other dates, accounts; a citation's speaker, stance and dating).
// The added fields are left out where they are empty.
type jsonTimeline struct {
	Title   string       `json:"title"`
	Sources []jsonSource `json:"sources"`
	Events  []jsonEvent  `json:"events"`
}

// jsonSource is a source in timeline.json.
type jsonSource struct {
	ID                string `json:"id"`
	File              string `json:"file"`
	Title             string `json:"title"`
	URL               string `json:"url"`
	Publisher         string `json:"publisher"`
	Published         string `json:"published"`
	PublishedBasis    string `json:"published_basis"`
	PublishedEvidence string `json:"published_evidence"`
}

// jsonEvent is an entry of the chronology in timeline.json.
type jsonEvent struct {
	ID         string          `json:"id"`
	Date       string          `json:"date"`
	Precision  string          `json:"precision"`
	PartOfDay  string          `json:"part_of_day,omitempty"`
	Title      string          `json:"title"`
	Summary    string          `json:"summary"`
	ClaimedBy  []string        `json:"claimed_by,omitempty"`
	Disputed   bool            `json:"disputed"`
	Stance     string          `json:"stance,omitempty"`
	Background bool            `json:"background,omitempty"`
	Outlets    int             `json:"outlets"`
	Rank       int             `json:"rank"`
	Dating     *jsonDating     `json:"dating,omitempty"`
	OtherDates []jsonOtherDate `json:"other_dates,omitempty"`
	Accounts   []jsonAccount   `json:"accounts,omitempty"`
	Citations  []jsonCitation  `json:"citations"`
}

// jsonDating says how an event's date was found.
type jsonDating struct {
	Basis string `json:"basis"`
	Note  string `json:"note,omitempty"`
}

// jsonOtherDate is a source that dates an event differently.
type jsonOtherDate struct {
	Source   string `json:"source"`
	Date     string `json:"date"`
	DateText string `json:"date_text,omitempty"`
}

// jsonAccount is one side of a disputed event; Citations are indices,
// from 0, into the event's citations.
type jsonAccount struct {
	Speaker   string `json:"speaker,omitempty"`
	Stance    string `json:"stance"`
	Summary   string `json:"summary,omitempty"`
	Citations []int  `json:"citations"`
}

// jsonCitation is a citation in timeline.json.
type jsonCitation struct {
	Source    string `json:"source"`
	Quote     string `json:"quote"`
	DateText  string `json:"date_text"`
	Sentence  int    `json:"sentence"`
	DateBasis string `json:"date_basis,omitempty"`
	DatedBy   int    `json:"dated_by,omitempty"`
	Speaker   string `json:"speaker,omitempty"`
	Stance    string `json:"stance,omitempty"`
}

// eventJSON returns e as timeline.json writes it.
func eventJSON(e *timeline.Event) jsonEvent {
	ev := jsonEvent{
		ID:         e.ID,
		Date:       e.DateString(),
		Precision:  precisionName(e),
		PartOfDay:  e.PartOfDay,
		Title:      e.Title,
		Summary:    e.Summary,
		ClaimedBy:  e.ClaimedBy,
		Disputed:   e.Disputed,
		Stance:     string(e.Stance),
		Background: e.Background,
		Outlets:    e.Outlets,
		Rank:       e.Rank,
		Citations:  make([]jsonCitation, len(e.Citations)),
	}
	for i, c := range e.Citations {
		ev.Citations[i] = citationJSON(c)
	}
	if e.Dating.Basis != "" || e.Dating.Note != "" {
		ev.Dating = &jsonDating{Basis: string(e.Dating.Basis), Note: e.Dating.Note}
	}
	for _, o := range e.OtherDates {
		ev.OtherDates = append(ev.OtherDates, jsonOtherDate{Source: o.Source, Date: o.Date, DateText: o.DateText})
	}
	for _, a := range e.Accounts {
		ev.Accounts = append(ev.Accounts, jsonAccount{
			Speaker: a.Speaker, Stance: stanceName(a.Stance), Summary: a.Summary,
			Citations: append([]int{}, a.Citations...),
		})
	}
	return ev
}

// citationJSON returns c as timeline.json writes it.
func citationJSON(c timeline.Citation) jsonCitation {
	return jsonCitation{
		Source: c.Source, Quote: c.Quote, DateText: c.DateText, Sentence: c.Sentence,
		DateBasis: string(c.DateBasis), DatedBy: c.DatedBy, Speaker: c.Speaker, Stance: string(c.Stance),
	}
}

// writeTimelineJSON writes timeline.json.
func (st *story) writeTimelineJSON(w io.Writer) error {
	doc := jsonTimeline{Title: st.tl.Title, Sources: make([]jsonSource, len(st.sources)), Events: make([]jsonEvent, len(st.tl.Events))}
	for i, src := range st.sources {
		doc.Sources[i] = sourceJSON(src)
	}
	for i := range st.tl.Events {
		doc.Events[i] = eventJSON(&st.tl.Events[i])
	}
	return encodeJSON(w, doc)
}

// sourceJSON returns src as timeline.json writes it.
func sourceJSON(src *timeline.Source) jsonSource {
	return jsonSource{
		ID:                src.ID,
		File:              src.File,
		Title:             src.Title,
		URL:               src.URL,
		Publisher:         src.Publisher,
		Published:         src.Published.Date.String(),
		PublishedBasis:    basisName(src.Published),
		PublishedEvidence: src.Published.Evidence,
	}
}

// encodeJSON writes v indented by two spaces, HTML characters left as
// they are, ending in a newline: as the exports are written.
func encodeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	if err := appendJSON(&b, "", v); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// appendJSON appends v to b as encodeJSON writes it, its lines after
// the first beginning with prefix.
func appendJSON(b *bytes.Buffer, prefix string, v any) error {
	enc := json.NewEncoder(indenter{b, prefix})
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// indenter is the writer of a json.Encoder that indents what it is
// given into b, its lines beginning with prefix, as SetIndent(prefix,
// "  ") would: json.Indent makes room in b once, where the encoder's
// SetIndent appends to a buffer of its own from empty, grown and copied
// again and again for a value of megabytes (timeline.json, an event
// cited thousands of times), then copied to b.
type indenter struct {
	b      *bytes.Buffer
	prefix string
}

// Write indents the JSON p into w.b.
func (w indenter) Write(p []byte) (int, error) {
	if err := json.Indent(w.b, p, w.prefix, "  "); err != nil {
		return 0, err
	}
	return len(p), nil
}
