package keep

import (
	"slices"
	"sync"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/merge"
	"github.com/timeline-project/timeline/timeline/read"
)

// mentionMemo keeps the mentions one build found in a reading, for the
// next build that dates the reading the same and gives it the same ID:
// finding mentions depends on nothing but the reading, its publication
// date and its ID (the mentions point to their source). It is shared by
// every build of the same Reading.
type mentionMemo struct {
	mu sync.Mutex
	// ok is true once a build has stored its mentions.
	ok bool
	// published, id and marks are the publication date, source ID and
	// blocks made page furniture they were found under.
	published timeline.Published
	id        string
	marks     []int
	// mentions are as find returned them; builds share them and
	// must not change them. Their src is the source of the build that
	// found them, which differs from a later build's only in what that
	// build does not read from mentions.
	mentions []merge.Mention
	// problems are the warnings find added.
	problems []error
	// added is true when the mentions were found since the memo was
	// made or decoded, so that a caller keeping it knows it has grown.
	added bool
}

// get returns find(r), from memo when a build has found r's
// mentions under the same publication date, ID and marks, and keeps
// them there otherwise.
func (memo *mentionMemo) get(r *read.Reading, find func(*read.Reading) []merge.Mention) []merge.Mention {
	memo.mu.Lock()
	defer memo.mu.Unlock()
	if memo.ok && memo.published == r.Src.Published && memo.id == r.Src.ID && slices.Equal(memo.marks, r.Marks) {
		r.Problems = append(r.Problems, memo.problems...)
		return memo.mentions
	}
	before := len(r.Problems)
	ms := find(r)
	memo.ok, memo.added, memo.published, memo.id, memo.marks = true, true, r.Src.Published, r.Src.ID, slices.Clone(r.Marks)
	memo.mentions = ms
	memo.problems = slices.Clone(r.Problems[before:])
	return ms
}
