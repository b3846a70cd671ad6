package timeline

import (
	"cmp"
	"math"
	"slices"
)

// clusterDay groups the mentions of one day: each joins the most similar
// cluster that shares a term with it, or starts a new one.
func clusterDay(ms []*mention, tt *termTable) []*cluster { return clusterDayTraced(ms, tt, nil) }

// clusterDayTraced is clusterDay recording in trace, when not nil, where
// each mention went.
func clusterDayTraced(ms []*mention, tt *termTable, trace *dayTrace) []*cluster {
	sortForDay(ms)
	d := newDayClusters(tt, trace)
	for _, m := range ms {
		ids := tt.ids[m]
		p := d.place(m, ids)
		d.join(m, ids, p)
	}
	return d.clusters
}

// sortForDay orders a day's mentions as clusterDay takes them: the
// better-dated first, for they found the clusters that context-dated
// ones join; in their order otherwise.
func sortForDay(ms []*mention) {
	slices.SortStableFunc(ms, func(a, b *mention) int { return cmp.Compare(basisRank(a.basis), basisRank(b.basis)) })
}

// Where a mention goes, besides a cluster's number.
const (
	// newGroup: it starts a cluster.
	newGroup = -1
	// leftOut: it joins none and starts none.
	leftOut = -2
)

// placement is where a mention of a day goes: the number of the cluster
// it joins, or newGroup or leftOut. sim is its similarity to the
// cluster it joins for being the most similar, and rival the most
// similar of the other clusters that it was similar enough to join;
// each math.Inf(-1) when none.
type placement struct {
	to         int
	sim, rival float64
}

// noSim stands for no similarity in a placement.
var noSim = math.Inf(-1)

// dayClusters are the clusters of a day as its mentions join them, one
// at a time.
type dayClusters struct {
	tt       *termTable
	clusters []*cluster
	// index lists by term the clusters that use it; home is the cluster
	// of each sentence placed.
	index map[int32][]int
	home  map[sentenceKey]int
	// shares are the clusters each source's sentences joined, with how
	// many: what c.sources[m.src] says, in a list of a few rather than
	// looked up in every candidate's map.
	shares  map[*Source][]sourceShare
	cands   candidateSet
	weights []float64
	// trace, when not nil, records every placement (see dayTrace).
	trace *dayTrace
}

func newDayClusters(tt *termTable, trace *dayTrace) *dayClusters {
	return &dayClusters{tt: tt, index: map[int32][]int{}, home: map[sentenceKey]int{}, shares: map[*Source][]sourceShare{}, trace: trace}
}

// place returns where m, whose terms are numbered ids, goes: to the most
// similar cluster that shares a term with it and that it is similar
// enough to join, the first of equals; else as a context-dated sentence
// may (see below); else to a new cluster.
func (d *dayClusters) place(m *mention, ids []int32) placement {
	p := d.bestOf(m, ids, d.cands.of(ids, d.index, len(d.clusters)))
	if p.to < 0 {
		return d.unmatched(m)
	}
	return p
}

// bestOf returns the most similar of the clusters numbered cands, in
// order, that m, of terms numbered ids, is similar enough to join, the
// first of equals, with the most similar of the others it could join as
// rival; to is newGroup when there is none.
func (d *dayClusters) bestOf(m *mention, ids []int32, cands []int) placement {
	p := placement{to: newGroup, sim: noSim, rival: noSim}
	v := weigh(ids, d.tt, d.weights)
	d.weights = v.weights
	shares := d.shares[m.src]
	for _, ci := range cands {
		sim, ok := d.fits(ci, v, shares)
		if !ok {
			continue
		}
		if p.to < 0 || sim > p.sim {
			p.rival = max(p.rival, p.sim)
			p.to, p.sim = ci, sim
		} else {
			p.rival = max(p.rival, sim)
		}
	}
	return p
}

// unmatched returns where m goes when it is similar enough to join no
// cluster: to a new one, unless it is dated by context. A denial dated
// by the sentence before answers that sentence's report, and joins its
// cluster; other context-dated sentences may join a report but not
// found one, unless someone speaks in them.
func (d *dayClusters) unmatched(m *mention) placement {
	p := placement{to: newGroup, sim: noSim, rival: noSim}
	if m.basis != DatedContext {
		return p
	}
	if ci, ok := d.home[sentenceKey{m.src, m.datedBy}]; ok && m.primary().stance == StanceDenial && shareOf(d.shares[m.src], ci) < maxPerSource {
		p.to = ci
	} else if len(m.attrs) == 0 {
		p.to = leftOut
	}
	return p
}

// fits returns the similarity of a mention of vector v, whose source's
// sentences joined the clusters shares, to the cluster numbered ci, and
// whether it is similar enough to join it: more so when the cluster
// cites its source already, never when it cites maxPerSource sentences
// of it.
func (d *dayClusters) fits(ci int, v termVector, shares []sourceShare) (float64, bool) {
	own := shareOf(shares, ci)
	if own >= maxPerSource {
		return 0, false
	}
	sim := d.clusters[ci].similarityTo(v)
	need := joinSimilarity
	if own > 0 {
		need = sameSourceSimilarity
	}
	return sim, sim >= need
}

// join adds m, whose terms are numbered ids, where p places it, and
// returns the number of its cluster (leftOut for none).
func (d *dayClusters) join(m *mention, ids []int32, p placement) int {
	if d.trace != nil {
		d.trace.add(m, p, d.clusters)
	}
	if p.to == leftOut {
		return leftOut
	}
	if p.to == newGroup {
		p.to = len(d.clusters)
		d.clusters = append(d.clusters, newCluster())
	}
	c := d.clusters[p.to]
	for _, t := range ids {
		if c.centroid[t] == 0 {
			d.index[t] = append(d.index[t], p.to)
		}
	}
	c.addTerms(m, ids, d.tt)
	d.shares[m.src] = addShare(d.shares[m.src], p.to)
	d.home[sentenceKey{m.src, m.sentence.N}] = p.to
	return p.to
}

// sourceShare is how many sentences of a source joined the cluster
// numbered ci.
type sourceShare struct {
	ci, n int
}

// shareOf returns how many sentences of shares' source the cluster
// numbered ci holds.
func shareOf(shares []sourceShare, ci int) int {
	for _, s := range shares {
		if s.ci == ci {
			return s.n
		}
	}
	return 0
}

// addShare counts one more sentence of shares' source in the cluster
// numbered ci.
func addShare(shares []sourceShare, ci int) []sourceShare {
	for i := range shares {
		if shares[i].ci == ci {
			shares[i].n++
			return shares
		}
	}
	return append(shares, sourceShare{ci: ci, n: 1})
}

// sentenceKey names a sentence of a source.
type sentenceKey struct {
	src *Source
	n   int
}

// candidateSet finds the clusters that share a term with a mention,
// each once: a cluster is marked with the number of the look-up that
// found it last, rather than listed once a term it shares, then sorted.
type candidateSet struct {
	seen []int
	n    int
	out  []int
}

// of returns the clusters, of the first clusters of index, that share a
// term, numbered ids, with a mention, in order. The slice is reused by
// the next call.
func (s *candidateSet) of(ids []int32, index map[int32][]int, clusters int) []int {
	s.n++
	if len(s.seen) < clusters {
		s.seen = append(s.seen, make([]int, clusters-len(s.seen))...)
	}
	out := s.out[:0]
	for _, t := range ids {
		for _, ci := range index[t] {
			if s.seen[ci] != s.n {
				s.seen[ci] = s.n
				out = append(out, ci)
			}
		}
	}
	slices.Sort(out)
	s.out = out
	return out
}
