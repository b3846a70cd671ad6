package timeline

import (
	"slices"

	"github.com/timeline-project/timeline/timeline/timex"
)

// undatedMemo is what joinUndated found in a build: the groups as they
// were before undated sentences joined them, and the group each undated
// sentence joined.
type undatedMemo struct {
	// groups are the groups' members and dates, by first member.
	groups map[*mention]groupBefore
	// joined is, for each undated sentence placed, the first member of
	// the group it joined; nil when it joined none. Builds change it in
	// place.
	joined map[*mention]*mention
}

// groupBefore is a group before undated sentences joined it.
type groupBefore struct {
	members []*mention
	date    timex.Date
}

// dirtyDates are the dates whose groups, or the undated sentences that
// joined them, differ from the last build's, in order.
type dirtyDates []timex.Date

func (d *dirtyDates) add(date timex.Date) {
	i, found := slices.BinarySearchFunc(*d, date, timex.Date.Compare)
	if !found {
		*d = slices.Insert(*d, i, date)
	}
}

// near reports whether a date in [from, to] is dirty.
func (d dirtyDates) near(from, to timex.Date) bool {
	i, _ := slices.BinarySearchFunc(d, from, timex.Date.Compare)
	return i < len(d) && !d[i].After(to)
}

// joinUndated is joinUndated, placing again only the undated sentences
// that are new, reweighed, or whose week holds a group that differs
// from the last build's (or was joined differently by a sentence placed
// before them); the others join the group they joined last time, which
// is the same and in the same state when they come to it.
func (memo *MergeMemo) joinUndated(clusters []*cluster, undated []*mention) {
	last := memo.undated
	if last.joined == nil {
		last.joined = map[*mention]*mention{}
	}
	now := undatedMemo{groups: make(map[*mention]groupBefore, len(clusters)), joined: last.joined}
	dirty := memo.dirtyGroups(clusters, last, now)
	for _, m := range memo.gone {
		if target, ok := last.joined[m]; ok {
			if target != nil {
				dirty.add(last.groups[target].date)
			}
			delete(last.joined, m)
		}
	}
	byFirst := make(map[*mention]int, len(clusters))
	for ci, c := range clusters {
		byFirst[c.members[0]] = ci
	}
	u := newUndatedJoin(clusters, memo.tt, memo.copies)
	for _, m := range undated {
		pub := m.src.Published.Date
		if pub.IsZero() {
			continue
		}
		target, had := last.joined[m]
		if had && !dirty.near(pub.AddDays(-undatedWindow), pub) && !memo.reweighed([]*mention{m}) {
			ci, ok := byFirst[target]
			if target == nil {
				ci, ok = -1, true
			}
			if ok { // a group joined last time is in the week, so not gone
				u.join(m, ci)
				continue
			}
		}
		ci := u.bestGroup(m)
		var got *mention
		if ci >= 0 {
			got = clusters[ci].members[0]
		}
		if !had || got != target {
			if got != nil {
				dirty.add(clusters[ci].date())
			}
			if target != nil {
				dirty.add(last.groups[target].date)
			}
		}
		u.join(m, ci)
		now.joined[m] = got
	}
	memo.undated = now
}

// dirtyGroups records the groups before undated sentences join them in
// now, and returns the dates of those that differ from last's: new,
// gone, with other members or with members reweighed.
func (memo *MergeMemo) dirtyGroups(clusters []*cluster, last, now undatedMemo) *dirtyDates {
	dirty := &dirtyDates{}
	for _, c := range clusters {
		first := c.members[0]
		g := groupBefore{members: slices.Clone(c.members), date: c.date()}
		now.groups[first] = g
		old, ok := last.groups[first]
		if ok && old.date == g.date && slices.Equal(old.members, g.members) && !memo.reweighed(c.members) {
			continue
		}
		dirty.add(g.date)
		if ok {
			dirty.add(old.date)
		}
	}
	for first, old := range last.groups { // only adds to a sorted set
		if _, ok := now.groups[first]; !ok {
			dirty.add(old.date)
		}
	}
	return dirty
}
