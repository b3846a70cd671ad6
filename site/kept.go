package site

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"sync"

	ics "github.com/arran4/golang-ical"

	"github.com/timeline-project/timeline/site/internal/keep"
	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/parallel"
	"github.com/timeline-project/timeline/timeline/timex"
)

// Renderer renders the sites of a story that changes, as `timeline
// serve` does at every rebuild. It keeps the pages of the last site it
// rendered, by the key of what each is made from (see Page.Key), and
// renders again only those whose key changed; of the story-wide files
// (the pages of the chronology, timeline.json, timelinejs.json,
// events.csv, timeline.ics), which change at every rebuild, it keeps
// the fragments made from one event each (an entry, an element, a row)
// and renders again only those whose event changed. The bytes are
// Render's (TestRendererKeepsNothingStale). The files it returns share
// memory with what it keeps: their bytes must not be changed. Renders
// of one Renderer take turns.
type Renderer struct {
	assets *siteAssets
	// marked are the page templates with "entry" redefined to write a
	// mark where each entry goes (see keptChronology).
	marked *pageTemplates

	mu sync.Mutex
	// pages are the pages of the last site rendered, texts the keys of
	// its sources' texts, parts the fragments of its story-wide files.
	pages keep.Pages
	texts keep.Texts
	parts keep.Parts
}

// mark is what "entry" and "blocks" write in the templates marked: the
// Index of the entry's event in the Timeline, or of the group of blocks
// in its page, between two NUL bytes, which html/template writes for no
// text (it writes U+FFFD for a NUL).
const mark = "\x00{{.Index}}\x00"

// New parses the page templates and reads the style sheet, the script
// and the icon from package assets.
func New() (*Renderer, error) {
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	marked, err := a.pages.parsed.Clone()
	for _, name := range []string{"entry", "blocks"} {
		if err == nil {
			_, err = marked.New(name).Parse(mark)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("mark the entries and blocks of the page templates: %w", err)
	}
	return &Renderer{assets: a, marked: &pageTemplates{parsed: marked}}, nil
}

// Render returns the files of the site of tl, sorted by Path: those of
// the function Render, rendering only what changed since the last site
// r rendered.
func (r *Renderer) Render(tl *timeline.Timeline, opts Options) ([]File, error) {
	st, err := storyFor(tl, opts)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	st.texts = &r.texts
	pages := r.assets.plan(st)
	paths := make([]string, len(pages))
	keys := make([]Key, len(pages))
	data := make([][]byte, len(pages))
	parallel.For(len(pages), func(i int) { paths[i], keys[i] = pages[i].Path, pages[i].Key() })
	var stale []Page
	var at []int
	for i := range pages {
		if b, ok := r.pages.Get(paths[i], keys[i]); ok {
			data[i] = b
			continue
		}
		stale = append(stale, pages[i])
		at = append(at, i)
	}
	r.parts.Retain(func(path string) bool {
		_, found := slices.BinarySearch(paths, path)
		return found
	})
	errs := make([]error, len(stale))
	parallel.For(len(stale), largeFirst(stale, func(j int) { data[at[j]], errs[j] = r.render(st, stale[j]) }))
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	r.pages.Keep(paths, keys, data)
	files := make([]File, len(pages))
	for i := range pages {
		files[i] = File{Path: paths[i], Data: data[i]}
	}
	return files, nil
}

// render renders the page p of st: a story-wide file from the fragments
// r keeps, any other as Page.Render does.
func (r *Renderer) render(st *story, p Page) ([]byte, error) {
	var data []byte
	var err error
	switch p.Path {
	case "timeline.json":
		data, err = r.keptTimelineJSON(st)
	case "timelinejs.json":
		data, err = r.keptTimelineJS(st)
	case "events.csv":
		data, err = r.keptEventsCSV(st)
	case "timeline.ics":
		data, err = r.keptCalendar(st)
	case indexPath:
		data, err = r.keptChronology(st, p.Path, st.indexPage())
	default:
		if src := st.sourceAt(p.Path); src != nil {
			data, err = r.keptSource(st, p.Path, src)
		} else if month, i := st.chronicle().monthAt(p.Path); month != nil {
			data, err = r.keptChronology(st, p.Path, st.monthPage(month, i))
		} else {
			return p.Render()
		}
	}
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", p.Path, err)
	}
	return data, nil
}

