package site

import (
	"bytes"
	"io"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/timeline-project/timeline/timeline"
)

// sourceFile lays out the page of src.
func (r *Renderer) sourceFile(st *story, src *timeline.Source) Page {
	key := func() Key { return r.sourceKey(st, src) }
	if r.frags.off {
		return Page{
			Path:   sourcePath(src.ID),
			key:    key,
			render: func() ([]byte, error) { return r.renderSource(st, src) },
		}
	}
	pg := r.assembledPage(sourcePath(src.ID), key, func(assembly) (*assembly, error) { return r.laySource(st, src) })
	pg.early = false
	return pg
}

// sourceKey returns the key of the page of src: the templates, the
// story's title and address, the source's facts and text, and the
// entries that cite it as the page shows them.
func (r *Renderer) sourceKey(st *story, src *timeline.Source) Key {
	keys := st.keys()
	i, _ := slices.BinarySearchFunc(st.sources, src.ID, func(s *timeline.Source, id string) int {
		return strings.Compare(s.ID, id)
	})
	k := newKeyHash("source page")
	k.str(r.templates)
	k.str(st.title())
	k.str(st.base)
	k.key(keys.facts[i])
	k.key(keys.texts[i])
	citers := st.citers[src.ID]
	k.uint(uint64(len(citers)))
	for _, c := range citers {
		k.str(st.entryPath(c.event))
		k.str(c.event.Title)
		k.str(c.label)
		k.uint(uint64(len(c.sentences)))
		for _, n := range c.sentences {
			k.int(n)
		}
	}
	return k.sum()
}

// indexPath is the path of the chronology's page.
const indexPath = "index.html"

// indexFile lays out index.html.
func (r *Renderer) indexFile(st *story) Page {
	return r.assembledPage(indexPath,
		func() Key { return keyOf(indexPath, r.templates, st.chronologyKey()) },
		func(room assembly) (*assembly, error) { return r.layIndex(st, room) })
}

// chronologyFiles lays out the pages of a split chronology: a page per
// month, and the background entries' (see chronicle).
func (r *Renderer) chronologyFiles(st *story) []Page {
	c := st.chronicle()
	var pages []Page
	for i, p := range c.months {
		pages = append(pages, r.monthFile(st, p, i))
	}
	if c.backgroundPage != nil {
		pages = append(pages, r.monthFile(st, c.backgroundPage, -1))
	}
	return pages
}

// monthFile lays out the page p of the chronology, the i-th of its
// months (-1 for the background's).
func (r *Renderer) monthFile(st *story, p *chronPage, i int) Page {
	return r.assembledPage(p.Path,
		func() Key { return r.monthKey(st, p, i) },
		func(room assembly) (*assembly, error) {
			page := st.monthPage(p, i)
			return r.layChronology(st, &page, room)
		})
}

// monthKey returns the key of the page p of the chronology, the i-th of
// its months: the templates, the story's title and address, the pages
// it links to, its entries with the filter keys they carry, and the
// choices of its filters.
func (r *Renderer) monthKey(st *story, p *chronPage, i int) Key {
	page := st.monthPage(p, i)
	k := newKeyHash("chronology page")
	k.str(r.templates)
	k.str(st.title())
	k.str(st.base)
	k.str(p.Path)
	k.str(p.Label)
	for _, l := range []*navLink{page.Prev, page.Next} {
		k.uint(bit(l != nil))
		if l != nil {
			k.value(reflect.ValueOf(*l))
		}
	}
	f := page.Filters
	entry := func(e indexEntry) {
		k.key(e.key)
		k.str(f.sourceKeys(e.event))
		k.str(f.speakerKeys(e.event))
	}
	k.uint(uint64(len(p.Background)))
	for _, e := range p.Background {
		entry(e)
	}
	k.uint(uint64(len(p.Days)))
	for _, d := range p.Days {
		k.str(d.ID)
		k.uint(uint64(len(d.Entries)))
		for _, e := range d.Entries {
			entry(e)
		}
	}
	if f != nil {
		k.value(reflect.ValueOf(*f))
	}
	return k.sum()
}

// assembledPage is a story-wide file, large and rendered early, that
// lay lays out from fragments, in room: an empty assembly, with the
// room of the last layout of the path when the Renderer keeps it (see
// fragCache.room). Render assembles it whole. From a
// Renderer that keeps nothing, WriteTo writes it a window at a time
// (see assembleTo); from one that keeps fragments, RenderChanged gives
// it as chunks of the fragments (see assembleChunks).
func (r *Renderer) assembledPage(path string, key func() Key, lay func(room assembly) (*assembly, error)) Page {
	pg := Page{
		Path:  path,
		early: true,
		key:   key,
		render: func() ([]byte, error) {
			a, err := lay(r.frags.room(path))
			if err != nil {
				return nil, err
			}
			return r.assemble(path, a)
		},
	}
	if r.frags.off {
		pg.stream = func(w io.Writer) error {
			a, err := lay(r.frags.room(path))
			if err != nil {
				return err
			}
			return r.assembleTo(w, a)
		}
	} else {
		pg.chunks = func() ([][]byte, error) {
			a, err := lay(r.frags.room(path))
			if err != nil {
				return nil, err
			}
			return r.assembleChunks(path, a)
		}
	}
	return pg
}

// scratch holds buffers for executeExact, which each render leaves
// grown to the size of its page.
var scratch = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// executeExact renders the template name with data into a buffer kept
// from render to render and returns a copy of exactly its size: a site
// holds thousands of pages at once, none with room to spare.
func (r *Renderer) executeExact(name string, data any) ([]byte, error) {
	buf := scratch.Get().(*bytes.Buffer)
	defer scratch.Put(buf)
	buf.Reset()
	if err := r.pages.execute(buf, name, data); err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}
