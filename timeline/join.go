package timeline

import (
	"cmp"
	"math"
	"slices"

	"github.com/timeline-project/timeline/timeline/timex"
)

const (
	// crossDaySimilarity is the least similarity for a group dated only
	// by context or an inferred publication date to join a better-dated
	// group of a nearby day.
	crossDaySimilarity = 0.4
	// crossDayWindow is how many days apart two such groups may be.
	crossDayWindow = 3
	// undatedSimilarity is the least similarity for an undated sentence
	// to join a group that shares a figure with it; undatedAlone the
	// least when they share none.
	undatedSimilarity = 0.3
	undatedAlone      = 0.5
	// undatedWindow is how many days before its source's publication an
	// undated sentence may report.
	undatedWindow = 7
	// candidateTerms is how many of a sentence's rarest terms find the
	// groups it is compared with.
	candidateTerms = 6
)

// dayIndex finds the groups of a span of days that use a term.
type dayIndex struct {
	// groups lists, for each term's number, the groups that use it in
	// order of date; dates are the groups' dates.
	groups [][]int
	dates  []timex.Date
	// seen marks the groups met by the current query, by query number,
	// and hits counts the query's terms each uses, so that a query needs
	// neither a map nor a sort.
	seen  []int
	hits  []int
	query int
}

// minSharedTerms is how many of a sentence's rarest terms a group must
// use to be compared with it.
const minSharedTerms = 2

// indexByDay indexes the story-day groups (not background ones) by term.
// clusters are in order of date.
// tt numbers their terms.
func indexByDay(clusters []*cluster, tt *termTable) *dayIndex {
	n := len(clusters)
	idx := &dayIndex{groups: make([][]int, len(tt.names)), dates: make([]timex.Date, n), seen: make([]int, n), hits: make([]int, n)}
	for ci, c := range clusters {
		if c.background() {
			continue
		}
		idx.dates[ci] = c.date()
		for _, t := range c.order { // each list gets its groups in order
			idx.groups[t] = append(idx.groups[t], ci)
		}
	}
	return idx
}

// candidatesNear returns the groups dated within [from, to] that use
// at least two of the terms rare, a sentence's rarest (or the one, when
// rare has one), in order.
func (idx *dayIndex) candidatesNear(rare []int32, from, to timex.Date) []int {
	idx.query++
	var out []int
	need := min(minSharedTerms, len(rare))
	for _, t := range rare {
		list := idx.groups[t]
		i, _ := slices.BinarySearchFunc(list, from, func(ci int, d timex.Date) int { return idx.dates[ci].Compare(d) })
		for ; i < len(list) && !idx.dates[list[i]].After(to); i++ {
			ci := list[i]
			if idx.seen[ci] != idx.query {
				idx.seen[ci], idx.hits[ci] = idx.query, 0
			}
			idx.hits[ci]++
			if idx.hits[ci] == need {
				out = append(out, ci)
			}
		}
	}
	slices.Sort(out)
	return out
}

// rareTerms gathers the n distinct terms with the highest idf of the
// terms it is given, ties broken by the term.
type rareTerms struct {
	n     int
	table *termTable
	terms []int32   // numbers
	idfs  []float64 // the idf of each of terms
}

func newRareTerms(n int, tt *termTable) *rareTerms {
	return &rareTerms{n: n, table: tt, terms: make([]int32, 0, n+1), idfs: make([]float64, 0, n+1)}
}

// add gives the term numbered t.
func (r *rareTerms) add(t int32) {
	if slices.Contains(r.terms, t) {
		return
	}
	w, names := r.table.idf[t], r.table.names
	i := len(r.terms)
	for i > 0 && cmp.Or(cmp.Compare(w, r.idfs[i-1]), cmp.Compare(names[r.terms[i-1]], names[t])) > 0 {
		i--
	}
	if i < r.n {
		r.terms, r.idfs = slices.Insert(r.terms, i, t), slices.Insert(r.idfs, i, w)
		if len(r.terms) > r.n {
			r.terms, r.idfs = r.terms[:r.n], r.idfs[:r.n]
		}
	}
}

