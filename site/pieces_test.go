package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"html"
	"testing"

	"github.com/timeline-project/timeline/timeline"
)

// encodeWhole returns v as encoding/json writes it in one go, indented
// by two spaces, HTML characters left as they are, ending in a newline:
// what jsonDoc writes piece by piece.
func encodeWhole(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wholeTimelineJSON is timeline.json encoded as one jsonTimeline.
func wholeTimelineJSON(t *testing.T, st *story) []byte {
	doc := jsonTimeline{Title: st.tl.Title, Sources: []jsonSource{}, Events: []jsonEvent{}}
	for _, src := range st.sources {
		doc.Sources = append(doc.Sources, jsonSource{
			ID: src.ID, File: src.File, Title: src.Title, URL: src.URL, Publisher: src.Publisher,
			Published: src.Published.Date.String(), PublishedBasis: basisName(src.Published),
			PublishedEvidence: src.Published.Evidence,
		})
	}
	for i := range st.tl.Events {
		doc.Events = append(doc.Events, eventJSON(&st.tl.Events[i]))
	}
	return encodeWhole(t, doc)
}

// wholeTimelineJS is timelinejs.json encoded as one timelineJSDoc.
func wholeTimelineJS(t *testing.T, st *story) []byte {
	doc := timelineJSDoc{
		Title:  timelineJSSlide{Text: timelineJSText{Headline: html.EscapeString(st.title()), Text: paragraph(st.tl.Description)}},
		Events: []timelineJSSlide{},
	}
	no := false
	for i := range st.tl.Events {
		e := &st.tl.Events[i]
		slide := timelineJSSlide{
			StartDate: timelineJSDateOf(e),
			Text:      timelineJSText{Headline: html.EscapeString(e.Title), Text: st.entryHTML(e, st.base != "")},
			UniqueID:  e.ID, Autolink: &no,
		}
		if e.Background {
			slide.Group = "Background"
		}
		doc.Events = append(doc.Events, slide)
	}
	return encodeWhole(t, doc)
}

// wholeAtomFeed is feed.xml encoded as one atom.Feed.
func wholeAtomFeed(t *testing.T, st *story) []byte {
	feed := st.atomHead()
	for _, i := range st.feedEvents() {
		feed.Entry = append(feed.Entry, st.atomEntry(&st.tl.Events[i]))
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		t.Fatal(err)
	}
	buf.WriteByte('\n')
	return buf.Bytes()
}

// TestWrittenInPiecesIsTheWholeEncoded checks that the exports written
// item by item are the bytes of their documents encoded whole.
func TestWrittenInPiecesIsTheWholeEncoded(t *testing.T) {
	many := fixture(t)
	for len(many.Events) < 300 {
		e := many.Events[len(many.Events)%2]
		e.ID += "-" + string(rune('a'+len(many.Events)%26)) + string(rune('a'+len(many.Events)/26))
		many.Events = append(many.Events, e)
	}
	for name, tl := range map[string]*timeline.Timeline{
		"fixture": fixture(t), "empty": {}, "many": many,
		"no sources": {Title: "<Only> a title & \u2028"},
	} {
		for _, base := range []string{"", "https://example.org/story/"} {
			st, err := newStory(tl, base)
			if err != nil {
				t.Fatal(err)
			}
			r, err := New()
			if err != nil {
				t.Fatal(err)
			}
			// The second render takes the fragments the first kept.
			var got []byte
			for round := range 2 {
				got, err = assembled(r, "timeline.json", r.timelineJSON, st)
				if err != nil {
					t.Fatal(err)
				}
				if want := wholeTimelineJSON(t, st); !bytes.Equal(got, want) {
					t.Errorf("%s, base %q, render %d: timeline.json differs from the whole encoded:\n%s\nwant:\n%s", name, base, round, got, want)
				}
				if got, err = assembled(r, "timelinejs.json", r.timelineJS, st); err != nil {
					t.Fatal(err)
				}
				if want := wholeTimelineJS(t, st); !bytes.Equal(got, want) {
					t.Errorf("%s, base %q, render %d: timelinejs.json differs from the whole encoded:\n%s\nwant:\n%s", name, base, round, got, want)
				}
				if got, err = assembled(r, "feed.xml", r.atomFeed, st); err != nil {
					t.Fatal(err)
				}
				if want := wholeAtomFeed(t, st); !bytes.Equal(got, want) {
					t.Errorf("%s, base %q, render %d: feed.xml differs from the whole encoded:\n%s\nwant:\n%s", name, base, round, got, want)
				}
			}
		}
	}
}

// assembled returns the bytes of the file at path that lay lays out
// for st.
func assembled(r *Renderer, path string, lay func(*story, assembly) (*assembly, error), st *story) ([]byte, error) {
	a, err := lay(st, r.frags.room(path))
	if err != nil {
		return nil, err
	}
	return r.assemble(path, a)
}
