package timeline

import (
	"slices"

	"github.com/timeline-project/timeline/timeline/timex"
)

// undatedMemo is what joinUndated found in a build: the groups as they
// were before undated sentences joined them (what each undated sentence
// joined is kept with its source's run).
type undatedMemo struct {
	// groups are the groups' members and dates, by first member.
	groups map[*mention]groupBefore
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
func (memo *MergeMemo) joinUndated(clusters []*cluster) {
	last := memo.undated
	now := undatedMemo{groups: make(map[*mention]groupBefore, len(clusters))}
	dirty := memo.dirtyGroups(clusters, last, now)
	for _, r := range memo.gone {
		for _, target := range r.joined {
			if target != nil && r.placed {
				dirty.add(last.groups[target].date)
			}
		}
	}
	byFirst := make(map[*mention]int, len(clusters))
	for ci, c := range clusters {
		byFirst[c.members[0]] = ci
	}
	u := newUndatedJoin(clusters, memo.tt, memo.copies)
	for _, r := range memo.order {
		if len(r.undated) == 0 || r.undated[0].src.Published.Date.IsZero() {
			continue
		}
		pub := r.undated[0].src.Published.Date
		near := dirty.near(pub.AddDays(-undatedWindow), pub)
		for j, m := range r.undated {
			if r.placed && !near && !memo.reweighed(r.undated[j:j+1]) {
				if ci, ok := byFirst[r.joined[j]]; ok || r.joined[j] == nil {
					if !ok {
						ci = -1
					}
					u.join(m, ci)
					continue
				}
			}
			ci := u.bestGroup(m)
			var got *mention
			if ci >= 0 {
				got = clusters[ci].members[0]
				if !r.placed || got != r.joined[j] {
					dirty.add(clusters[ci].date())
				}
			}
			if r.placed && r.joined[j] != nil && got != r.joined[j] {
				dirty.add(last.groups[r.joined[j]].date)
			}
			u.join(m, ci)
			r.joined[j] = got
			near = dirty.near(pub.AddDays(-undatedWindow), pub)
		}
		r.placed = true
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

// acrossMemo is what mergeAcrossDays did in a build: the groups it was
// given, by first member (shared groups, never changed), and the group
// each group that looked for one joined, by first members; nil for none.
type acrossMemo struct {
	groups map[*mention]*cluster
	joined map[*mention]*mention
}

// mergeAcrossDays is mergeAcrossDays, looking again only for the
// matches of the groups that are new or have a group within the window
// of days that differs from the last build's (or merged differently
// before them); the others join the group they joined last time, which
// is the same and in the same state when they come to it. The groups
// given are the days' shared ones.
func (memo *MergeMemo) mergeAcrossDays(clusters []*cluster) []*cluster {
	last := memo.across
	now := acrossMemo{groups: make(map[*mention]*cluster, len(clusters)), joined: map[*mention]*mention{}}
	dirty := &dirtyDates{}
	byFirst := make(map[*mention]int, len(clusters))
	for ci, c := range clusters {
		first := c.members[0]
		now.groups[first], byFirst[first] = c, ci
		if old := last.groups[first]; old != c {
			dirty.add(c.date())
			if old != nil {
				dirty.add(old.date())
			}
		}
	}
	for first, old := range last.groups { // only adds to a sorted set
		if now.groups[first] == nil {
			dirty.add(old.date())
		}
	}
	a := newAcrossDays(clusters, memo.tt)
	for ci, c := range clusters {
		if !a.looks(ci) {
			continue
		}
		first, d := c.members[0], c.date()
		target, had := last.joined[first]
		if had && !dirty.near(d.AddDays(-crossDayWindow), d.AddDays(crossDayWindow)) {
			if oi, ok := byFirst[target]; ok || target == nil {
				if !ok {
					oi = -1
				}
				a.merge(ci, oi)
				now.joined[first] = target
				continue
			}
		}
		oi := a.bestMatch(ci)
		var got *mention
		if oi >= 0 {
			got = clusters[oi].members[0]
		}
		if !had || got != target {
			dirty.add(d)
			if got != nil {
				dirty.add(clusters[oi].date())
			}
			if old := last.groups[target]; target != nil && old != nil {
				dirty.add(old.date())
			}
		}
		a.merge(ci, oi)
		now.joined[first] = got
	}
	memo.across = now
	return a.rest()
}
