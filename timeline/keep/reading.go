package keep

import (
	"crypto/sha256"
	"sync"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/build"
	"github.com/timeline-project/timeline/timeline/dating"
	"github.com/timeline-project/timeline/timeline/merge"
	"github.com/timeline-project/timeline/timeline/read"
)

// Reading is one input read on its own, kept with what the builds that use
// it remember: a caller may keep it while its input does not change and
// give it to the next build, for reading a source is most of the work
// of a build. What it remembers (the key of its text, the keys of its
// blocks, the days its relative expressions name under each
// publication date tried, the mentions found under the last) makes the
// next build faster and the same. A Reading may be given to several builds,
// at once too.
type Reading struct {
	r *read.Reading
	// text and blocks are the keys of its text and of its blocks, found
	// once.
	text   keyOnce[[sha256.Size]byte]
	blocks keyOnce[[]uint64]
	// anchors and found are shared by every build of the Reading.
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

// Read reads one input as a source to keep. An error means the
// input cannot be a source at all (not text, or no article text in it);
// what was only partly understood becomes a problem of the build that
// uses it.
func Read(in timeline.Input) (*Reading, error) {
	r, err := read.Read(in)
	if err != nil {
		return nil, err
	}
	return &Reading{r: r, anchors: &anchorMemo{}, found: &mentionMemo{}}, nil
}

// file returns the name of the input the Reading was read from.
func (rd *Reading) file() string { return rd.r.Src.File }

// TextKey returns the key of the source's text, found by key once.
func (rd *Reading) TextKey(key func() [sha256.Size]byte) [sha256.Size]byte { return rd.text.get(key) }

// BlockKeys returns the keys of the source's blocks, found by keys once.
func (rd *Reading) BlockKeys(keys func() []uint64) []uint64 { return rd.blocks.get(keys) }

// Anchors returns what remembers the source's relative days under each
// publication date tried.
func (rd *Reading) Anchors() dating.Anchors { return rd.anchors }

// Mentions returns find(r), from what the Reading remembers when a build
// found them under the same publication date, ID and marks.
func (rd *Reading) Mentions(r *read.Reading, find func(*read.Reading) []merge.Mention) []merge.Mention {
	return rd.found.get(r, find)
}

// Assemble is build.Assemble of kept readings, each its own Memo.
func Assemble(readings []*Reading, site *timeline.Input, opts build.Options) (*build.Assembly, error) {
	sources := make([]build.Source, len(readings))
	for i, rd := range readings {
		sources[i] = build.Source{Reading: rd.r, Memo: rd}
	}
	return build.Assemble(sources, site, opts)
}
