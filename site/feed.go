package site

import (
	"cmp"
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"golang.org/x/tools/blog/atom"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

// feedEntries is how many entries feed.xml carries at most.
const feedEntries = 50

// writeAtomFeed writes feed.xml: an Atom feed of the feedEntries events
// last reported, in chronology order. A feed reader polls a feed for
// what is new and expects a few dozen entries, not the whole story
// (timeline.json and events.csv have it): at 10,000 sources a feed of
// every event was 39 MB. The events last reported are those whose
// updated time (see below) is latest; of events with the same, those
// later in the chronology, so that the choice is the same for the
// same story. Without a base URL its links are relative (a feed
// reader resolves them against the feed's own address) and its ids are
// name-based UUIDs; with one, ids are the entries' addresses.
//
// Atom wants an updated time for the feed and each entry; a build has
// no clock, so an entry's is the latest publication date among the
// sources that cite it (else its own date), and the feed's the latest
// of those.
func (st *story) writeAtomFeed(w io.Writer) error {
	feed := st.atomHead()
	for _, i := range st.feedEvents() {
		feed.Entry = append(feed.Entry, st.atomEntry(&st.tl.Events[i]))
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// feedEvents returns the indices of the events feed.xml carries, in
// chronology order: the feedEntries last reported (see atomFeed).
func (st *story) feedEvents() []int {
	type reported struct {
		i    int
		when time.Time
	}
	all := make([]reported, len(st.tl.Events))
	for i := range st.tl.Events {
		all[i] = reported{i: i, when: st.reported(&st.tl.Events[i])}
	}
	slices.SortFunc(all, func(a, b reported) int {
		if c := b.when.Compare(a.when); c != 0 {
			return c
		}
		return cmp.Compare(b.i, a.i)
	})
	var out []int
	for _, r := range all[:min(len(all), feedEntries)] {
		out = append(out, r.i)
	}
	slices.Sort(out)
	return out
}

// atomHead returns the feed without its entries.
func (st *story) atomHead() *atom.Feed {
	feed := &atom.Feed{
		Title:   st.title(),
		ID:      st.uniqueID(""),
		Link:    []atom.Link{{Rel: "alternate", Type: "text/html", Href: st.link("index.html")}},
		Updated: atom.Time(st.lastReported()),
		Author:  &atom.Person{Name: "timeline, from " + count(len(st.sources), "source", "sources")},
	}
	if st.base != "" {
		feed.Link = append(feed.Link, atom.Link{Rel: "self", Type: "application/atom+xml", Href: st.base + "feed.xml"})
	}
	return feed
}

// atomEntry returns the feed's entry of e.
func (st *story) atomEntry(e *timeline.Event) *atom.Entry {
	when := atom.Time(st.reported(e))
	return &atom.Entry{
		Title:     dateLabel(e) + ": " + e.Title,
		ID:        st.uniqueID(e.ID),
		Link:      []atom.Link{{Rel: "alternate", Type: "text/html", Href: st.link(st.entryPath(e))}},
		Published: when,
		Updated:   when,
		Summary:   &atom.Text{Type: "text", Body: e.Summary},
		Content:   &atom.Text{Type: "html", Body: st.entryHTML(e, true)},
	}
}

// reported returns when e was last reported: the latest publication
// date of the sources that cite it, else e's own date.
func (st *story) reported(e *timeline.Event) time.Time {
	var last timex.Date
	for _, c := range e.Citations {
		if d := st.byID[c.Source].Published.Date; !d.IsZero() && (last.IsZero() || last.Before(d)) {
			last = d
		}
	}
	if last.IsZero() {
		last = e.Date
	}
	return last.Time()
}

// lastReported returns the latest time any event was reported, or the
// Unix epoch for a story without events.
func (st *story) lastReported() time.Time {
	last := time.Unix(0, 0).UTC()
	for i := range st.tl.Events {
		if t := st.reported(&st.tl.Events[i]); t.After(last) {
			last = t
		}
	}
	return last
}

// uniqueID returns a lasting id for the story ("") or one of its
// events: the entry's address when the site has a base URL, else a
// name-based UUID of the story's title and the event's ID.
func (st *story) uniqueID(eventID string) string {
	if st.base != "" {
		if eventID == "" {
			return st.base
		}
		return st.base + "index.html#" + eventID
	}
	return "urn:uuid:" + nameUUID(st.title()+"\n"+eventID)
}

// nameUUID returns the version 5 (SHA-1, name-based) UUID of name in
// the URL namespace of RFC 9562.
func nameUUID(name string) string {
	urlNamespace := []byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	h := sha1.New()
	h.Write(urlNamespace)
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// writeCalendar writes timeline.ics: one all-day event per entry dated
// to a day (entries known only to the month or year are left out). Its
// DTSTAMP, which iCalendar requires, is the latest date any entry was
// reported, as the feed's updated time is.
func (st *story) writeCalendar(w io.Writer) error {
	cal := st.calendar()
	stamp := st.lastReported()
	for i := range st.tl.Events {
		if e := &st.tl.Events[i]; e.Precision == timex.PrecisionDay {
			cal.Components = append(cal.Components, st.calendarEvent(e, stamp))
		}
	}
	return cal.SerializeTo(w, ics.WithNewLine("\r\n"))
}

// calendar returns timeline.ics without its events.
func (st *story) calendar() *ics.Calendar {
	cal := ics.NewCalendar()
	cal.SetProductId("-//timeline-project//timeline//EN")
	cal.SetCalscale("GREGORIAN")
	cal.SetXWRCalName(st.title())
	if d := strings.TrimSpace(st.tl.Description); d != "" {
		cal.SetXWRCalDesc(d)
	}
	return cal
}

// calendarEvent returns e's event of timeline.ics, stamped stamp.
func (st *story) calendarEvent(e *timeline.Event, stamp time.Time) *ics.VEvent {
	ev := ics.NewEvent(nameUUID(st.title() + "\n" + e.ID))
	ev.SetDtStampTime(stamp)
	ev.SetAllDayStartAt(e.Date.Time())
	ev.SetAllDayEndAt(e.Date.Time().AddDate(0, 0, 1))
	ev.SetSummary(oneLine(e.Title))
	ev.SetDescription(st.entryText(e))
	if st.base != "" {
		ev.SetURL(st.base + st.entryPath(e))
	}
	if e.Background {
		ev.SetProperty(ics.ComponentPropertyCategories, "Background")
	}
	return ev
}

// maxCalendarCitations is the most citations an event of the calendar
// quotes; it says how many more there are. A calendar shows an event's
// description in a small box: an event cited by thousands of sentences
// would fill it with hundreds of kilobytes, which the chronology and
// timeline.json hold whole.
const maxCalendarCitations = 25

// entryText returns an event's summary, who claims it and its first
// citations as plain text, for the calendar.
func (st *story) entryText(e *timeline.Event) string {
	lines := []string{oneLine(e.Summary)}
	if e.PartOfDay != "" {
		lines[0] = "(" + e.PartOfDay + ") " + lines[0]
	}
	if names := cleanNames(e.ClaimedBy); len(names) > 0 {
		lines = append(lines, claimLabel(e.Stance)+" "+strings.Join(names, ", ")+".")
	}
	if e.Disputed {
		lines = append(lines, "Disputed: the sources disagree.")
	}
	for i, c := range e.Citations[:min(len(e.Citations), maxCalendarCitations)] {
		lines = append(lines, fmt.Sprintf("[%d] %s: “%s”", i+1, oneLine(st.nameOf(st.byID[c.Source])), oneLine(c.Quote)))
	}
	if more := len(e.Citations) - maxCalendarCitations; more > 0 {
		lines = append(lines, "… and "+count(more, "more citation", "more citations")+": the chronology quotes every one.")
	}
	return strings.Join(lines, "\n")
}

// oneLine returns s with every run of white space made one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
