package merge

import (
	"cmp"
	"container/heap"
	"math"
	"slices"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/parallel"
	"github.com/timeline-project/timeline/timeline/timex"
)

const (
	// groupSimilarity is the least similarity of two groups for them to
	// merge: the mean similarity of their units, one of each.
	groupSimilarity = 0.1
	// sizeFactor is how much more alike two groups of several units must
	// be to merge: the least similarity grows by this share of itself for
	// each e-fold of the smaller group's units. Each of two groups of many
	// reports is a happening of its own; two such meet at a low mean
	// similarity when they are two happenings of one day that share the
	// story's words ("debris found near the Titanic", "the Navy heard an
	// implosion days ago").
	sizeFactor = 0.2
	// edgeSimilarity is the least similarity of two units for their
	// groups to be compared again as they grow: below it, two units are
	// taken for unrelated.
	edgeSimilarity = 0.08
	// candidateTerms is how many of a unit's rarest terms find the units
	// it is compared with, when too many units meet its days to compare
	// it with each (more than maxCompared).
	candidateTerms = 8
	maxCompared    = 60
	// termShare is the share of the similarity of two texts that comes
	// from the words they share; the rest comes from their coordinates in
	// the story's latent model, where there is one.
	termShare = 0.5
	// speakerBonus is what the same speaker adds to the similarity of two
	// groups; speakerPenalty what different speakers take from it.
	speakerBonus   = 0.1
	speakerPenalty = 0.1
	// sameSourcePenalty is what two units of one source, one of them
	// someone's account, take from the similarity of their groups: an
	// article that quotes several people on one day most often reports
	// several things, where other sources report one of them in their
	// own words. Two units of its own voice take nothing away: an
	// article's own account of a day most often tells one happening.
	sameSourcePenalty = 0.1
)

// group is a set of units taken for one happening.
type group struct {
	units []*unit
	prec  timex.Precision
	// lo and hi bound the days all its units may report.
	lo, hi int
	// sum is the sum of its units' vectors, and norm its norm; latent is
	// the sum of their latent coordinates, nil when there are none.
	sum    termVector
	norm   float64
	latent []float64
	// speakers are the names of those who speak in its units, sorted;
	// own is true when a unit's source reports in its own voice.
	speakers []string
	own      bool
	// sources counts its units by source; ownSources those in their
	// source's own voice.
	sources    map[*timeline.Source]int
	ownSources map[*timeline.Source]int
	// version counts the group's changes, to tell an edge computed
	// before one from a current one.
	version int
	// next lists the groups it was found similar to.
	next []int
	dead bool
}

func newGroup(u *unit) *group {
	g := &group{units: []*unit{u}, prec: u.prec, lo: u.lo, hi: u.hi, sum: u.vec, norm: u.vec.norm(), latent: slices.Clone(u.latent),
		sources: map[*timeline.Source]int{u.src: 1}, ownSources: map[*timeline.Source]int{}}
	if u.speaker == "" {
		g.own = true
		g.ownSources[u.src] = 1
	} else {
		g.speakers = []string{u.speaker}
	}
	return g
}

// speakerShift is what who speaks adds to the similarity of two groups:
// speakerBonus when someone speaks in both, minus speakerPenalty when
// different people speak in each and neither reports in its own voice.
func speakerShift(aSpeakers []string, aOwn bool, bSpeakers []string, bOwn bool) float64 {
	for _, s := range aSpeakers {
		if _, ok := slices.BinarySearch(bSpeakers, s); ok {
			return speakerBonus
		}
	}
	if !aOwn && !bOwn && len(aSpeakers) > 0 && len(bSpeakers) > 0 {
		return -speakerPenalty
	}
	return 0
}

// similarity is the mean similarity of the units of two groups, one of
// each (average linkage, which the sums of their vectors give), shifted
// by who speaks in them and by how many pairs of units share a source
// and someone's account. The mean keeps a large group from drawing in
// whatever is like its centroid: each of its units must be alike.
func (g *group) similarity(h *group) float64 {
	n := float64(len(g.units) * len(h.units))
	sim := g.sum.dot(h.sum) / n
	if g.latent != nil && h.latent != nil {
		sim = termShare*sim + (1-termShare)*dotDense(g.latent, h.latent)/n
	}
	a, b := g.sources, h.sources
	if len(a) > len(b) {
		a, b = b, a
	}
	same := 0
	for src, k := range a {
		same += k * b[src]
	}
	for src, k := range g.ownSources {
		same -= k * h.ownSources[src]
	}
	return sim + speakerShift(g.speakers, g.own, h.speakers, h.own) - sameSourcePenalty*float64(same)/n
}

// dotDense returns the dot product of two vectors of one length.
func dotDense(a, b []float64) float64 {
	s := 0.0
	for i, x := range a {
		s += x * b[i]
	}
	return s
}

