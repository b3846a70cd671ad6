package site

import (
	"bytes"

	"github.com/timeline-project/timeline/timeline"
)

// renderSource renders the page of src whole, with the template
// "source": the way of a Renderer that keeps nothing.
func (r *Renderer) renderSource(st *story, src *timeline.Source) ([]byte, error) {
	page, err := st.sourcePage(src)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	// A page is two to three times its source's text: room for it at
	// once, not step by step as the template writes.
	buf.Grow(3*len(src.Text) + 4<<10)
	if err := r.pages.execute(&buf, "source", page); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// laySource lays out the page of src from its pieces (see the
// templates) and its blocks, each a fragment kept by the Renderer with
// the key of what it shows: when entries that cite the source change,
// only the blocks of the sentences they cite are rendered again.
func (r *Renderer) laySource(st *story, src *timeline.Source) (*assembly, error) {
	page, err := st.sourcePage(src)
	if err != nil {
		return nil, err
	}
	var a assembly
	var execErr error
	exec := func(name string, data any) {
		if execErr != nil {
			return
		}
		var buf bytes.Buffer
		execErr = r.pages.execute(&buf, name, data)
		a.literal(buf.Bytes())
	}
	exec("source-top", page)
	for _, g := range page.Groups {
		if g.Furniture != "" {
			exec("furniture-open", g)
		}
		for _, b := range g.Blocks {
			a.add(part{key: r.blockKey(b), render: func() (fragment, error) {
				var buf bytes.Buffer
				err := r.pages.execute(&buf, "block", b)
				return fragment{data: buf.Bytes()}, err
			}})
		}
		if g.Furniture != "" {
			exec("furniture-close", nil)
		}
	}
	exec("source-end", page)
	if execErr != nil {
		return nil, execErr
	}
	return &a, nil
}

// blockKey returns the key of the markup of block b.
func (r *Renderer) blockKey(b blockView) Key {
	k := newKeyHash("source block")
	k.str(r.templates)
	k.str(b.Kind)
	k.segments(b.Segments)
	k.uint(uint64(len(b.Items)))
	for _, item := range b.Items {
		k.segments(item)
	}
	return k.sum()
}

// segments writes every field of segs.
func (k *keyHash) segments(segs []segment) {
	k.uint(uint64(len(segs)))
	for _, s := range segs {
		k.str(s.Text)
		k.int(s.N)
		k.uint(bit(s.Isolate))
		k.str(s.After)
		k.uint(uint64(len(s.CitedBy)))
		for _, c := range s.CitedBy {
			k.str(c.Href)
			k.str(c.Title)
			k.str(c.DateLabel)
		}
	}
}
