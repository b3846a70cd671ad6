package site

import (
	"bytes"
	"io"
	"slices"
	"sync"

	"github.com/timeline-project/timeline/timeline/parallel"
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
	// filled, for a fragment with holes kept by a Renderer, is its bytes
	// with the values of the last render that used it in its holes: the
	// next render most often puts the same values in again, and then
	// takes the fragment as one chunk, not one per hole and between.
	filled *filledFragment
}

// filledFragment is a fragment's bytes with the values fill in its holes.
type filledFragment struct {
	fill []string
	data []byte
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
// the file, by key. An off cache holds nothing: that of a Renderer that
// renders one site only.
type fragCache struct {
	mu    sync.Mutex
	off   bool
	files map[string]*keptFile
}

// keptFile is what a fragCache holds for one path. A render of the path
// holds mu from the fragments it looks up to those it adds, so two
// renders of one path take turns; renders of other paths go on.
type keptFile struct {
	mu    sync.Mutex
	frags map[Key]fragment
	// scratch is room for the fragments of a render's parts, in order,
	// kept for the next render: a file has a hundred thousand.
	scratch []fragment
	// spare is the room of the last assembly of the path, cleared, for
	// the next layout (see room), and groups the groups of its last
	// render; roomMu guards them, not mu, which a render holds while it
	// assembles. A layout takes groups when it begins: a group, once
	// made, never changes, and it is right for its key whenever it is
	// taken.
	roomMu sync.Mutex
	spare  assembly
	groups map[Key]*keptGroup
}

// room returns an empty assembly for the file at path: with the room of
// the last one assembled there, when c keeps it. A layout of a hundred
// thousand parts then does not take 10 MB of new memory, which the
// runtime clears and may have to ask the system for, at every render.
func (c *fragCache) room(path string) assembly {
	f := c.file(path)
	if f == nil {
		return assembly{}
	}
	f.roomMu.Lock()
	defer f.roomMu.Unlock()
	a := f.spare
	f.spare = assembly{}
	a.kept = f.groups
	return a
}

// giveBack keeps the room of a, once assembled, for the next layout of
// the file; a is cleared, so that it holds nothing for the GC to keep,
// and must not be used again.
func (f *keptFile) giveBack(a *assembly) {
	clear(a.items)
	clear(a.parts)
	f.roomMu.Lock()
	defer f.roomMu.Unlock()
	f.spare = assembly{items: a.items[:0], parts: a.parts[:0], sections: a.sections}
}

// file returns what c holds for path, made empty if it holds nothing;
// nil when c is off.
func (c *fragCache) file(path string) *keptFile {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.off {
		return nil
	}
	if c.files == nil {
		c.files = map[string]*keptFile{}
	}
	f := c.files[path]
	if f == nil {
		f = new(keptFile)
		c.files[path] = f
	}
	return f
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
	// kept are the groups of the last render of the file, by key (see
	// group); reused those this one takes whole, runs those it lays out.
	kept   map[Key]*keptGroup
	reused []*keptGroup
	runs   []groupRun
	// sections are empty assemblies with room, for the sections of a
	// file laid out apart and then joined (see layIndex): kept, with
	// the room of the file's own, for its next layout.
	sections []assembly
}

// assemblyItem is literal bytes, or (part > 0) the part at part-1, or
// (group not nil) a group kept whole.
type assemblyItem struct {
	lit   []byte
	part  int
	group *keptGroup
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
	var kept map[Key]fragment
	var frags []fragment
	file := r.frags.file(path)
	if file != nil {
		file.mu.Lock()
		defer file.mu.Unlock()
		kept = file.frags
		frags = slices.Grow(file.scratch[:0], len(a.parts))[:len(a.parts)]
		defer func() {
			clear(frags) // the scratch holds no fragment for the GC to keep
			file.scratch = frags[:0]
		}()
	} else {
		frags = make([]fragment, len(a.parts))
	}
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
	var chunks [][]byte
	if file == nil {
		chunks = holedChunks(a, frags)
	} else {
		var refilled, at []int
		chunks, refilled, at = filledChunks(a, frags, a.groupMarks())
		file.frags = nextFragments(kept, a, frags, append(todo, refilled...))
		groups := a.groupsToKeep(chunks, at)
		file.roomMu.Lock()
		file.groups = groups
		file.roomMu.Unlock()
	}
	if a.done != nil {
		a.done()
	}
	if file != nil {
		file.giveBack(a)
	}
	return chunks, nil
}

// nextFragments returns the fragments to keep after a render of a,
// whose parts' fragments are frags, of which those at todo were made
// and the others taken from kept; with those of the parts of the groups
// it took whole, from kept. While the fragments no part used are fewer
// than half the parts, it keeps them too: it adds the new ones to kept,
// which a fragment kept by its key never makes wrong, and returns it.
// Copying or making again a map of a hundred thousand fragments at
// every render cost more than the render of the few that changed.
func nextFragments(kept map[Key]fragment, a *assembly, frags []fragment, todo []int) map[Key]fragment {
	parts := a.parts
	n := len(parts) + a.groupedParts()
	if kept != nil && len(kept)+len(todo) <= n+n/2 {
		for _, i := range todo {
			kept[parts[i].key] = frags[i]
		}
		return kept
	}
	next := make(map[Key]fragment, n)
	for i, p := range parts {
		next[p.key] = frags[i]
	}
	for _, g := range a.reused {
		for _, k := range g.parts {
			if f, ok := kept[k]; ok {
				next[k] = f
			}
		}
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
// machine runs at once. A few parts may be the most of a render's work:
// when a source joins events of thousands of citations, the openings
// of their entries on index.html, which list the citations' accounts
// and other dates, are all that is rendered again of it.
func renderParts(parts []part, todo []int) ([]fragment, error) {
	made := make([]fragment, len(todo))
	errs := make([]error, len(todo))
	render := func(j int) { made[j], errs[j] = parts[todo[j]].render() }
	if len(todo) < 2 {
		for j := range todo {
			render(j)
		}
	} else {
		parallel.For(len(todo), render)
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return made, nil
}

// holedChunks returns the chunks of the file laid out by a, whose parts'
// fragments are frags: the fragments cut at their holes, and the values
// of the holes between.
func holedChunks(a *assembly, frags []fragment) [][]byte {
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
	return chunks
}

// filledChunks returns the chunks of the file laid out by a, whose
// parts' fragments are frags, one a fragment: those with holes as
// filled with their part's values, made again for the parts it returns
// too, whose values differ from those of the last render; the groups
// taken whole as their chunks. at are the indices in chunks of the
// items at marks, in order.
func filledChunks(a *assembly, frags []fragment, marks []int) (chunks [][]byte, refilled, at []int) {
	for i := range a.parts {
		if f, fill := &frags[i], a.parts[i].fill; len(f.holes) > 0 && (f.filled == nil || !slices.Equal(f.filled.fill, fill)) {
			refilled = append(refilled, i)
		}
	}
	// A source that joins an event of thousands of citations shifts the
	// numbers of most of them: they are filled again in parallel.
	fill := func(j int) {
		i := refilled[j]
		f, fill := &frags[i], a.parts[i].fill
		f.filled = &filledFragment{fill: fill, data: appendFilled(make([]byte, 0, len(f.data)+filledLen(fill)), *f, fill)}
	}
	if len(refilled) < 64 {
		for j := range refilled {
			fill(j)
		}
	} else {
		parallel.For(len(refilled), fill)
	}
	chunks = make([][]byte, 0, len(a.items)+a.groupedChunks())
	at = make([]int, len(marks))
	m := 0
	for n, it := range a.items {
		for ; m < len(marks) && marks[m] == n; m++ {
			at[m] = len(chunks)
		}
		switch {
		case it.group != nil:
			chunks = append(chunks, it.group.chunks...)
		case it.part == 0:
			chunks = append(chunks, it.lit)
		case len(frags[it.part-1].holes) == 0:
			chunks = append(chunks, frags[it.part-1].data)
		default:
			chunks = append(chunks, frags[it.part-1].filled.data)
		}
	}
	for ; m < len(marks); m++ {
		at[m] = len(chunks)
	}
	return chunks, refilled, at
}

// filledLen returns the length of the values of fill.
func filledLen(fill []string) int {
	n := 0
	for _, v := range fill {
		n += len(v)
	}
	return n
}

// appendFilled appends to dst the bytes of f with fill's values in its
// holes.
func appendFilled(dst []byte, f fragment, fill []string) []byte {
	pos := 0
	for i, h := range f.holes {
		dst = append(append(dst, f.data[pos:h.at]...), fill[i]...)
		pos = h.at + h.n
	}
	return append(dst, f.data[pos:]...)
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
