package site

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"

	"github.com/timeline-project/timeline/timeline"
)

// layIndex lays out index.html: its pieces (see the templates), rendered
// at once, and its fragments: per day its link and its heading, per
// entry its article, per source its filter option and its item in the
// list at the foot. Fragments are kept from render to render (see
// assemble). The page is laid out in sections (see indexPage.sections), on
// as many goroutines as the machine runs at once, each into an assembly
// of its own; the sections are then joined in order.
func (r *Renderer) layIndex(st *story, room assembly) (*assembly, error) {
	page, err := st.indexPage()
	if err != nil {
		return nil, err
	}
	sections := page.sections(st)
	rooms := room.sections
	laid := make([]*indexAssembly, len(sections))
	parallel(len(sections), func(i int) {
		var a assembly
		if i < len(rooms) {
			a = rooms[i]
		}
		a.kept = room.kept
		laid[i] = &indexAssembly{r: r, page: &page, a: a}
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
// index.html lays out: enough that a section's goroutine has work worth
// starting, few enough that the goroutines share the days evenly.
var indexSectionParts = 4096

// sections returns the sections of index.html in order, each a function
// that lays it out: the head with the days' navigation, the filters and
// the background entries; the days, in runs of about indexSectionParts
// parts; the list of sources at the foot.
func (p *indexPage) sections(st *story) []func(x *indexAssembly) {
	sections := []func(x *indexAssembly){func(x *indexAssembly) { x.head(st) }}
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
	return append(sections, func(x *indexAssembly) { x.foot(st) })
}

// head lays out index.html from its top to the end of the background
// entries.
func (x *indexAssembly) head(st *story) {
	page := x.page
	x.piece("index-top")
	for _, d := range page.Days {
		x.navDay(d)
	}
	x.piece("index-main")
	if page.Total > 0 {
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
	x.piece("index-background")
	for _, e := range page.Background {
		x.entry(st, e)
	}
	x.piece("index-background-end")
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

// foot lays out index.html from the end of the days to its end: the
// list of sources.
func (x *indexAssembly) foot(st *story) {
	x.piece("index-foot")
	for _, s := range st.sourceSummaries() {
		x.sourceItem(s)
	}
	x.piece("index-end")
}

// parts returns about how many parts layIndex lays out for p: per day
// two, per filter option one, per entry one and one per citation when
// it is laid out citation by citation, per source one.
func (p *indexPage) parts() int {
	options := len(p.Filters.Sources) + len(p.Filters.Speakers)
	n := 2*len(p.Days) + options + len(p.Filters.Sources) // the list at the foot: one a source
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

// citationsHTML returns the markup of cites, each rendered by the
// "citation" template.
func (x *indexAssembly) citationsHTML(cites []citationView) (template.HTML, error) {
	var out bytes.Buffer
	for i, c := range cites {
		if i == 1 {
			// Room for the rest, a quarter more than the first's size each.
			out.Grow(out.Len() * (len(cites) - 1) * 5 / 4)
		}
		if err := x.r.pages.execute(&out, "citation", c); err != nil {
			return "", err
		}
	}
	return template.HTML(out.String()), nil // made by html/template
}

// entryRoom is room enough for an entry's markup around its citations.
const entryRoom = 4 << 10

// indexAssembly lays out index.html: its pieces, rendered at once, and
// its fragments.
type indexAssembly struct {
	r    *Renderer
	page *indexPage
	a    assembly
	err  error
	// entryEnd closes an entry laid out citation by citation.
	entryEnd []byte
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

// navDay adds the link to day d.
func (x *indexAssembly) navDay(d daySection) {
	v := navDay{ID: d.ID, Weekday: d.Weekday, Nav: d.Nav, N: len(d.Entries)}
	k := x.key("nav-day")
	k.str(v.ID)
	k.str(v.Weekday)
	k.str(v.Nav)
	k.int(v.N)
	x.fragment(k.sum(), "nav-day", v, nil, nil)
}

// navDay is a day's link in the days' navigation.
type navDay struct {
	ID, Weekday, Nav string
	N                int // its entries
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
		x.entryPart(st, e, key, fill, false)
		return
	}
	// The entry's bytes are made from its key and its holes' values:
	// its citations' numbers and ids follow from the event's id and
	// their order, which its key has.
	g := newKeyHash("entry group")
	g.key(key)
	g.strs(fill)
	x.a.group(g.sum(), func() {
		x.entryPart(st, e, key, fill, true)
		for i, key := range e.cites {
			x.citation(st, e.event, i, key)
		}
		if x.entryEnd == nil {
			x.entryEnd = append(x.exec("citations-close", nil), x.exec("entry-close", nil)...)
		}
		x.a.literal(x.entryEnd)
	})
}

// entryPart adds the part of entry e whose key is key and whose holes'
// values are fill: the whole article, or, when split, its opening.
func (x *indexAssembly) entryPart(st *story, e indexEntry, key Key, fill []string, split bool) {
	f := x.page.Filters
	r := x.r
	x.a.add(part{key: key, fill: fill, render: func() (fragment, error) {
		v := st.entry(e.event, f, !split)
		v.Sources, v.Speakers = "", ""
		buf := bytes.NewBufferString("\n")
		var err error
		if split {
			err = r.pages.execute(buf, "entry-open", v)
			if err == nil {
				err = r.pages.execute(buf, "citations-open", nil)
			}
		} else if v.CitationsHTML, err = x.citationsHTML(v.Citations); err == nil {
			// An entry cited thousands of times is megabytes: room for its
			// citations at once, not step by step as the template writes.
			buf.Grow(len(v.CitationsHTML) + entryRoom)
			err = r.pages.execute(buf, "entry", v)
		}
		if err != nil {
			return fragment{}, err
		}
		return holedFragment(buf.Bytes(), []string{` data-sources="`, ` data-speakers="`})
	}})
}

// citation adds citation i of entry e, whose key (see storyKeys) is
// key. Its number and ids are holes: they shift when a citation is
// added before it.
func (x *indexAssembly) citation(st *story, e *timeline.Event, i int, key Key) {
	// The markup is made from the citation and its source's facts alone,
	// with templates that do not change in a Renderer's life: the part's
	// key is the citation's, of a kind no other part of the page has.
	id, tipID := citationIDs(e, i)
	id, tipID = attrEscape(id), attrEscape(tipID)
	n := strconv.Itoa(i + 1)
	r := x.r
	x.a.add(part{key: key, fill: []string{id, tipID, n, tipID, n}, render: func() (fragment, error) {
		v := st.citation(e, i)
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
	`<span class="visually-hidden"> page, at the sentence of citation `}

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
