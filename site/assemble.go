package site

import (
	"bytes"
	"io"
	"maps"
	"slices"
	"sync"
)

// The story-wide files (index.html and the exports) are assembled from
// fragments: per entry, per day, per source, per event. A Renderer
// keeps the fragments of the last file it made at each path, by the
// key of what each shows, and a later render takes the fragments whose
// key it finds there instead of rendering them again: when one source
// is added to a story of thousands, only the fragments it changes are
// rendered. The bytes are those of a render from nothing.
//
// A fragment may have holes: places where a value that changes more
// often than the rest goes (an entry's filter keys, which shift when a
// source is added before the sources they name). The value is not part
// of the fragment's key; it is written into the hole at assembly. Each
// value must be exactly the bytes the fragment's template would have
// written there.

// fragment is rendered bytes; at each of holes, the value of a hole.
type fragment struct {
	data  []byte
	holes []hole
}

// hole is where a value goes in a fragment's data: n bytes at at.
type hole struct{ at, n int }

// part is a fragment of a file being assembled: its key, the values of
// its holes, and how to render it (with empty holes) when no fragment
// with its key is kept.
type part struct {
	key    Key
	fill   []string
	render func() (fragment, error)
}

// fragCache holds, per file path, the fragments of the last render of
// the file, by key. A map it holds is never changed: a render puts a
// new one. An off cache holds nothing: that of a Renderer that renders
// one site only.
type fragCache struct {
	mu    sync.Mutex
	off   bool
	files map[string]map[Key]fragment
}

func (c *fragCache) get(path string) map[Key]fragment {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.files[path]
}

func (c *fragCache) put(path string, frags map[Key]fragment) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.off {
		return
	}
	if c.files == nil {
		c.files = map[string]map[Key]fragment{}
	}
	c.files[path] = frags
}

// retain drops the fragments of the files whose path keep rejects.
func (c *fragCache) retain(keep func(path string) bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for path := range c.files {
		if !keep(path) {
			delete(c.files, path)
		}
	}
}

// assembly is a file laid out as literal bytes and parts, in order;
// done, when not nil, is called once the file is assembled.
type assembly struct {
	items []assemblyItem
	parts []part
	done  func()
}

// assemblyItem is literal bytes, or (part > 0) the part at part-1.
type assemblyItem struct {
	lit  []byte
	part int
}

// literal adds bytes to the file.
func (a *assembly) literal(b []byte) {
	if len(b) > 0 {
		a.items = append(a.items, assemblyItem{lit: b})
	}
}

// grow makes room for n more parts and as many literals between them,
// so that a file of a hundred thousand parts is not laid out in a slice
// copied again and again.
func (a *assembly) grow(n int) {
	a.parts = slices.Grow(a.parts, n)
	a.items = slices.Grow(a.items, 2*n)
}

// add adds a part to the file.
func (a *assembly) add(p part) {
	a.parts = append(a.parts, p)
	a.items = append(a.items, assemblyItem{part: len(a.parts)})
}

// assemble returns the bytes of the file at path laid out by a, in one
// slice: see assembleChunks.
func (r *Renderer) assemble(path string, a *assembly) ([]byte, error) {
	chunks, err := r.assembleChunks(path, a)
	if err != nil {
		return nil, err
	}
	return bytes.Join(chunks, nil), nil
}

