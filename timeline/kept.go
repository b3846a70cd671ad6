package timeline

import (
	"crypto/sha256"
	"sync"
)

// Kept is one input read on its own, kept with what the builds that use
// it remember: a caller may keep it while its input does not change and
// give it to the next build, for reading a source is most of the work
// of a build. What it remembers (the key of its text, the keys of its
// blocks, the days its relative expressions name under each
// publication date tried, the mentions found under the last) makes the
// next build faster and the same. A Kept may be given to several builds,
// at once too.
type Kept struct {
	r *reading
	// text and blocks are the keys of its text and of its blocks, found
	// once.
	text   keyOnce[[sha256.Size]byte]
	blocks keyOnce[[]uint64]
	// anchors and found are shared by every build of the Kept.
	anchors *anchorMemo
	found   *mentionMemo
}

// keyOnce is a value found once and kept.
type keyOnce[T any] struct {
	once sync.Once
	v    T
}

// get returns the value, finding it with find the first time.
func (k *keyOnce[T]) get(find func() T) T {
	k.once.Do(func() { k.v = find() })
	return k.v
}

// ReadKept reads one input as a source to keep. An error means the
// input cannot be a source at all (not text, or no article text in it);
// what was only partly understood becomes a problem of the build that
// uses it.
func ReadKept(in Input) (*Kept, error) {
	r, err := readSource(in)
	if err != nil {
		return nil, err
	}
	return &Kept{r: r, anchors: &anchorMemo{}, found: &mentionMemo{}}, nil
}

// File returns the name of the input the Kept was read from.
func (k *Kept) File() string { return k.r.src.File }

// ID returns the ID of the Kept's source.
func (k *Kept) ID() string { return k.r.src.ID }

// TextKey returns the key of the source's text, found by key once.
func (k *Kept) TextKey(key func() [sha256.Size]byte) [sha256.Size]byte { return k.text.get(key) }

// BlockKeys returns the keys of the source's blocks, found by keys once.
func (k *Kept) BlockKeys(keys func() []uint64) []uint64 { return k.blocks.get(keys) }

// Anchors returns what remembers the source's relative days under each
// publication date tried.
func (k *Kept) Anchors() Anchors { return k.anchors }

// Mentions returns find(r), from what the Kept remembers when a build
// found them under the same publication date, ID and marks.
func (k *Kept) Mentions(r *reading, find func(*reading) []mention) []mention {
	return k.found.get(r, find)
}

// AssembleKept is Assemble of kept readings: each is its own Memo.
func AssembleKept(kept []*Kept, site *Input, opts Options) (*Assembly, error) {
	sources := make([]buildSource, len(kept))
	for i, k := range kept {
		sources[i] = buildSource{Reading: k.r, Memo: k}
	}
	return Assemble(sources, site, opts)
}
