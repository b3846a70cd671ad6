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

// dirtyDates are dates whose groups, or what merged into them, differ
// from the last build's, in order.
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

// maxStaleGroups is how many groups may differ from the last build's
// for undated sentences to be placed by comparing them with those
// groups only; with more, every sentence is placed afresh.
const maxStaleGroups = 256

// staleGroups are the groups that differ from the last build's, by
// number: new, with other members, or joined by other undated sentences.
type staleGroups struct {
	clusters []*cluster
	// before is how many terms each group had before undated sentences
	// joined it: the terms the day index knows it by.
	before []int
	stale  []bool
	// list holds the stale groups' numbers, dates and terms (a bit for
	// each term number).
	list []staleGroup
}

type staleGroup struct {
	ci    int
	date  timex.Date
	terms []uint64
}

func newStaleGroups(clusters []*cluster) *staleGroups {
	s := &staleGroups{clusters: clusters, before: make([]int, len(clusters)), stale: make([]bool, len(clusters))}
	for ci, c := range clusters {
		s.before[ci] = len(c.order)
	}
	return s
}

// mark makes the group numbered ci stale; nothing when ci is -1.
func (s *staleGroups) mark(ci int) {
	if ci < 0 || s.stale[ci] {
		return
	}
	s.stale[ci] = true
	c := s.clusters[ci]
	if c.background() || len(s.list) >= maxStaleGroups {
		s.list = append(s.list, staleGroup{ci: ci})
		return
	}
	g := staleGroup{ci: ci, date: c.date()}
	for _, t := range c.order[:s.before[ci]] {
		if int(t/64) >= len(g.terms) {
			g.terms = slices.Grow(g.terms, int(t/64)+1-len(g.terms))[:t/64+1]
		}
		g.terms[t/64] |= 1 << (t % 64)
	}
	s.list = append(s.list, g)
}

// candidate reports whether the stale group g, dated in the window of
// the sentence (see staleNear), is one of the groups candidatesNear
// gives for the rarest terms rare.
func (g *staleGroup) candidate(rare []int32) bool {
	hits := 0
	for _, t := range rare {
		if int(t/64) < len(g.terms) && g.terms[t/64]&(1<<(t%64)) != 0 {
			hits++
		}
	}
	return hits >= min(minSharedTerms, len(rare))
}

// staleNear is the stale groups that may be candidates for the undated
// sentences of one source: those with terms, dated in the window of its
// publication date. It follows the list of stale groups as it grows.
type staleNear struct {
	from, to timex.Date
	seen     int   // how many of the stale groups were looked at
	at       []int // the numbers, in the list, of those near
}

// newStaleNear returns the stale groups near a source published on pub.
func newStaleNear(pub timex.Date) *staleNear {
	return &staleNear{from: pub.AddDays(-undatedWindow), to: pub}
}

// update adds the groups made stale since the last call that are near.
func (n *staleNear) update(s *staleGroups) {
	for ; n.seen < len(s.list); n.seen++ {
		g := &s.list[n.seen]
		if g.terms != nil && !g.date.Before(n.from) && !g.date.After(n.to) {
			n.at = append(n.at, n.seen)
		}
	}
}

// joinUndated is joinUndated, placing afresh only the undated sentences
// that are new, reweighed, or whose group of last time is gone or
// stale; another sentence is compared only with the stale groups among
// its candidates, whose similarities may have changed, and joins the
// one that beats its group of last time, or that group again. Groups
// not stale are in the same state as when the last build placed it.
func (memo *MergeMemo) joinUndated(clusters []*cluster) {
	last := memo.undated
	now := undatedMemo{groups: make(map[*mention]groupBefore, len(clusters))}
	stale := newStaleGroups(clusters)
	memo.staleGroups(clusters, last, now, stale)
	byFirst := make(map[*mention]int, len(clusters))
	for ci, c := range clusters {
		byFirst[c.members[0]] = ci
	}
	for _, r := range memo.gone {
		for _, target := range r.joined {
			if ci, ok := byFirst[target]; ok && r.placed && target != nil {
				stale.mark(ci)
			}
		}
	}
	u := newUndatedJoin(clusters, memo.tt, memo.copies)
	for _, r := range memo.order {
		if len(r.undated) == 0 || r.undated[0].src.Published.Date.IsZero() {
			continue
		}
		near := newStaleNear(r.undated[0].src.Published.Date) // one source's
		for j, m := range r.undated {
			was, ok := byFirst[r.joined[j]] // the group joined last time
			if r.joined[j] == nil {
				was, ok = -1, true
			} else if !ok {
				was = -1 // gone
			}
			var ci int
			var sim float64
			if r.placed && ok && (was < 0 || !stale.stale[was]) && memo.reweights == 0 && len(stale.list) < maxStaleGroups {
				ci, sim = stale.beat(u, m, r.rare[j], was, r.sims[j], near)
			} else {
				ci, sim = u.bestGroup(m)
				r.rare[j] = slices.Clone(u.rare.terms)
			}
			if ci != was || !ok {
				stale.mark(ci)
				stale.mark(was)
			}
			u.join(m, ci)
			r.joined[j], r.sims[j] = nil, sim
			if ci >= 0 {
				r.joined[j] = clusters[ci].members[0]
			}
		}
		r.placed = true
	}
	memo.undated = now
}

// beat returns the group an undated sentence m, of rarest terms rare,
// joins when it joined the group numbered last (-1 for none) with
// similarity sim in the last build, and that group and every other one
// not stale are as they were: the stale group among its candidates
// that is more similar, or as similar and earlier, if any. near are
// the stale groups near m's source.
func (s *staleGroups) beat(u *undatedJoin, m *mention, rare []int32, last int, sim float64, near *staleNear) (int, float64) {
	near.update(s)
	best, bestSim := last, sim
	var v termVector
	for _, i := range near.at {
		g := &s.list[i]
		if !g.candidate(rare) {
			continue
		}
		if v.terms == nil {
			v = u.vector(m)
		}
		if gs, need := u.fit(g.ci, m, v); gs >= need && (gs > bestSim || gs == bestSim && (best < 0 || g.ci < best)) {
			best, bestSim = g.ci, gs
		}
	}
	return best, bestSim
}

// staleGroups records the groups before undated sentences join them in
// now, and marks stale those that differ from last's: new, with other
// members, or reweighed.
func (memo *MergeMemo) staleGroups(clusters []*cluster, last, now undatedMemo, stale *staleGroups) {
	for ci, c := range clusters {
		first := c.members[0]
		g := groupBefore{members: slices.Clone(c.members), date: c.date()}
		now.groups[first] = g
		old, ok := last.groups[first]
		if !ok || old.date != g.date || !slices.Equal(old.members, g.members) || memo.reweighed(c.members) {
			stale.mark(ci)
		}
	}
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
