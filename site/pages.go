package site

import (
	"bytes"
	"html/template"
	"sync"

	"github.com/timeline-project/timeline/timeline"
)

// sourceFile lays out the page of src.
func (r *Renderer) sourceFile(st *story, src *timeline.Source) Page {
	return Page{
		Path: sourcePath(src.ID),
		key: func() Key {
			page, err := st.sourcePage(src)
			if err != nil {
				return keyOf("source page error", err.Error())
			}
			return keyOf("source page", r.templates, page)
		},
		render: func() ([]byte, error) {
			page, err := st.sourcePage(src)
			if err != nil {
				return nil, err
			}
			return r.executeExact("source.html", page)
		},
	}
}

// indexFile lays out index.html.
func (r *Renderer) indexFile(st *story) Page {
	return Page{
		Path:  "index.html",
		early: true,
		key: func() Key {
			page, err := st.indexPage()
			if err != nil {
				return keyOf("index.html error", err.Error())
			}
			return keyOf("index.html", r.templates, page)
		},
		render: func() ([]byte, error) { return r.renderIndex(st) },
	}
}

// renderIndex renders index.html: first the markup of every entry, on
// as many goroutines as the machine runs at once, then the page around
// them.
func (r *Renderer) renderIndex(st *story) ([]byte, error) {
	page, err := st.indexPage()
	if err != nil {
		return nil, err
	}
	var entries []*indexEntry
	for i := range page.Background {
		entries = append(entries, &page.Background[i])
	}
	for _, d := range page.Days {
		for i := range d.Entries {
			entries = append(entries, &d.Entries[i])
		}
	}
	errs := make([]error, len(entries))
	parallel(len(entries), func(i int) {
		buf := scratch.Get().(*bytes.Buffer)
		defer scratch.Put(buf)
		buf.Reset()
		errs[i] = r.pages.ExecuteTemplate(buf, "entry", entries[i].View)
		entries[i].HTML = template.HTML(buf.String()) // made by html/template
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	var out outBuffer
	if err := r.pages.ExecuteTemplate(&out, "index.html", page); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
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
