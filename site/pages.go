package site

import (
	"html/template"
	"strings"

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
			return r.execute("source.html", page, 2*len(src.Text)+8<<10)
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
// them, into a buffer made for their size.
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
		var b strings.Builder
		errs[i] = r.pages.ExecuteTemplate(&b, "entry", entries[i].View)
		entries[i].HTML = template.HTML(b.String()) // made by html/template
	})
	size := 64 << 10
	for i, e := range entries {
		if errs[i] != nil {
			return nil, errs[i]
		}
		size += len(e.HTML)
	}
	size += len(page.Days)*256 + len(page.Sources)*512 + len(page.Filters.Sources)*96 + len(page.Filters.Speakers)*96
	return r.execute("index.html", page, size)
}
