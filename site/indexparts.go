package site

import (
	"bytes"
	"html/template"
	"strconv"
	"sync"
)

// layIndex lays out index.html: its pieces (see the templates), rendered
// at once, and its fragments: per day its link and its heading, per
// entry its article, per source its filter option and its item in the
// list at the foot. Fragments are kept from render to render (see
// assemble).
func (r *Renderer) layIndex(st *story) (*assembly, error) {
	page, err := st.indexPage()
	if err != nil {
		return nil, err
	}
	x := &indexAssembly{r: r, page: &page, citesKept: r.frags.get(citationsPath), cites: &citeSet{m: map[Key]fragment{}}}
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
	dayEnd := x.exec("day-end", nil)
	for _, d := range page.Days {
		x.dayHead(d)
		for _, e := range d.Entries {
			x.entry(st, e)
		}
		x.a.literal(dayEnd)
	}
	x.piece("index-foot")
	for _, s := range st.sourceSummaries() {
		x.sourceItem(s)
	}
	x.piece("index-end")
	if x.err != nil {
		return nil, x.err
	}
	x.a.done = func() { r.frags.put(citationsPath, x.cites.m) }
	return &x.a, nil
}

// citationsPath is where a Renderer keeps the fragments of the entries'
// citations in index.html: an entry with thousands of citations whose
// summary changes renders only its citations that changed.
const citationsPath = "index.html#citations"

// citeCacheMin is the fewest citations of an entry whose citations'
// fragments are kept: the cache is for the few entries that cite
// hundreds of sources, and costs memory.
var citeCacheMin = 16

// citeSet collects the citations' fragments of a render of index.html.
type citeSet struct {
	mu sync.Mutex
	m  map[Key]fragment
}

// citationsHTML returns the markup of cites, each rendered by the
// "citation" template or taken from the render before.
func (x *indexAssembly) citationsHTML(cites []citationView) (template.HTML, error) {
	var out bytes.Buffer
	keep := len(cites) >= citeCacheMin && !x.r.frags.off
	for _, c := range cites {
		if !keep {
			if err := x.r.pages.ExecuteTemplate(&out, "citation", c); err != nil {
				return "", err
			}
			continue
		}
		k := x.key("citation")
		for _, s := range []string{c.ID, c.TipID, c.Href, c.Original, c.SourceName, c.ShortName, c.SourceTitle,
			c.Quote, c.Speaker, c.SaidBy, c.Dated, c.Undated} {
			k.str(s)
		}
		k.int(c.Number)
		k.int(c.Sentence)
		key := k.sum()
		f, ok := x.citesKept[key]
		if !ok {
			var buf bytes.Buffer
			if err := x.r.pages.ExecuteTemplate(&buf, "citation", c); err != nil {
				return "", err
			}
			f = fragment{data: buf.Bytes()}
		}
		x.cites.mu.Lock()
		x.cites.m[key] = f
		x.cites.mu.Unlock()
		out.Write(f.data)
	}
	return template.HTML(out.String()), nil // made by html/template
}

// indexAssembly lays out index.html: its pieces, rendered at once, and
// its fragments.
type indexAssembly struct {
	r    *Renderer
	page *indexPage
	a    assembly
	err  error
	// citesKept are the citations' fragments of the render before;
	// cites those of this one.
	citesKept map[Key]fragment
	cites     *citeSet
}

// exec renders the template name with data, or records the error.
func (x *indexAssembly) exec(name string, data any) []byte {
	if x.err != nil {
		return nil
	}
	var buf bytes.Buffer
	if err := x.r.pages.ExecuteTemplate(&buf, name, data); err != nil {
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
		if err := r.pages.ExecuteTemplate(&buf, name, data); err != nil {
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

// option adds a filter's choice o. Its key, a number, is a hole: it
// shifts when a source or a speaker is added before it.
func (x *indexAssembly) option(o filterOption) {
	k := x.key("filter-option")
	k.str(o.Label)
	k.int(o.Count)
	o2 := o
	o2.Key = ""
	x.fragment(k.sum(), "filter-option", o2, []string{`<option value="`}, []string{template.HTMLEscapeString(o.Key)})
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
// values are holes: they shift when a source or a speaker is added
// before those it names.
func (x *indexAssembly) entry(st *story, e indexEntry) {
	k := x.key("entry")
	k.key(e.key)
	f := x.page.Filters
	fill := []string{template.HTMLEscapeString(f.sourceKeys(e.event)), template.HTMLEscapeString(f.speakerKeys(e.event))}
	r := x.r
	x.a.add(part{key: k.sum(), fill: fill, render: func() (fragment, error) {
		v := st.entry(e.event, f)
		v.Sources, v.Speakers = "", ""
		var err error
		if v.CitationsHTML, err = x.citationsHTML(v.Citations); err != nil {
			return fragment{}, err
		}
		buf := bytes.NewBufferString("\n")
		if err := r.pages.ExecuteTemplate(buf, "entry", v); err != nil {
			return fragment{}, err
		}
		return holedFragment(buf.Bytes(), []string{` data-sources="`, ` data-speakers="`})
	}})
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