// reset empties r for other terms.
func (r *rareTerms) reset() { r.terms, r.idfs = r.terms[:0], r.idfs[:0] }

// mergeAcrossDays lets a group that no member dates better than by
// context or an inferred publication date join the most similar
// better-dated group of a nearby day, when they cite no source in common.
func mergeAcrossDays(clusters []*cluster, tt *termTable) []*cluster {
	a := newAcrossDays(clusters, tt)
	for ci := range clusters {
		if a.looks(ci) {
			a.merge(ci, a.bestMatch(ci))
		}
	}
	return a.rest()
}

// acrossDays is what mergeAcrossDays needs to merge groups of nearby
// days: the groups, and which have joined another.
type acrossDays struct {
	clusters []*cluster
	tt       *termTable
	idx      *dayIndex // made when first needed
	merged   []bool
}

func newAcrossDays(clusters []*cluster, tt *termTable) *acrossDays {
	return &acrossDays{clusters: clusters, tt: tt, merged: make([]bool, len(clusters))}
}

// looks reports whether the group numbered ci looks for a better-dated
// group to join: none of its members dates it better than by context
// or an inferred publication date, and it is not background.
func (a *acrossDays) looks(ci int) bool {
	c := a.clusters[ci]
	return basisRank(c.best().basis) >= basisRank(DatedInferred) && !c.background()
}

// bestMatch returns the group that the group numbered ci joins: the
// most similar better-dated group of a nearby day that cites no source
// in common with it, when similar enough; -1 when none.
func (a *acrossDays) bestMatch(ci int) int {
	if a.idx == nil {
		a.idx = indexByDay(a.clusters, a.tt)
	}
	c, tt := a.clusters[ci], a.tt
	rank := basisRank(c.best().basis)
	// Of all the members' terms: the group's terms, each once (which
	// terms are rarest does not depend on their order).
	rare := newRareTerms(candidateTerms, tt)
	for _, t := range c.order {
		rare.add(t)
	}
	d := c.date()
	best, bestSim := -1, crossDaySimilarity
	for _, oi := range a.idx.candidatesNear(rare.terms, d.AddDays(-crossDayWindow), d.AddDays(crossDayWindow)) {
		o := a.clusters[oi]
		if oi == ci || a.merged[oi] || o.date() == d || basisRank(o.best().basis) >= rank || sharesSource(c, o) {
			continue
		}
		if sim := c.cosine(o); sim >= bestSim {
			best, bestSim = oi, sim
		}
	}
	return best
}

// merge adds the members of the group numbered ci to the group numbered
// best; nothing when best is -1.
func (a *acrossDays) merge(ci, best int) {
	if best < 0 {
		return
	}
	a.clusters[best] = a.clusters[best].own()
	for _, m := range a.clusters[ci].members {
		a.clusters[best].add(m, a.tt)
	}
	a.merged[ci] = true
}

// rest returns the groups that joined none, in order.
func (a *acrossDays) rest() []*cluster {
	var out []*cluster
	for ci, c := range a.clusters {
		if !a.merged[ci] {
			out = append(out, c)
		}
	}
	return out
}

// joinUndated lets each undated sentence join the most similar group of
// another source dated in the week before its own source's publication,
// when they share a figure or are very alike. It joins a copy of the
// sentence dated as the group; copies, when not nil, keeps the copies
// by sentence for later builds, which take them again when dated the
// same, so that the same sentences give the same copies.
func joinUndated(clusters []*cluster, undated []*mention, tt *termTable, copies map[*mention]*mention) {
	u := newUndatedJoin(clusters, tt, copies)
	for _, m := range undated {
		if !m.src.Published.Date.IsZero() {
			best, _ := u.bestGroup(m)
			u.join(m, best)
		}
	}
}

// undatedJoin is what joinUndated needs to place undated sentences.
type undatedJoin struct {
	clusters []*cluster
	tt       *termTable
	copies   map[*mention]*mention
	idx      *dayIndex
	rare     *rareTerms
	weights  []float64
}

