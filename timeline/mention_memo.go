package timeline

import (
	"slices"
	"sync"
)

// mentionMemo keeps the mentions one build found in a reading, for the
// next build that dates the reading the same: finding mentions depends
// on nothing but the reading and its publication date. It is shared by
// every build of the same Reading.
type mentionMemo struct {
	mu sync.Mutex
	// ok is true once a build has stored its mentions.
	ok bool
	// published is the publication date they were found under.
	published Published
	// mentions are as mentionsOf returned them, before any build
	// named their speakers; their src is the source of the build that
	// found them.
	mentions []mention
	// problems are the warnings mentionsOf added.
	problems []error
	// added is true when the mentions were found since the memo was
	// made or decoded, so that a caller keeping it knows it has grown.
	added bool
}

// mentionsOfMemo returns mentionsOf(r), from memo when a build has found
// them under the same publication date, and keeps them there otherwise.
// memo may be nil.
func mentionsOfMemo(r *reading, memo *mentionMemo) []mention {
	if memo == nil {
		return mentionsOf(r)
	}
	memo.mu.Lock()
	defer memo.mu.Unlock()
	if memo.ok && memo.published == r.src.Published {
		r.problems = append(r.problems, memo.problems...)
		return ownMentions(memo.mentions, r.src)
	}
	before := len(r.problems)
	ms := mentionsOf(r)
	memo.ok, memo.added, memo.published = true, true, r.src.Published
	memo.mentions = ownMentions(ms, nil)
	memo.problems = slices.Clone(r.problems[before:])
	return ms
}

// ownMentions returns a copy of ms that a build may change: each
// mention's attributions are its own (merging names the speakers in
// place), and its source is src when src is not nil.
func ownMentions(ms []mention, src *Source) []mention {
	out := slices.Clone(ms)
	for i := range out {
		out[i].attrs = slices.Clone(out[i].attrs)
		if src != nil {
			out[i].src = src
		}
	}
	return out
}
