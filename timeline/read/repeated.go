package read

import (
	"fmt"
	"hash/fnv"
	"slices"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/parallel"
	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/words"
)

// Page furniture that only the story as a whole shows: a line that many
// of its sources print, on many days (a site's teaser, an advert, a
// caption under a map), is not what any of them reports. One wire story
// printed by several outlets is told apart by its days: outlets print it
// within a day or two.

const (
	// minRepeatSources is the fewest sources that must print a block for
	// it to be furniture; minRepeatShare the least share of the story's
	// sources.
	minRepeatSources = 5
	minRepeatShare   = 0.02
	// minRepeatDays is on how many days of publication they must print it.
	minRepeatDays = 3
	// minRepeatWords is the fewest words of a block worth comparing.
	minRepeatWords = 4
)

// MarkRepeatedBlocks makes page furniture of the article blocks that
// many sources print on many days, in each reading that has one: its
// blocks and sentences are its own copies then (see markFurniture). rs
// have their publication dates; keys[i] are the keys of the blocks of
// rs[i] as it was read (see BlockKeys).
func MarkRepeatedBlocks(rs []*Reading, keys [][]uint64) {
	type seen struct {
		sources int
		days    map[timex.Date]bool
		last    *Reading
	}
	counts := map[uint64]*seen{}
	for i, r := range rs {
		for _, k := range keys[i] {
			if k == 0 {
				continue
			}
			s := counts[k]
			if s == nil {
				s = &seen{days: map[timex.Date]bool{}}
				counts[k] = s
			}
			if s.last != r {
				s.sources++
				s.last = r
				s.days[r.Src.Published.Date] = true
			}
		}
	}
	need := max(minRepeatSources, int(minRepeatShare*float64(len(rs))+0.5))
	// Each reading's sentences are split again where it has furniture:
	// the readings take their turns on every core.
	parallel.For(len(rs), func(i int) {
		r := rs[i]
		var marks []int
		var most *seen
		for j, k := range keys[i] {
			s := counts[k]
			if k == 0 || len(s.days) < minRepeatDays || s.sources < minRepeatSources {
				continue
			}
			if s.sources >= need || opensSource(r.Src, j) {
				marks = append(marks, j)
				if most == nil || s.sources > most.sources {
					most = s
				}
			}
		}
		if len(marks) > 0 {
			r.markFurniture(marks, fmt.Sprintf("printed by %d sources of the story, on %d days", most.sources, len(most.days)))
		}
	})
}

// opensSource reports whether block j is the first of src that is not
// furniture: where its headline or its lead stands. Sources that open
// with the same line on many days open with a site's teaser or ticker,
// not with their own news, however large the story.
func opensSource(src *timeline.Source, j int) bool {
	for i, bl := range src.Blocks[:j+1] {
		if !bl.IsFurniture() {
			return i == j
		}
	}
	return false
}

// BlockKeys returns the key of each block of src: a hash of its words in
// lower case; 0 for page furniture and blocks of too few words.
func BlockKeys(src *timeline.Source) []uint64 {
	keys := make([]uint64, len(src.Blocks))
	for j, bl := range src.Blocks {
		if !bl.IsFurniture() {
			keys[j] = blockKey(bl.Span.Of(src.Text))
		}
	}
	return keys
}

// blockKey returns a hash of the words of a block in lower case, or 0
// for a block of too few words.
func blockKey(text string) uint64 {
	h := fnv.New64a()
	n := 0
	var buf [words.MaxASCII]byte
	for i := 0; ; n++ {
		start, end := words.Next(text, i)
		if start < 0 {
			break
		}
		h.Write(words.LowerBytes(&buf, text[start:end]))
		h.Write([]byte{' '})
		i = end
	}
	if n < minRepeatWords {
		return 0
	}
	return h.Sum64() | 1 // never 0
}

// markFurniture makes page furniture of the blocks numbered marks, for
// why: the reading gets its own copies of its blocks and sentences, and
// its article expressions without theirs. The mentions a build finds in
// it are remembered with its marks (see package keep).
func (r *Reading) markFurniture(marks []int, why string) {
	src := r.Src
	src.Blocks = slices.Clone(src.Blocks)
	for _, j := range marks {
		src.Blocks[j].Furniture = why
	}
	src.Sentences = SentencesOf(src.Text, src.Blocks)
	r.Article = slices.DeleteFunc(slices.Clone(r.Article), func(e timex.Expr) bool {
		b := blockAt(src.Blocks, e.Start)
		return b >= 0 && src.Blocks[b].IsFurniture()
	})
	r.Marks = marks
}
