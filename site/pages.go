package site

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"

	"github.com/timeline-project/timeline/timeline"
)

// Page is one file of a site, laid out by Plan but not yet rendered:
// its path, the key of what it is made from, and the way to make it.
// A caller that kept the bytes of a page from an earlier render, with
// its Key, need not render it again while the Key stays the same.
//
// A Page reads the Timeline it was planned from when its Key or its
// bytes are asked for: the Timeline must not change until then.
type Page struct {
	// Path is the file's path relative to the output folder, with
	// forward slashes, as in File.
	Path string
	// large pages are the few story-wide ones.
	large bool
	key   func() Key
	write func(w io.Writer) error
}

// Key returns the key of what the page is made from: same Key, same
// bytes (see Key). It costs a fraction of rendering the page.
func (p Page) Key() Key { return p.key() }

// Large reports whether the page is one of the few story-wide files
// (the chronology, the exports) that take long to render: a caller
// rendering pages in parallel does well to start with them.
func (p Page) Large() bool { return p.large }

// Render returns the bytes of the page: those of the File at p.Path
// that Render returns for the whole site.
func (p Page) Render() ([]byte, error) {
	buf := scratch.Get().(*bytes.Buffer)
	defer scratch.Put(buf)
	buf.Reset()
	if err := p.write(buf); err != nil {
		return nil, fmt.Errorf("render %s: %w", p.Path, err)
	}
	// A site holds thousands of pages at once, none with room to spare.
	return bytes.Clone(buf.Bytes()), nil
}

// WriteTo writes the bytes of the page to w, as they are rendered:
// those Render returns.
func (p Page) WriteTo(w io.Writer) (int64, error) {
	cw := &countingWriter{w: w}
	if err := p.write(cw); err != nil {
		return cw.n, fmt.Errorf("render %s: %w", p.Path, err)
	}
	return cw.n, nil
}

// Plan checks tl and lays out the files of its site, sorted by Path:
// the files Render returns, none rendered yet, each with its Key, so
// that a caller can render only the pages whose Key changed since a
// render it kept.
func Plan(tl *timeline.Timeline, opts Options) ([]Page, error) {
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	st, err := storyFor(tl, opts)
	if err != nil {
		return nil, err
	}
	return a.plan(st), nil
}

// plan lays out the files of the site of st, sorted by Path.
func (a *siteAssets) plan(st *story) []Page {
	pages := make([]Page, 0, len(st.sources)+len(a.copied)+16) // the story-wide files, fewer than 16
	pages = append(pages, constPage(".nojekyll", []byte{}))
	for _, f := range a.copied {
		pages = append(pages, constPage(f.Path, f.Data))
	}
	t := a.pages
	pages = append(pages,
		Page{Path: indexPath, large: true, key: func() Key { return a.chronologyPageKey(st, indexPath) },
			write: func(w io.Writer) error { return t.execute(w, "index", st.indexPage()) }},
		Page{Path: "404.html", key: func() Key { return a.notFoundKey(st) },
			write: func(w io.Writer) error { return t.execute(w, "404.html", st.notFoundPage()) }})
	for _, src := range st.sources {
		pages = append(pages, Page{Path: sourcePath(src.ID), key: func() Key { return a.sourceKey(st, src) },
			write: func(w io.Writer) error { return st.writeSourcePage(w, t, src) }})
	}
	for _, export := range exports {
		pages = append(pages, Page{Path: export.Href, large: true, key: func() Key { return st.exportKey(export.Href) },
			write: func(w io.Writer) error { return export.write(st, w) }})
	}
	c := st.chronicle()
	for i, p := range c.months {
		pages = append(pages, a.monthFile(st, p, i))
	}
	if c.backgroundPage != nil {
		pages = append(pages, a.monthFile(st, c.backgroundPage, -1))
	}
	slices.SortFunc(pages, func(a, b Page) int { return cmp.Compare(a.Path, b.Path) })
	return pages
}

// constPage is a file whose bytes are data.
func constPage(path string, data []byte) Page {
	return Page{
		Path:  path,
		key:   func() Key { return constKey(path, data) },
		write: func(w io.Writer) error { _, err := w.Write(data); return err },
	}
}

// indexPath is the path of the chronology's page.
const indexPath = "index.html"

// monthFile lays out the page p of the chronology, the i-th of its
// months (-1 for the background's).
func (a *siteAssets) monthFile(st *story, p *chronPage, i int) Page {
	return Page{
		Path:  p.Path,
		large: true,
		key:   func() Key { return a.chronologyPageKey(st, p.Path) },
		write: func(w io.Writer) error { return a.pages.execute(w, "index", st.monthPage(p, i)) },
	}
}

// writeSourcePage writes the page of src with the templates t.
func (st *story) writeSourcePage(w io.Writer, t *pageTemplates, src *timeline.Source) error {
	page, err := st.sourcePage(src)
	if err != nil {
		return err
	}
	if b, ok := w.(*bytes.Buffer); ok {
		// A page is two to three times its source's text: room for it at
		// once, not step by step as the template writes.
		b.Grow(3*len(src.Text) + 4<<10)
	}
	return t.execute(w, "source", page)
}

// storyFor returns the story of tl as a site made with opts shows it.
func storyFor(tl *timeline.Timeline, opts Options) (*story, error) {
	base, err := baseURL(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	return newStory(tl, base)
}
