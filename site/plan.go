package site

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/parallel"
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
	// early pages are rendered first by Render: the few large ones.
	early  bool
	key    func() Key
	render func() ([]byte, error)
	// stream, when not nil, writes the bytes of render to a writer;
	// chunks, when not nil, returns them in chunks (see File).
	stream func(w io.Writer) error
	chunks func() ([][]byte, error)
}

// Key returns the key of what the page is made from: same Key, same
// bytes (see Key). It costs a fraction of rendering the page.
func (p Page) Key() Key { return p.key() }

// Large reports whether the page is one of the few story-wide files
// (the chronology, the exports) that take long to render: a caller
// rendering pages in parallel does well to start with them.
func (p Page) Large() bool { return p.early }

// Render returns the bytes of the page: those of the File at p.Path
// that Render returns for the whole site.
func (p Page) Render() ([]byte, error) {
	data, err := p.render()
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", p.Path, err)
	}
	return data, nil
}

// WriteTo writes the bytes of the page to w: those Render returns. The
// story-wide pages of a site laid out by the function Plan, whose
// Renderer keeps nothing, are never whole in memory: they are rendered
// and written a window of fragments at a time.
func (p Page) WriteTo(w io.Writer) (int64, error) {
	cw := &countingWriter{w: w}
	var err error
	if p.stream != nil {
		err = p.stream(cw)
	} else {
		var data []byte
		if data, err = p.render(); err == nil {
			_, err = cw.Write(data)
		}
	}
	if err != nil {
		return cw.n, fmt.Errorf("render %s: %w", p.Path, err)
	}
	return cw.n, nil
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// Plan checks tl and lays out the files of its site, sorted by Path:
// the files Render returns, none rendered yet, each with its Key, so
// that a caller can render only the pages whose Key changed since a
// render it kept.
func Plan(tl *timeline.Timeline, opts Options) ([]Page, error) {
	r, err := newOneShot()
	if err != nil {
		return nil, err
	}
	return r.Plan(tl, opts)
}

// Plan checks tl and lays out the files of its site, sorted by Path:
// see the function Plan.
func (r *Renderer) Plan(tl *timeline.Timeline, opts Options) ([]Page, error) {
	base, err := baseURL(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	st, err := newStory(tl, base)
	if err != nil {
		return nil, err
	}
	if !r.frags.off { // a Renderer of one site keeps nothing for the next
		st.textKeys, st.citeKeys = &r.textKeys, &r.citeKeys
	}
	pages := make([]Page, 0, len(st.sources)+len(r.copied)+16) // the story-wide files, fewer than 16
	pages = append(pages, constPage(".nojekyll", []byte{}))
	for _, f := range r.copied {
		pages = append(pages, constPage(f.Path, f.Data))
	}
	pages = append(pages, r.indexFile(st), r.notFoundFile(st))
	for _, src := range st.sources {
		pages = append(pages, r.sourceFile(st, src))
	}
	pages = append(pages, r.exportPages(st)...)
	pages = append(pages, r.chronologyFiles(st)...)
	slices.SortFunc(pages, func(a, b Page) int { return cmp.Compare(a.Path, b.Path) })
	// The fragments of pages no longer in the site are dropped.
	r.frags.retain(func(path string) bool {
		_, found := slices.BinarySearchFunc(pages, path, func(p Page, path string) int { return cmp.Compare(p.Path, path) })
		return found
	})
	return pages, nil
}

// constPage is a file whose bytes are data, copied anew for each render.
func constPage(path string, data []byte) Page {
	return Page{
		Path:   path,
		key:    func() Key { return keyOf("file", path, data) },
		render: func() ([]byte, error) { return slices.Clone(data), nil },
	}
}

// renderPages renders every page on as many goroutines as the machine
// runs at once, the early ones first, and returns the files in the
// order of pages: in Chunks when chunked and the page has them.
func renderPages(pages []Page, chunked bool) ([]File, error) {
	order := make([]int, len(pages))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(bit(!pages[a].early), bit(!pages[b].early))
	})
	files := make([]File, len(pages))
	errs := make([]error, len(pages))
	parallel.For(len(pages), func(n int) {
		i := order[n]
		files[i].Path = pages[i].Path
		if pg := pages[i]; chunked && pg.chunks != nil {
			if files[i].Chunks, errs[i] = pg.chunks(); errs[i] != nil {
				errs[i] = fmt.Errorf("render %s: %w", pg.Path, errs[i])
			}
			return
		}
		files[i].Data, errs[i] = pages[i].Render()
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// Rendered is the bytes of a page, in Data or in Chunks as in File,
// with the Key they were rendered for, as RenderChanged keeps them from
// one render to the next.
type Rendered struct {
	Key    Key
	Data   []byte
	Chunks [][]byte
}

// RenderChanged returns the files of pages, as Render does, rendering
// only the pages whose Key differs from that of kept[Path]: the others
// take the bytes kept (the same slices, not a copy). The pages of a
// Renderer that keeps fragments (from New) that it assembles from them
// come in Chunks, slices of the fragments, not copied into one slice.
// It also returns what to keep for the next call: every page's Key and
// bytes, in kept itself when it is not nil (it is updated in place, and
// only when rendering succeeds: a map of ten thousand pages made again
// at every call cost more than the few pages that changed). Keys and
// pages are made on as many goroutines as the machine runs at once.
// kept must come from the same program: see Key.
func RenderChanged(pages []Page, kept map[string]Rendered) ([]File, map[string]Rendered, error) {
	files := make([]File, len(pages))
	keys := make([]Key, len(pages))
	var stale []Page
	var at []int
	parallel.For(len(pages), func(i int) { keys[i] = pages[i].Key() })
	for i, p := range pages {
		files[i].Path = p.Path
		if k, ok := kept[p.Path]; ok && k.Key == keys[i] {
			files[i].Data, files[i].Chunks = k.Data, k.Chunks
			continue
		}
		stale = append(stale, p)
		at = append(at, i)
	}
	fresh, err := renderPages(stale, true)
	if err != nil {
		return nil, nil, err
	}
	for j, f := range fresh {
		files[at[j]] = f
	}
	return files, keepRendered(kept, files, keys, at), nil
}

// keepRendered returns kept updated to hold files, whose keys are keys,
// of which those at fresh were rendered anew and the others taken from
// kept; or, when kept is nil, a new map of files.
func keepRendered(kept map[string]Rendered, files []File, keys []Key, fresh []int) map[string]Rendered {
	if kept == nil {
		kept = make(map[string]Rendered, len(files))
	}
	for _, i := range fresh {
		f := files[i]
		kept[f.Path] = Rendered{Key: keys[i], Data: f.Data, Chunks: f.Chunks}
	}
	if len(kept) == len(files) {
		return kept // every path kept is a file's: none left over
	}
	paths := make(map[string]bool, len(files))
	for _, f := range files {
		paths[f.Path] = true
	}
	maps.DeleteFunc(kept, func(path string, _ Rendered) bool { return !paths[path] })
	return kept
}
