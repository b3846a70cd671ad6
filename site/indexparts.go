package site

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/parallel"
)

// layIndex lays out index.html.
func (r *Renderer) layIndex(st *story, room assembly) (*assembly, error) {
	page, err := st.indexPage()
	if err != nil {
		return nil, err
	}
	return r.layChronology(st, &page, room)
}

// layChronology lays out a page of the chronology: its pieces (see the
// templates), rendered at once, and its fragments: per day its link and
// its heading, per entry its article, per source its filter option and
// its item in the list at the foot. Fragments are kept from render to
// render (see assemble). The page is laid out in sections (see
// indexPage.sections), on as many goroutines as the machine runs at
// once, each into an assembly of its own; the sections are then joined
// in order.
func (r *Renderer) layChronology(st *story, page *indexPage, room assembly) (*assembly, error) {
	sections := page.sections(st)
	rooms := room.sections
	laid := make([]*indexAssembly, len(sections))
	parallel.For(len(sections), func(i int) {
		var a assembly
		if i < len(rooms) {
			a = rooms[i]
		}
		a.kept = room.kept
		laid[i] = &indexAssembly{r: r, page: page, a: a}
		sections[i](laid[i])
	})
	a := room
	a.sections = nil
	a.grow(page.parts())
	for _, x := range laid {
		if x.err != nil {
			return nil, x.err
		}
		a.extend(&x.a)
		// The section's room is kept for the next layout, empty: it
		// holds no part for the GC to keep.
		clear(x.a.items)
		clear(x.a.parts)
		a.sections = append(a.sections, assembly{items: x.a.items[:0], parts: x.a.parts[:0]})
	}
	return &a, nil
}

// indexSectionParts is about how many parts a section of the days of
// a page lays out: enough that a section's goroutine has work worth
// starting, few enough that the goroutines share the days evenly.
var indexSectionParts = 4096

// sections returns the sections of the page in order, each a function
// that lays it out: the head with the navigation, the overview and the
// filters; the days, in runs of about indexSectionParts parts; the
// background entries; the foot, with the list of sources on index.html.
func (p *indexPage) sections(st *story) []func(x *indexAssembly) {
	sections := []func(x *indexAssembly){func(x *indexAssembly) { x.head() }}
	for from := 0; from < len(p.Days); {
		to, n := from, 0
		for to < len(p.Days) && (to == from || n < indexSectionParts) {
			n += 1 + entryParts(p.Days[to].Entries)
			to++
		}
		days := p.Days[from:to]
		sections = append(sections, func(x *indexAssembly) { x.days(st, days) })
		from = to
	}
	return append(sections, func(x *indexAssembly) { x.background(st) }, func(x *indexAssembly) { x.foot(st) })
}

// head lays out a page of the chronology from its top to the end of its
// filters.
func (x *indexAssembly) head() {
	page := x.page
	x.piece("index-top")
	for _, m := range page.Months {
		x.navDay(navDay{Href: m.Href, Nav: m.Label, N: m.N})
	}
	for _, d := range page.Days {
		x.navDay(navDay{Href: d.Href, Weekday: d.Weekday, Nav: d.Nav, N: len(d.Entries)})
	}
	x.piece("index-main")
	if page.Filters != nil {
		x.piece("filters-top")
		for _, o := range page.Filters.Sources {
			x.option(o)
		}
		x.piece("filters-mid")
		for _, o := range page.Filters.Speakers {
			x.option(o)
		}
		x.piece("filters-end")
	}
}

// days lays out the sections of days, each with its entries.
func (x *indexAssembly) days(st *story, days []daySection) {
	dayEnd := x.exec("day-end", nil)
	for _, d := range days {
		x.dayHead(d)
		for _, e := range d.Entries {
			x.entry(st, e)
		}
		x.a.literal(dayEnd)
	}
}

// background lays out the background entries.
func (x *indexAssembly) background(st *story) {
	x.piece("index-background")
	for _, e := range x.page.Background {
		x.entry(st, e)
	}
	x.piece("index-background-end")
}

// foot lays out a page of the chronology from the end of its entries to
// its end: on index.html, the list of sources.
func (x *indexAssembly) foot(st *story) {
	x.piece("index-foot")
	if x.page.Sources {
		for _, s := range st.sourceSummaries() {
			x.sourceItem(s)
		}
	}
	x.piece("index-end")
}

// parts returns about how many parts layChronology lays out for p but
// the list of sources: per day two, per month and filter option one,
// per entry one and one per citation when it is laid out citation by
// citation.
func (p *indexPage) parts() int {
	n := 2*len(p.Days) + len(p.Months)
	if p.Filters != nil {
		n += len(p.Filters.Sources) + len(p.Filters.Speakers)
	}
	n += entryParts(p.Background)
	for _, d := range p.Days {
		n += entryParts(d.Entries)
	}
	return n
}

