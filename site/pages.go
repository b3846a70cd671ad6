package site

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/timeline-project/timeline/timeline"
)

// sourceFile lays out the page of src.
func (r *Renderer) sourceFile(st *story, src *timeline.Source) Page {
	return Page{
		Path:   sourcePath(src.ID),
		key:    func() Key { return r.sourceKey(st, src) },
		render: func() ([]byte, error) { return r.renderSource(st, src) },
	}
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
		k.str(c.event.ID)
		k.str(c.event.Title)
		k.str(dateLabel(c.event))
		k.uint(uint64(len(c.sentences)))
		for _, n := range c.sentences {
			k.int(n)
		}
	}
	return k.sum()
}

// indexFile lays out index.html.
func (r *Renderer) indexFile(st *story) Page {
	return Page{
		Path:   "index.html",
		early:  true,
		key:    func() Key { return keyOf("index.html", r.templates, st.chronologyKey()) },
		render: func() ([]byte, error) { return r.renderIndex(st) },
	}
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
	if err := r.pages.ExecuteTemplate(buf, name, data); err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}