// keptMarked renders the template name with view, the page at path,
// whose entries or groups of blocks are made of fragments: it executes
// the template with a mark where each goes (see mark), then cuts it at
// the marks and puts at the mark of Index i, one of n, the fragments
// parts(i), from those kept. marks must be the number of marks the page
// writes: where they are not (the introduction of the chronology, the
// only markup a page writes as given, might hold one), the page is
// rendered whole. Fragments not kept are rendered by calls that runs
// runs.
func (r *Renderer) keptMarked(path, name string, view any, n, marks int, parts func(i int) []keep.Part, runs func(n int, do func(i int))) ([]byte, error) {
	var marked bytes.Buffer
	if err := r.marked.execute(&marked, name, view); err != nil {
		return nil, err
	}
	lits, at, ok := cutAtMarks(marked.Bytes(), n)
	if !ok || len(at) != marks {
		var whole bytes.Buffer
		err := r.assets.pages.execute(&whole, name, view)
		return whole.Bytes(), err
	}
	var all []keep.Part
	ends := make([]int, len(at)) // where the parts of each mark end in all
	for j, i := range at {
		all = append(all, parts(i)...)
		ends[j] = len(all)
	}
	frags, err := r.parts.Make(path, all, runs)
	if err != nil {
		return nil, err
	}
	pieces := make([][]byte, 0, len(lits)+len(frags))
	start := 0
	for j, end := range ends {
		pieces = append(append(pieces, lits[j]), frags[start:end]...)
		start = end
	}
	return bytes.Join(append(pieces, lits[len(lits)-1]), nil), nil
}

// keptChronology renders page, the page of the chronology at path, its
// entries from the fragments kept, by the key of each entry's event and
// of the filter keys it carries.
func (r *Renderer) keptChronology(st *story, path string, page indexPage) ([]byte, error) {
	keys, filters := st.keys(), st.filters()
	entries := len(pageEvents(page.Days, page.Background))
	return r.keptMarked(path, "index", page, len(st.tl.Events), entries, func(i int) []keep.Part {
		e := indexEntry{event: &st.tl.Events[i], st: st, Index: i}
		f := filters.of[e.event].keys
		k := keep.New("entry")
		k.Key(r.assets.templates)
		k.Key(keys.Entries[i])
		k.String(f.sources)
		k.String(f.speakers)
		return []keep.Part{{Key: k.Sum(), Render: func() ([]byte, error) {
			var b bytes.Buffer
			// An entry cited thousands of times is megabytes: room for
			// its citations at once, not step by step.
			b.Grow(4<<10 + 1<<10*len(e.event.Citations))
			err := r.assets.pages.execute(&b, "entry", e)
			return b.Bytes(), err
		}}}
	}, parallel.For)
}

// keptSource renders the page of src at path, its blocks from the
// fragments kept, by the key of what each shows: when the entries that
// cite a source change, or the label of its page furniture (printed by
// how many sources of the story), only the blocks that show them are
// rendered again. Source pages are rendered in parallel already: their
// blocks are rendered one after the other.
func (r *Renderer) keptSource(st *story, path string, src *timeline.Source) ([]byte, error) {
	page, err := st.sourcePage(src)
	if err != nil {
		return nil, err
	}
	return r.keptMarked(path, "source", page, len(page.Groups), len(page.Groups), func(i int) []keep.Part {
		blocks := page.Groups[i].Blocks
		parts := make([]keep.Part, len(blocks))
		for j, b := range blocks {
			k := keep.New("block")
			k.Key(r.assets.templates)
			k.String(b.Kind)
			hashSegments(k, b.Segments)
			k.Uint(uint64(len(b.Items)))
			for _, item := range b.Items {
				hashSegments(k, item)
			}
			parts[j] = keep.Part{Key: k.Sum(), Render: func() ([]byte, error) {
				var buf bytes.Buffer
				err := r.assets.pages.execute(&buf, "block", b)
				return buf.Bytes(), err
			}}
		}
		return parts
	}, inOrder)
}