// entryParts returns about how many parts entries are laid out as: one
// an entry, and one a citation of those laid out citation by citation.
func entryParts(entries []indexEntry) int {
	n := 0
	for _, e := range entries {
		n += 1 + len(e.cites)
	}
	return n
}

// splitCitesMin is the fewest citations of an entry that a Renderer
// that keeps fragments lays out citation by citation: its opening, each
// citation, its close. When a source joins an entry that cites hundreds
// of sentences, only the opening and the new citation are rendered; the
// numbers and ids of the others, which shift, are holes. An entry with
// fewer citations is one fragment.
var splitCitesMin = 16

// entryRoom is room enough for an entry's markup around its citations,
// and citeRoom for the markup of a citation.
const (
	entryRoom = 4 << 10
	citeRoom  = 1 << 10
)

// indexAssembly lays out index.html: its pieces, rendered at once, and
// its fragments.
type indexAssembly struct {
	r    *Renderer
	page *indexPage
	a    assembly
	err  error
}

// exec renders the template name with data, or records the error.
func (x *indexAssembly) exec(name string, data any) []byte {
	if x.err != nil {
		return nil
	}
	var buf bytes.Buffer
	if err := x.r.pages.execute(&buf, name, data); err != nil {
		x.err = err
	}
	return buf.Bytes()
}

// piece adds the piece name of the page.
func (x *indexAssembly) piece(name string) { x.a.literal(x.exec(name, x.page)) }

// fragment adds the template name with data as a part of the given
// kind and key; holes are the strings after which, in the output, the
// holes are, each the first found after the one before, and fill their
// values.
func (x *indexAssembly) fragment(key Key, name string, data any, holes []string, fill []string) {
	r := x.r
	x.a.add(part{key: key, fill: fill, render: func() (fragment, error) {
		var buf bytes.Buffer
		if err := r.pages.execute(&buf, name, data); err != nil {
			return fragment{}, err
		}
		return holedFragment(buf.Bytes(), holes)
	}})
}

// navDay adds the link v of the navigation.
func (x *indexAssembly) navDay(v navDay) {
	k := x.key("nav-day")
	k.str(v.Href)
	k.str(v.Weekday)
	k.str(v.Nav)
	k.int(v.N)
	x.fragment(k.sum(), "nav-day", v, nil, nil)
}

// navDay is a link of the navigation: to a day, or to a month's page.
type navDay struct {
	Href, Weekday, Nav string
	N                  int // its entries
}

// dayHead adds the opening and heading of day d's section.
func (x *indexAssembly) dayHead(d daySection) {
	k := x.key("day-head")
	k.str(d.ID)
	k.str(d.DateTime)
	k.str(d.Heading)
	x.fragment(k.sum(), "day-head", d, nil, nil)
}

// option adds a filter's choice o. Many choices share their label and
// count (sources of one publisher): the key is part of the fragment's
// key, not a hole, so that each has its fragment and none is filled
// again at every render with the values of another.
func (x *indexAssembly) option(o filterOption) {
	k := x.key("filter-option")
	k.str(o.Key)
	k.str(o.Label)
	k.int(o.Count)
	x.fragment(k.sum(), "filter-option", o, nil, nil)
}

// sourceItem adds a source to the list at the foot.
func (x *indexAssembly) sourceItem(s sourceSummary) {
	k := x.key("source-item")
	for _, f := range []string{s.Href, s.Title, s.Publisher, s.Published, s.PublishedISO, s.Known, s.Entries} {
		k.str(f)
	}
	x.fragment(k.sum(), "source-item", s, nil, nil)
}

// entry adds the article of entry e, after a line break. Its filter
// values are holes: the keys of its sources and speakers change when
// another's comes to share their first digits (see stableKeys). An
// entry with its citations' keys is laid out citation by citation (see
// splitCitesMin) by a Renderer that keeps fragments; by one that keeps
// nothing, it is rendered whole.
func (x *indexAssembly) entry(st *story, e indexEntry) {
	split := e.cites != nil && !x.r.frags.off
	k := x.key("entry")
	k.key(e.key)
	k.uint(bit(split))
	key := k.sum()
	f := x.page.Filters
	fill := []string{template.HTMLEscapeString(f.sourceKeys(e.event)), template.HTMLEscapeString(f.speakerKeys(e.event))}
	if !split {
		x.entryWhole(st, e, key, fill)
		return
	}
	// The entry's bytes are made from its key and its holes' values:
	// its citations' numbers and ids follow from the event's id and
	// their order, which its key has.
	g := newKeyHash("entry group")
	g.key(key)
	g.strs(fill)
	x.a.group(g.sum(), func() {
		x.a.add(part{key: key, fill: fill, render: func() (fragment, error) {
			buf := bytes.NewBufferString("\n")
			if err := x.r.pages.execute(buf, "entry-open", st.entry(e.event)); err != nil {
				return fragment{}, err
			}
			return holedFragment(buf.Bytes(), entryHoles)
		}})
		lay := st.citeLayout(e.event)
		number := citeNumbers(lay.order)
		st.entryPieces(e.event, lay, func(p entryPiece) {
			if p.template == "" {
				x.citation(st, e.event, p.cite, number[p.cite], e.cites[p.cite])
			} else {
				x.a.literal(x.exec(p.template, p.data))
			}
		})
	})
}