// unitSimilarity is the similarity of two units, as groups of one.
func unitSimilarity(u, v *unit) float64 {
	sim := u.vec.dot(v.vec)
	if u.latent != nil && v.latent != nil {
		sim = termShare*sim + (1-termShare)*dotDense(u.latent, v.latent)
	}
	sim += speakerShift(speakersOf(u), u.speaker == "", speakersOf(v), v.speaker == "")
	if u.src == v.src && (u.speaker != "" || v.speaker != "") {
		sim -= sameSourcePenalty
	}
	return sim
}

// speakersOf returns the speakers of a unit, as a group lists them.
func speakersOf(u *unit) []string {
	if u.speaker == "" {
		return nil
	}
	return []string{u.speaker}
}

// absorb merges h into g.
func (g *group) absorb(h *group) {
	g.units = append(g.units, h.units...)
	g.lo, g.hi = max(g.lo, h.lo), min(g.hi, h.hi)
	g.sum = g.sum.plus(h.sum)
	g.norm = g.sum.norm()
	if g.latent != nil && h.latent != nil {
		for j, x := range h.latent {
			g.latent[j] += x
		}
	}
	for _, sp := range h.speakers {
		if i, ok := slices.BinarySearch(g.speakers, sp); !ok {
			g.speakers = slices.Insert(g.speakers, i, sp)
		}
	}
	g.own = g.own || h.own
	for src, k := range h.sources {
		g.sources[src] += k
	}
	for src, k := range h.ownSources {
		g.ownSources[src] += k
	}
	g.version++
	h.dead = true
}

// edge is two groups found similar, with the versions they had then.
type edge struct {
	a, b   int
	sim    float64
	va, vb int
}

// edgeHeap orders edges from the most similar, then by their groups.
type edgeHeap []edge

func (h edgeHeap) Len() int { return len(h) }
func (h edgeHeap) Less(i, j int) bool {
	if h[i].sim != h[j].sim {
		return h[i].sim > h[j].sim
	}
	return cmp.Or(cmp.Compare(h[i].a, h[j].a), cmp.Compare(h[i].b, h[j].b)) < 0
}
func (h edgeHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *edgeHeap) Push(x any)   { *h = append(*h, x.(edge)) }
func (h *edgeHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}

// clusterUnits groups the units, ordered as unitsOf orders them, into
// happenings: each unit starts a group; the two most similar groups
// whose days meet merge while their similarity is at least
// mergeThreshold. Groups are compared only when some of their units
// were found similar (at least edgeSimilarity) when they were alone.
func clusterUnits(units []*unit, tt *termTable) []*group {
	groups := make([]*group, len(units))
	for i, u := range units {
		groups[i] = newGroup(u)
	}
	pairs := candidatePairs(units, tt)
	h := make(edgeHeap, 0, len(pairs))
	for _, p := range pairs {
		groups[p.a].next = append(groups[p.a].next, p.b)
		groups[p.b].next = append(groups[p.b].next, p.a)
		h = append(h, p)
	}
	heap.Init(&h)
	for h.Len() > 0 {
		e := heap.Pop(&h).(edge)
		if e.sim < groupSimilarity {
			break
		}
		a, b := groups[e.a], groups[e.b]
		if a.dead || b.dead || a.version != e.va || b.version != e.vb || !meets(a.lo, a.hi, b.lo, b.hi) {
			continue
		}
		a.absorb(b)
		a.next = joinNeighbours(groups, e.a, a.next, b.next)
		for _, n := range a.next {
			c := groups[n]
			if !meets(a.lo, a.hi, c.lo, c.hi) {
				continue
			}
			if sim := a.similarity(c); sim >= mergeThreshold(a, c) {
				x, y := e.a, n
				vx, vy := a.version, c.version
				if y < x {
					x, y, vx, vy = y, x, vy, vx
				}
				heap.Push(&h, edge{a: x, b: y, sim: sim, va: vx, vb: vy})
			}
		}
	}
	out := make([]*group, 0, len(groups))
	for _, g := range groups {
		if !g.dead {
			out = append(out, g)
		}
	}
	slices.SortStableFunc(out, func(a, b *group) int { return cmp.Or(cmp.Compare(a.prec, b.prec), cmp.Compare(a.lo, b.lo)) })
	return joinNearDays(out)
}

const (
	// nearDays is how many days apart a group dated only by context or an
	// inferred publication date may be from a better-dated group it joins.
	nearDays = 2
	// nearSimilarity is the least similarity for it to join.
	nearSimilarity = 0.5
)

// joinNearDays lets each group of days whose units are dated no better
// than by context or by an inferred publication date join the most
// similar group of a better-dated unit up to nearDays away, when similar
// enough: their dates were counted from guesses. Groups are in order of
// precision and day.
func joinNearDays(groups []*group) []*group {
	for i, g := range groups {
		if g.prec != timex.PrecisionDay || bestRank(g) < basisRank(timeline.DatedInferred) || bestRank(g) == basisRank(timeline.DatedReported) {
			continue
		}
		// groups are in order of first day, and a group's days span at
		// most leadDays: look from there
		first, _ := slices.BinarySearchFunc(groups, g, func(h, g *group) int {
			return cmp.Or(cmp.Compare(h.prec, g.prec), cmp.Compare(h.lo, g.lo-nearDays-leadDays))
		})
		best, bestSim := -1, nearSimilarity
		for j := first; j < len(groups) && groups[j].prec == g.prec && groups[j].lo <= g.hi+nearDays; j++ {
			h := groups[j]
			if j == i || h.dead || bestRank(h) >= bestRank(g) || !meets(g.lo-nearDays, g.hi+nearDays, h.lo, h.hi) {
				continue
			}
			if sim := g.similarity(h); sim >= bestSim {
				best, bestSim = j, sim
			}
		}
		if best >= 0 {
			h := groups[best]
			lo, hi := h.lo, h.hi
			h.absorb(g)
			h.lo, h.hi = lo, hi // the better-dated group keeps its days
		}
	}
	return slices.DeleteFunc(groups, func(g *group) bool { return g.dead })
}