func newUndatedJoin(clusters []*cluster, tt *termTable, copies map[*mention]*mention) *undatedJoin {
	return &undatedJoin{clusters: clusters, tt: tt, copies: copies, idx: indexByDay(clusters, tt), rare: newRareTerms(candidateTerms, tt)}
}

// bestGroup returns the group an undated sentence of a dated source
// joins: the most similar of another source dated in the week before
// the publication, when similar enough; -1 when none. It returns the
// similarity too, and leaves the sentence's rarest terms in u.rare.
func (u *undatedJoin) bestGroup(m *mention) (int, float64) {
	pub := m.src.Published.Date
	v := u.vector(m)
	u.rare.reset()
	for _, t := range v.terms {
		u.rare.add(t)
	}
	best, bestSim := -1, 0.0
	for _, ci := range u.idx.candidatesNear(u.rare.terms, pub.AddDays(-undatedWindow), pub) {
		if sim, need := u.fit(ci, m, v); sim >= need && sim > bestSim {
			best, bestSim = ci, sim
		}
	}
	return best, bestSim
}

// vector returns the term vector of m, in u's buffer.
func (u *undatedJoin) vector(m *mention) termVector {
	v := weigh(u.tt.ids[m], u.tt, u.weights)
	u.weights = v.weights
	return v
}

// fit returns how similar an undated sentence m, of vector v, is to the
// group numbered ci, and the least similarity it needs to join it:
// less when they share a figure, more than any when the group cites
// its source.
func (u *undatedJoin) fit(ci int, m *mention, v termVector) (sim, need float64) {
	c := u.clusters[ci]
	if c.sources[m.src] > 0 {
		return 0, math.Inf(1)
	}
	need = undatedAlone
	if c.sharesFigure(m) {
		need = undatedSimilarity
	}
	return c.similarityTo(v), need
}

// join adds a copy of m, dated as the group, to the group numbered ci;
// nothing when ci is -1.
func (u *undatedJoin) join(m *mention, ci int) {
	if ci < 0 {
		return
	}
	c := u.clusters[ci].own()
	u.clusters[ci] = c
	c.add(matchedCopy(m, c.best(), u.tt, u.copies), u.tt)
}

// matchedCopy returns a copy of an undated mention dated as b: the one
// copies keeps when it is dated so, else a new one, kept there.
// Mentions are kept between builds: only copies change.
func matchedCopy(m, b *mention, tt *termTable, copies map[*mention]*mention) *mention {
	if cp := copies[m]; cp != nil && cp.date == b.date && cp.precision == b.precision && cp.partOfDay == b.partOfDay {
		return cp
	}
	matched := *m
	matched.date, matched.precision, matched.partOfDay, matched.basis = b.date, b.precision, b.partOfDay, DatedMatched
	tt.ids[&matched] = tt.ids[m]
	if copies != nil {
		if old := copies[m]; old != nil {
			delete(tt.ids, old)
		}
		copies[m] = &matched
	}
	return &matched
}

// background reports whether the group's happening is background to the
// story rather than one of its days.
func (c *cluster) background() bool { return c.best().background }

// sharesFigure reports whether the mention gives a count that a member
// of the group gives too: the same number of the same thing.
func (c *cluster) sharesFigure(m *mention) bool {
	for _, f := range m.figures {
		if f.value >= 2 && c.figures[figureKey{f.unit, f.value}] {
			return true
		}
	}
	return false
}

// cosine returns the cosine similarity of two groups' centroids.
func (c *cluster) cosine(o *cluster) float64 {
	small, large := c, o
	if len(small.order) > len(large.order) {
		small, large = large, small
	}
	dot := 0.0
	for _, t := range small.order {
		dot += small.centroid[t] * large.centroid[t]
	}
	if dot == 0 {
		return 0
	}
	return dot / (c.norm * o.norm)
}

// sharesSource reports whether two groups cite a source in common.
func sharesSource(a, b *cluster) bool {
	for s := range a.sources {
		if b.sources[s] > 0 {
			return true
		}
	}
	return false
}
