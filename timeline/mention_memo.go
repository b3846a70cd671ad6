package timeline

import (
	"slices"
	"sync"
)

// mentionMemo keeps the mentions one build found in a reading, for the
// next build that dates the reading the same and gives it the same ID:
// finding mentions depends on nothing but the reading, its publication
// date and its ID (the mentions point to their source). It is shared by
// every build of the same Kept.
type mentionMemo struct {
	mu sync.Mutex
	// ok is true once a build has stored its mentions.
	ok bool
	// published, id and marks are the publication date, source ID and
	// blocks made page furniture they were found under.
	published Published
	id        string
	marks     []int
	// mentions are as find returned them; builds share them and
	// must not change them. Their src is the source of the build that
	// found them, which differs from a later build's only in what that
	// build does not read from mentions.
	mentions []mention
	// problems are the warnings find added.
	problems []error
	// added is true when the mentions were found since the memo was
	// made or decoded, so that a caller keeping it knows it has grown.
	added bool
}

// get returns find(r), from memo when a build has found r's
// mentions under the same publication date, ID and marks, and keeps
// them there otherwise.
func (memo *mentionMemo) get(r *reading, find func(*reading) []mention) []mention {
	memo.mu.Lock()
	defer memo.mu.Unlock()
	if memo.ok && memo.published == r.src.Published && memo.id == r.src.ID && slices.Equal(memo.marks, r.marks) {
		r.problems = append(r.problems, memo.problems...)
		return memo.mentions
	}
	before := len(r.problems)
	ms := find(r)
	memo.ok, memo.added, memo.published, memo.id, memo.marks = true, true, r.src.Published, r.src.ID, slices.Clone(r.marks)
	memo.mentions = ms
	memo.problems = slices.Clone(r.problems[before:])
	return ms
}
