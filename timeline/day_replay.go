package timeline

import "slices"

// Replaying a day. When a source joins a day of thousands of sentences,
// clusterDay would compare every one of them with its candidates again,
// though almost all go where they went last time. replayDay takes the
// sentences in the same order and keeps every cluster as clusterDay
// does, but compares a sentence only with the clusters that differ from
// last time ("moved": they gained or lost a member, or are new), when
// what it recorded last time proves that the others cannot change
// where it goes. The clusters are the ones clusterDay would make, to
// the bit.

// dayTrace is where clusterDay put each mention of a day, in the order
// it took them: what the next build's replayDay reads.
type dayTrace struct {
	order []*mention
	// joined are, by mention, the first members of the clusters they
	// joined (the mention itself when it started one); nil when left
	// out.
	joined []*mention
	// sim and rival are, by mention, its placement's: its similarity to
	// the cluster it joined for being the most similar (noSim for a
	// mention that started a cluster or joined one otherwise), and at
	// least that of any other cluster it was similar enough to join.
	sim, rival []float64
	// placed counts the mentions replayDay placed afresh, compared with
	// all their candidates, rather than by the last trace.
	placed int
}

// newDayTrace returns a trace with room for n mentions.
func newDayTrace(n int) *dayTrace {
	return &dayTrace{order: make([]*mention, 0, n), joined: make([]*mention, 0, n), sim: make([]float64, 0, n), rival: make([]float64, 0, n)}
}

// add records that m went where p places it, among clusters.
func (t *dayTrace) add(m *mention, p placement, clusters []*cluster) {
	var first *mention
	switch {
	case p.to >= 0:
		first = clusters[p.to].members[0]
	case p.to == newGroup:
		first = m
	}
	t.order = append(t.order, m)
	t.joined = append(t.joined, first)
	t.sim = append(t.sim, p.sim)
	t.rival = append(t.rival, p.rival)
}

// maxMovedScan is how many moved clusters a mention is compared with
// one by one; with more, they are found among its candidates.
const maxMovedScan = 32

// dayReplay is a day being clustered again after the build that left
// last.
type dayReplay struct {
	d    *dayClusters
	last *dayTrace
	// byFirst numbers the clusters by their first member; moved marks
	// those whose members differ from last time so far, and movedList
	// lists them in order.
	byFirst   map[*mention]int
	moved     []bool
	movedList []int
	// lost are the first members of last time's clusters that had a
	// member of a source now gone: they are moved from the start.
	lost    map[*mention]bool
	scratch []int
}

// replayDay returns the clusters clusterDay makes of ms, the mentions of
// a day, and their trace, given the trace last of the day's clustering
// in the last build, whose weights must be those of this build. It
// reports false, and nothing else, when ms are not in last's order.
func replayDay(ms []*mention, tt *termTable, last *dayTrace) ([]*cluster, *dayTrace, bool) {
	sortForDay(ms)
	at := make(map[*mention]int, len(last.order))
	for j, m := range last.order {
		at[m] = j
	}
	kept := make([]bool, len(last.order))
	was := make([]int, len(ms)) // each mention's place last time; -1 for new
	prev := -1
	for i, m := range ms {
		j, ok := at[m]
		if !ok {
			was[i] = -1
			continue
		}
		if j < prev {
			return nil, nil, false
		}
		prev, kept[j], was[i] = j, true, j
	}
	trace := newDayTrace(len(ms))
	r := &dayReplay{d: newDayClusters(tt, trace), last: last, byFirst: map[*mention]int{}, lost: map[*mention]bool{}}
	for j, first := range last.joined {
		if !kept[j] && first != nil {
			r.lost[first] = true
		}
	}
	for i, m := range ms {
		ids := tt.ids[m]
		j, ok := was[i], was[i] >= 0
		var p placement
		if ok {
			p = r.replay(m, ids, j)
		} else {
			p = r.place(m, ids)
		}
		started := p.to == newGroup
		ci := r.d.join(m, ids, p)
		if started {
			r.byFirst[m] = ci
			r.moved = append(r.moved, false)
			if r.lost[m] {
				r.mark(ci)
			}
		}
		r.note(m, ci, ok, j)
	}
	return r.d.clusters, trace, true
}