// assembleChunks returns the file at path laid out by a as chunks, to
// be written one after the other: it renders, on as many goroutines as
// the machine runs at once, the parts whose fragments r does not keep
// from its last render of path, and keeps the fragments of this render
// for the next. The chunks are slices of the fragments, not copies:
// their bytes must not change.
func (r *Renderer) assembleChunks(path string, a *assembly) ([][]byte, error) {
	kept := r.frags.get(path)
	frags := make([]fragment, len(a.parts))
	toMake := map[Key][]int{} // key → the parts with it, none kept
	var todo []int            // indices of parts to render, one a key
	for i, p := range a.parts {
		if f, ok := kept[p.key]; ok {
			frags[i] = f
			continue
		}
		if _, ok := toMake[p.key]; !ok {
			todo = append(todo, i)
		}
		toMake[p.key] = append(toMake[p.key], i)
	}
	made, err := renderParts(a.parts, todo)
	if err != nil {
		return nil, err
	}
	for j, i := range todo {
		for _, same := range toMake[a.parts[i].key] {
			frags[same] = made[j]
		}
	}
	n := len(a.items)
	for i := range a.parts {
		n += 2 * len(a.parts[i].fill) // a hole splits a fragment in two
	}
	chunks := make([][]byte, 0, n)
	for _, it := range a.items {
		if it.part == 0 {
			chunks = append(chunks, it.lit)
			continue
		}
		i := it.part - 1
		chunks = appendFilledChunks(chunks, frags[i], a.parts[i].fill)
	}
	if !r.frags.off {
		r.frags.put(path, nextFragments(kept, a.parts, frags, todo))
	}
	if a.done != nil {
		a.done()
	}
	return chunks, nil
}

// nextFragments returns the fragments to keep after a render of parts,
// whose fragments are frags, of which those at todo were made and the
// others taken from kept. While the fragments no part used are fewer
// than half the parts, it keeps them too, in a copy of kept with the new
// ones added: a fragment kept by its key never changes a file, and
// copying a map of a hundred thousand is cheaper than making it again.
func nextFragments(kept map[Key]fragment, parts []part, frags []fragment, todo []int) map[Key]fragment {
	if kept != nil && len(kept)+len(todo) <= len(parts)+len(parts)/2 {
		next := maps.Clone(kept)
		for _, i := range todo {
			next[parts[i].key] = frags[i]
		}
		return next
	}
	next := make(map[Key]fragment, len(parts))
	for i, p := range parts {
		next[p.key] = frags[i]
	}
	return next
}

// streamWindow is how many parts assembleTo renders before it writes
// them.
var streamWindow = 512

// assembleTo writes the file laid out by a to w, for a Renderer that
// keeps nothing: the bytes assemble returns. It renders streamWindow
// parts at a time, in parallel, and writes them before it renders the
// next: a file of 100 MB is never whole in memory. A part is rendered
// even when another part has its key: they have the same bytes.
func (r *Renderer) assembleTo(w io.Writer, a *assembly) error {
	for start := 0; start < len(a.items); {
		end := start
		var todo []int
		for end < len(a.items) && len(todo) < streamWindow {
			if p := a.items[end].part; p > 0 {
				todo = append(todo, p-1)
			}
			end++
		}
		made, err := renderParts(a.parts, todo)
		if err != nil {
			return err
		}
		j := 0
		for _, it := range a.items[start:end] {
			if it.part == 0 {
				_, err = w.Write(it.lit)
			} else {
				for _, c := range appendFilledChunks(nil, made[j], a.parts[it.part-1].fill) {
					if _, err = w.Write(c); err != nil {
						break
					}
				}
				j++
			}
			if err != nil {
				return err
			}
		}
		start = end
	}
	if a.done != nil {
		a.done()
	}
	return nil
}

// renderParts renders the parts at todo, on as many goroutines as the
// machine runs at once when there are many.
func renderParts(parts []part, todo []int) ([]fragment, error) {
	made := make([]fragment, len(todo))
	errs := make([]error, len(todo))
	render := func(j int) { made[j], errs[j] = parts[todo[j]].render() }
	if len(todo) < 64 {
		// A small file, likely rendered beside others.
		for j := range todo {
			render(j)
		}
	} else {
		parallel(len(todo), render)
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return made, nil
}

// appendFilledChunks appends to chunks the bytes of f with fill's
// values in its holes, as slices of f and of the values.
func appendFilledChunks(chunks [][]byte, f fragment, fill []string) [][]byte {
	pos := 0
	for i, h := range f.holes {
		chunks = append(chunks, f.data[pos:h.at], []byte(fill[i]))
		pos = h.at + h.n
	}
	return append(chunks, f.data[pos:])
}