// hashSegments writes every field of segs.
func hashSegments(k *keep.Hash, segs []segment) {
	k.Uint(uint64(len(segs)))
	for _, s := range segs {
		k.String(s.Text)
		k.Int(s.N)
		k.Bool(s.Isolate)
		k.String(s.After)
		k.Uint(uint64(len(s.CitedBy)))
		for _, c := range s.CitedBy {
			k.String(c.Href)
			k.String(c.Title)
			k.String(c.DateLabel)
		}
	}
}

// inOrder calls do(i) for every i from 0 to n-1, in order.
func inOrder(n int, do func(i int)) {
	for i := range n {
		do(i)
	}
}

// cutAtMarks cuts page at the marks of entries (see entryMark) and
// returns the bytes between them and the index of each mark's event;
// false when a NUL byte is not part of a mark of one of n events, or an
// event is marked twice.
func cutAtMarks(page []byte, n int) (lits [][]byte, events []int, ok bool) {
	seen := map[int]bool{}
	for {
		start := bytes.IndexByte(page, 0)
		if start < 0 {
			return append(lits, page), events, true
		}
		end := bytes.IndexByte(page[start+1:], 0)
		if end < 0 {
			return nil, nil, false
		}
		i, err := strconv.Atoi(string(page[start+1 : start+1+end]))
		if err != nil || i < 0 || i >= n || seen[i] {
			return nil, nil, false
		}
		seen[i] = true
		lits = append(lits, page[:start])
		events = append(events, i)
		page = page[start+1+end+1:]
	}
}

// jsonMember is a member of a JSON object as encodeJSON writes it: a
// value encoded whole, or (list not nil) an array whose elements are
// parts of the fragments a Renderer keeps.
type jsonMember struct {
	name  string
	value any
	list  []keep.Part
}

// keptJSON returns the object of members as encodeJSON writes it, the
// elements of its lists from the fragments kept for the file at path.
func (r *Renderer) keptJSON(path string, members []jsonMember) ([]byte, error) {
	var parts []keep.Part
	for _, m := range members {
		parts = append(parts, m.list...)
	}
	frags, err := r.parts.Make(path, parts, parallel.For)
	if err != nil {
		return nil, err
	}
	// The file is joined once from its pieces: timeline.json is tens of
	// megabytes, which a buffer grown step by step copies again and
	// again.
	pieces := [][]byte{[]byte("{")}
	for k, m := range members {
		head := "\n  " + strconv.Quote(m.name) + ": "
		if k > 0 {
			head = "," + head
		}
		switch {
		case m.list == nil:
			b := bytes.NewBufferString(head)
			if err := encodeIndented(b, "  ", m.value); err != nil {
				return nil, err
			}
			pieces = append(pieces, b.Bytes())
		case len(m.list) == 0:
			pieces = append(pieces, []byte(head+"[]"))
		default:
			pieces = append(pieces, []byte(head+"["))
			for j, f := range frags[:len(m.list)] {
				brk := elementBreak
				if j == 0 {
					brk = brk[1:]
				}
				pieces = append(pieces, brk, f)
			}
			pieces = append(pieces, []byte("\n  ]"))
			frags = frags[len(m.list):]
		}
	}
	return bytes.Join(append(pieces, []byte("\n}\n")), nil), nil
}

// elementBreak comes before an element of a member's array in a JSON
// file, its comma left out before the first.
var elementBreak = []byte(",\n    ")

// jsonPart is an element of a list of a JSON file, made from what key
// is the key of: elem() indented as encodeJSON indents an element of a
// member's array.
func jsonPart(key Key, elem func() any) keep.Part {
	return keep.Part{Key: key, Render: func() ([]byte, error) {
		var b bytes.Buffer
		err := encodeIndented(&b, "    ", elem())
		// Kept from one render to the next: no room to spare, of what
		// json.Indent made room for.
		return bytes.Clone(b.Bytes()), err
	}}
}

// encodeIndented writes v as encodeJSON would at a depth whose lines
// begin with prefix, without the newline it ends with.
func encodeIndented(b *bytes.Buffer, prefix string, v any) error {
	if err := appendJSON(b, prefix, v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1)
	return nil
}

// eventPartKey returns the key of a fragment of the file at path made
// from event i of st but its rank and its count of outlets, the site's
// address and title, and the address of its entry.
func (st *story) eventPartKey(path string, i int) Key {
	k := keep.New(path)
	k.Key(st.keys().Entries[i])
	k.String(st.base)
	k.String(st.title())
	k.String(st.entryPath(&st.tl.Events[i]))
	return k.Sum()
}

