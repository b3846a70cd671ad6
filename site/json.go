package site

import (
	"bytes"
	"encoding/json"
)

// jsonTimeline is timeline.json, field for field as CONTRACT.md gives it.
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
	ID        string         `json:"id"`
	Date      string         `json:"date"`
	Precision string         `json:"precision"`
	PartOfDay string         `json:"part_of_day,omitempty"`
	Title     string         `json:"title"`
	Summary   string         `json:"summary"`
	ClaimedBy []string       `json:"claimed_by,omitempty"`
	Disputed  bool           `json:"disputed"`
	Citations []jsonCitation `json:"citations"`
}

// jsonCitation is a citation in timeline.json.
type jsonCitation struct {
	Source   string `json:"source"`
	Quote    string `json:"quote"`
	DateText string `json:"date_text"`
	Sentence int    `json:"sentence"`
}

// timelineJSON returns timeline.json: indented by two spaces, HTML
// characters left as they are, ending in a newline.
func timelineJSON(st *story) ([]byte, error) {
	doc := jsonTimeline{Title: st.tl.Title, Sources: []jsonSource{}, Events: []jsonEvent{}}
	for _, src := range st.sources {
		doc.Sources = append(doc.Sources, jsonSource{
			ID:                src.ID,
			File:              src.File,
			Title:             src.Title,
			URL:               src.URL,
			Publisher:         src.Publisher,
			Published:         src.Published.Date.String(),
			PublishedBasis:    basisName(src.Published),
			PublishedEvidence: src.Published.Evidence,
		})
	}
	for i := range st.tl.Events {
		e := &st.tl.Events[i]
		ev := jsonEvent{
			ID:        e.ID,
			Date:      e.DateString(),
			Precision: precisionName(e),
			PartOfDay: e.PartOfDay,
			Title:     e.Title,
			Summary:   e.Summary,
			ClaimedBy: e.ClaimedBy,
			Disputed:  e.Disputed,
			Citations: []jsonCitation{},
		}
		for _, c := range e.Citations {
			ev.Citations = append(ev.Citations, jsonCitation{
				Source: c.Source, Quote: c.Quote, DateText: c.DateText, Sentence: c.Sentence,
			})
		}
		doc.Events = append(doc.Events, ev)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
