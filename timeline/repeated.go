package timeline

import (
	"fmt"
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline/timex"
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

// markRepeatedBlocks makes page furniture of the article blocks that
// many sources print on many days, in each reading that has one: its
// blocks and sentences are its own copies then, and its mentions are not
// remembered (see reading.repeated). rs have their publication dates.
func markRepeatedBlocks(rs []*reading) {
	type seen struct {
		sources int
		days    map[string]bool
		last    *reading
	}
	counts := map[string]*seen{}
	keys := make([][]string, len(rs))
	for i, r := range rs {
		keys[i] = make([]string, len(r.src.Blocks))
		for j, b := range r.src.Blocks {
			if b.IsFurniture() {
				continue
			}
			k := blockKey(b.Span.Of(r.src.Text))
			if k == "" {
				continue
			}
			keys[i][j] = k
			s := counts[k]
			if s == nil {
				s = &seen{days: map[string]bool{}}
				counts[k] = s
			}
			if s.last != r {
				s.sources++
				s.last = r
				s.days[r.src.Published.Date.String()] = true
			}
		}
	}
	need := max(minRepeatSources, int(minRepeatShare*float64(len(rs))+0.5))
	for i, r := range rs {
		var marks []int
		for j, k := range keys[i] {
			if s := counts[k]; k != "" && s.sources >= need && len(s.days) >= minRepeatDays {
				marks = append(marks, j)
			}
		}
		if len(marks) > 0 {
			r.markFurniture(marks, fmt.Sprintf("printed by %d sources of the story, on %d days", counts[keys[i][marks[0]]].sources, len(counts[keys[i][marks[0]]].days)))
		}
	}
}

// blockKey returns what a block is compared by: its words in lower case,
// or "" for a block of too few words.
func blockKey(text string) string {
	ws := words(text)
	if len(ws) < minRepeatWords {
		return ""
	}
	return strings.ToLower(strings.Join(ws, " "))
}

// markFurniture makes page furniture of the blocks numbered marks, for
// why: the reading gets its own copies of its blocks and sentences, its
// article expressions without theirs, and forgets the mentions a build
// found in it before.
func (r *reading) markFurniture(marks []int, why string) {
	src := r.src
	src.Blocks = slices.Clone(src.Blocks)
	for _, j := range marks {
		src.Blocks[j].Furniture = why
	}
	src.Sentences = sentencesOf(src.Text, src.Blocks)
	r.article = slices.DeleteFunc(slices.Clone(r.article), func(e timex.Expr) bool {
		b := blockAt(src.Blocks, e.Start)
		return b >= 0 && src.Blocks[b].IsFurniture()
	})
	r.found = nil
}