// keptTimelineJSON renders timeline.json from the fragments kept: an
// element per source and per event.
func (r *Renderer) keptTimelineJSON(st *story) ([]byte, error) {
	keys := st.keys()
	sources := make([]keep.Part, len(st.sources))
	for i, src := range st.sources {
		sources[i] = jsonPart(keep.Of("timeline.json source", keys.Facts[i]), func() any { return sourceJSON(src) })
	}
	events := make([]keep.Part, len(st.tl.Events))
	for i := range st.tl.Events {
		events[i] = jsonPart(keep.Of("timeline.json event", keys.Events[i]), func() any { return eventJSON(&st.tl.Events[i]) })
	}
	return r.keptJSON("timeline.json", []jsonMember{
		{name: "title", value: st.tl.Title},
		{name: "sources", list: sources},
		{name: "events", list: events},
	})
}

// keptTimelineJS renders timelinejs.json from the fragments kept: a
// slide per event.
func (r *Renderer) keptTimelineJS(st *story) ([]byte, error) {
	doc := st.timelineJSTitle()
	events := make([]keep.Part, len(st.tl.Events))
	for i := range st.tl.Events {
		events[i] = jsonPart(st.eventPartKey("timelinejs.json", i), func() any { return st.slide(&st.tl.Events[i]) })
	}
	return r.keptJSON("timelinejs.json", []jsonMember{{name: "title", value: doc}, {name: "events", list: events}})
}

// keptEventsCSV renders events.csv from the fragments kept: a row per
// event.
func (r *Renderer) keptEventsCSV(st *story) ([]byte, error) {
	rows := make([]keep.Part, len(st.tl.Events)+1)
	rows[0] = keep.Part{Key: keep.Of("events.csv header", csvHeader), Render: func() ([]byte, error) { return csvLine(csvHeader) }}
	for i := range st.tl.Events {
		rows[i+1] = keep.Part{Key: st.eventPartKey("events.csv", i), Render: func() ([]byte, error) {
			return csvLine(st.csvRow(&st.tl.Events[i]))
		}}
	}
	frags, err := r.parts.Make("events.csv", rows, parallel.For)
	if err != nil {
		return nil, err
	}
	return bytes.Join(frags, nil), nil
}

// csvLine returns record as writeEventsCSV writes it.
func csvLine(record []string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.Write(record); err != nil {
		return nil, err
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// keptCalendar renders timeline.ics from the fragments kept: an event
// per entry dated to a day, each made too from the stamp they all carry.
func (r *Renderer) keptCalendar(st *story) ([]byte, error) {
	var head bytes.Buffer
	if err := st.calendar().SerializeTo(&head, ics.WithNewLine("\r\n")); err != nil {
		return nil, err
	}
	stamp := st.lastReported()
	parts := []keep.Part{{Key: keep.Of("timeline.ics head", head.Bytes()), Render: func() ([]byte, error) {
		return bytes.TrimSuffix(head.Bytes(), []byte(icsEnd)), nil
	}}}
	for i := range st.tl.Events {
		e := &st.tl.Events[i]
		if e.Precision != timex.PrecisionDay {
			continue
		}
		k := keep.New("timeline.ics event")
		k.Key(st.eventPartKey("timeline.ics", i))
		k.String(stamp.String())
		parts = append(parts, keep.Part{Key: k.Sum(), Render: func() ([]byte, error) {
			var b bytes.Buffer
			alone := &ics.Calendar{Components: []ics.Component{st.calendarEvent(e, stamp)}}
			if err := alone.SerializeTo(&b, ics.WithNewLine("\r\n")); err != nil {
				return nil, err
			}
			return bytes.TrimSuffix(bytes.TrimPrefix(b.Bytes(), []byte(icsBegin)), []byte(icsEnd)), nil
		}})
	}
	frags, err := r.parts.Make("timeline.ics", parts, parallel.For)
	if err != nil {
		return nil, err
	}
	return append(bytes.Join(frags, nil), icsEnd...), nil
}

// icsBegin and icsEnd begin and end timeline.ics.
const (
	icsBegin = "BEGIN:VCALENDAR\r\n"
	icsEnd   = "END:VCALENDAR\r\n"
)