// entryHoles are the strings after which the holes of an entry's
// opening are: its sources' keys and its speakers'.
var entryHoles = []string{` data-sources="`, ` data-speakers="`}

// citeNumbers returns, per citation index, its number (from 1) in the
// order given.
func citeNumbers(order []int) []int {
	number := make([]int, len(order))
	for n, i := range order {
		number[i] = n + 1
	}
	return number
}

// entryWhole adds the whole article of entry e as one part, whose key
// is key and whose holes' values are fill.
func (x *indexAssembly) entryWhole(st *story, e indexEntry, key Key, fill []string) {
	r := x.r
	x.a.add(part{key: key, fill: fill, render: func() (fragment, error) {
		buf := bytes.NewBufferString("\n")
		// An entry cited thousands of times is megabytes: room for its
		// citations at once, not step by step as the templates write.
		buf.Grow(entryRoom + citeRoom*len(e.event.Citations))
		err := r.pages.execute(buf, "entry-open", st.entry(e.event))
		lay := st.citeLayout(e.event)
		number := citeNumbers(lay.order)
		st.entryPieces(e.event, lay, func(p entryPiece) {
			if err != nil {
				return
			}
			if p.template == "" {
				err = r.pages.execute(buf, "citation", st.citation(e.event, p.cite, number[p.cite]))
			} else {
				err = r.pages.execute(buf, p.template, p.data)
			}
		})
		if err != nil {
			return fragment{}, err
		}
		return holedFragment(buf.Bytes(), entryHoles)
	}})
}

// citation adds citation i of entry e, numbered n, whose key (see
// storyKeys) is key. Its number and ids are holes: they shift when a
// citation is added before it.
func (x *indexAssembly) citation(st *story, e *timeline.Event, i, n int, key Key) {
	// The markup is made from the citation and its source's facts alone,
	// with templates that do not change in a Renderer's life: the part's
	// key is the citation's, of a kind no other part of the page has.
	id, tipID := citationIDs(e, n)
	id, tipID = attrEscape(id), attrEscape(tipID)
	num := strconv.Itoa(n)
	r := x.r
	x.a.add(part{key: key, fill: []string{id, tipID, num, tipID, num}, render: func() (fragment, error) {
		v := st.citation(e, i, n)
		v.Number, v.ID, v.TipID = "", "", ""
		var buf bytes.Buffer
		if err := r.pages.execute(&buf, "citation", v); err != nil {
			return fragment{}, err
		}
		marks := citationHoles
		if v.Original == "" {
			marks = marks[:4]
		}
		return holedFragment(buf.Bytes(), marks)
	}})
}

// citationHoles are the strings after which the holes of a citation's
// markup are: its id, its quote's id, its number, its quote's id again
// and, when it links to the original page, its number again. Each holds
// "<" or a quotation mark, which escaped text cannot.
var citationHoles = []string{`<li id="`, ` aria-describedby="`, `<span class="cite-number">[`, ` role="tooltip" id="`,
	`<span class="visually-hidden">original page, at the sentence of citation `}

// attrEscape escapes s as html/template does in a quoted attribute.
func attrEscape(s string) string {
	return strings.ReplaceAll(template.HTMLEscapeString(s), "+", "&#43;")
}

// key begins the key of a fragment made with the template name.
func (x *indexAssembly) key(name string) *keyHash {
	k := newKeyHash("fragment")
	k.str(x.r.templates)
	k.str(name)
	return k
}

// holedFragment returns data as a fragment with an empty hole right
// after each of marks, each the first found after the one before.
func holedFragment(data []byte, marks []string) (fragment, error) {
	f := fragment{data: data}
	pos := 0
	for _, m := range marks {
		i := bytes.Index(data[pos:], []byte(m))
		if i < 0 {
			return fragment{}, errMissingHole(m)
		}
		pos += i + len(m)
		f.holes = append(f.holes, hole{at: pos})
	}
	return f, nil
}

// errMissingHole is the error of a fragment without the place of a hole.
type errMissingHole string

func (e errMissingHole) Error() string { return "fragment without " + strconv.Quote(string(e)) }