// note marks moved the clusters that m, which went to the cluster
// numbered ci (leftOut for none), changed: when m is new, that
// cluster; when it went elsewhere last time (the j-th), that cluster
// and the one it went to then.
func (r *dayReplay) note(m *mention, ci int, retained bool, j int) {
	var first *mention
	if ci >= 0 {
		first = r.d.clusters[ci].members[0]
	}
	if retained && r.last.joined[j] == first {
		return
	}
	if retained && r.last.joined[j] != nil {
		if was, ok := r.byFirst[r.last.joined[j]]; ok {
			r.mark(was)
		}
	}
	if ci >= 0 {
		r.mark(ci)
	}
}

// mark makes the cluster numbered ci moved.
func (r *dayReplay) mark(ci int) {
	if r.moved[ci] {
		return
	}
	r.moved[ci] = true
	i, _ := slices.BinarySearch(r.movedList, ci)
	r.movedList = slices.Insert(r.movedList, i, ci)
}

// replay returns where m, whose terms are numbered ids and which was the
// j-th mention of the last build's day, goes. The clusters that did not
// move are as they were when m came to them last time, so m's
// similarity to each is what it was: it goes where it went unless a
// moved cluster beats that, which comparing m with the moved clusters
// tells; when none is similar enough to join, the rules of unmatched
// place it. Where the trace cannot tell, m is placed as clusterDay
// places it.
func (r *dayReplay) replay(m *mention, ids []int32, j int) placement {
	sim, rival, first := r.last.sim[j], r.last.rival[j], r.last.joined[j]
	best := r.bestMoved(m, ids)
	if sim == noSim {
		// No cluster that did not move was similar enough to join.
		if best.to >= 0 {
			return best
		}
		return r.d.unmatched(m)
	}
	if b, ok := r.byFirst[first]; ok && !r.moved[b] {
		if best.to >= 0 && (best.sim > sim || best.sim == sim && best.to < b) {
			return placement{to: best.to, sim: best.sim, rival: max(rival, sim, best.rival)}
		}
		return placement{to: b, sim: sim, rival: max(rival, best.sim, best.rival)}
	}
	// Its cluster moved or is gone: the clusters that did not move are
	// at most rival.
	if best.to >= 0 && best.sim > rival {
		return placement{to: best.to, sim: best.sim, rival: max(rival, best.rival)}
	}
	if best.to < 0 && rival == noSim {
		return r.d.unmatched(m)
	}
	return r.place(m, ids)
}

// place places m afresh, as clusterDay does.
func (r *dayReplay) place(m *mention, ids []int32) placement {
	r.d.trace.placed++
	return r.d.place(m, ids)
}

// bestMoved returns the most similar moved cluster that m, of terms
// numbered ids, is similar enough to join, the first of equals, with
// the most similar of the others it could join as rival; to is
// newGroup when there is none.
func (r *dayReplay) bestMoved(m *mention, ids []int32) placement {
	if len(r.movedList) == 0 {
		return placement{to: newGroup, sim: noSim, rival: noSim}
	}
	return r.d.bestOf(m, ids, r.movedCandidates(ids))
}

// movedCandidates returns the moved clusters to compare a mention of
// terms numbered ids with, in order: all of them when they are few (one
// that shares no term is not similar enough to join), else those among
// its candidates.
func (r *dayReplay) movedCandidates(ids []int32) []int {
	if len(r.movedList) <= maxMovedScan {
		return r.movedList
	}
	out := r.scratch[:0]
	for _, ci := range r.d.cands.of(ids, r.d.index, len(r.d.clusters)) {
		if r.moved[ci] {
			out = append(out, ci)
		}
	}
	r.scratch = out
	return out
}