// bestRank returns the best basis rank of a group's units.
func bestRank(g *group) int {
	r := basisRank("")
	for _, u := range g.units {
		r = min(r, u.rank)
	}
	return r
}

// joinNeighbours returns the live groups of both lists but self, each
// once, in order.
func joinNeighbours(groups []*group, self int, a, b []int) []int {
	out := slices.Concat(a, b)
	slices.Sort(out)
	out = slices.Compact(out)
	return slices.DeleteFunc(out, func(n int) bool { return n == self || groups[n].dead })
}

// candidatePairs returns the pairs of units, as edges between their
// groups, whose days meet, who share a term and whose similarity is at
// least edgeSimilarity, sorted. A unit is compared with every unit whose
// days meet its own, or, when there are more than maxCompared, with
// those that share one of its rarest terms.
func candidatePairs(units []*unit, tt *termTable) []edge {
	index := map[int32][]int{}
	maxSpan := 0
	for i, u := range units {
		for _, t := range u.vec.terms {
			index[t] = append(index[t], i)
		}
		maxSpan = max(maxSpan, u.hi-u.lo)
	}
	// first returns the first of list, units by number, of u's precision
	// whose days could meet u's.
	first := func(list []int, u *unit) int {
		k, _ := slices.BinarySearchFunc(list, u, func(j int, u *unit) int {
			v := units[j]
			return cmp.Or(cmp.Compare(v.prec, u.prec), cmp.Compare(v.lo, u.lo-maxSpan))
		})
		return k
	}
	all := make([]int, len(units))
	for i := range all {
		all[i] = i
	}
	found := make([][]edge, len(units))
	parallel.ForWith(len(units), func() []int { return make([]int, len(units)) }, func(seen []int, i int) {
		u := units[i]
		compare := func(j int) {
			v := units[j]
			if j == i || seen[j] == i+1 || !meets(u.lo, u.hi, v.lo, v.hi) {
				return
			}
			seen[j] = i + 1
			if sim := unitSimilarity(u, v); sim >= edgeSimilarity && sharesTerm(u.vec, v.vec) {
				found[i] = append(found[i], edge{a: min(i, j), b: max(i, j), sim: sim})
			}
		}
		lists := [][]int{all}
		if k := first(all, u); k+maxCompared < len(all) && units[k+maxCompared].prec == u.prec && units[k+maxCompared].lo <= u.hi {
			lists = lists[:0]
			for _, t := range rarest(u.vec, tt, candidateTerms) {
				lists = append(lists, index[t])
			}
		}
		for _, list := range lists {
			for k := first(list, u); k < len(list); k++ {
				v := units[list[k]]
				if v.prec != u.prec || v.lo > u.hi {
					break
				}
				compare(list[k])
			}
		}
	})
	out := slices.Concat(found...)
	slices.SortFunc(out, func(x, y edge) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	return slices.CompactFunc(out, func(x, y edge) bool { return x.a == y.a && x.b == y.b })
}

// sharesTerm reports whether two vectors, whose terms are sorted, have
// a term in common. Units that share none are not compared: only the
// latent model could find them alike, and in a story of few sources it
// finds every sentence like every other ("a drone attack hit the region"
// and "the Kremlin says the attackers use Western weapons", a day's two
// happenings in one article). They may still meet in a group that
// others link.
func sharesTerm(v, w termVector) bool {
	for i, j := 0, 0; i < len(v.terms) && j < len(w.terms); {
		switch {
		case v.terms[i] < w.terms[j]:
			i++
		case v.terms[i] > w.terms[j]:
			j++
		default:
			return true
		}
	}
	return false
}

// rarest returns the n terms of v with the highest idf, ties broken by
// number.
func rarest(v termVector, tt *termTable, n int) []int32 {
	ts := slices.Clone(v.terms)
	slices.SortFunc(ts, func(a, b int32) int { return cmp.Or(cmp.Compare(tt.idf[b], tt.idf[a]), cmp.Compare(a, b)) })
	return ts[:min(n, len(ts))]
}

// mergeThreshold is the least similarity for two groups to merge:
// groupSimilarity for two units alone, more for larger groups.
func mergeThreshold(a, b *group) float64 {
	return groupSimilarity * (1 + sizeFactor*math.Log(float64(min(len(a.units), len(b.units)))))
}
