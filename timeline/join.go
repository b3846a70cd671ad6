package timeline

import (
	"cmp"
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
	// groups lists, for each term, the groups that use it in order of
	// date; dates are the groups' dates.
	groups map[string][]int
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
func indexByDay(clusters []*cluster) *dayIndex {
	n := len(clusters)
	idx := &dayIndex{groups: map[string][]int{}, dates: make([]timex.Date, n), seen: make([]int, n), hits: make([]int, n)}
	for ci, c := range clusters {
		if c.background() {
			continue
		}
		idx.dates[ci] = c.date()
		for t := range c.centroid { // each list gets its groups in order
			idx.groups[t] = append(idx.groups[t], ci)
		}
	}
	return idx
}

// candidatesNear returns the groups dated within [from, to] that use
// at least two of the rarest terms of terms (or the one, when terms has
// one), in order.
func (idx *dayIndex) candidatesNear(terms []string, idf map[string]float64, from, to timex.Date) []int {
	idx.query++
	var out []int
	rare := rarest(terms, idf, candidateTerms)
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

// rarest returns the n distinct terms of terms with the highest idf,
// ties broken by the term.
func rarest(terms []string, idf map[string]float64, n int) []string {
	var out []string
	for _, t := range terms {
		if slices.Contains(out, t) {
			continue
		}
		i := len(out)
		for i > 0 && cmp.Or(cmp.Compare(idf[t], idf[out[i-1]]), cmp.Compare(out[i-1], t)) > 0 {
			i--
		}
		if i < n {
			out = slices.Insert(out, i, t)
			if len(out) > n {
				out = out[:n]
			}
		}
	}
	return out
}

// mergeAcrossDays lets a group that no member dates better than by
// context or an inferred publication date join the most similar
// better-dated group of a nearby day, when they cite no source in common.
func mergeAcrossDays(clusters []*cluster, idf map[string]float64) []*cluster {
	idx := indexByDay(clusters)
	merged := make([]bool, len(clusters))
	for ci, c := range clusters {
		rank := basisRank(c.best().basis)
		if rank < basisRank(DatedInferred) || c.background() {
			continue
		}
		var terms []string
		for _, m := range c.members {
			terms = append(terms, m.terms...)
		}
		d := c.date()
		best, bestSim := -1, crossDaySimilarity
		for _, oi := range idx.candidatesNear(terms, idf, d.AddDays(-crossDayWindow), d.AddDays(crossDayWindow)) {
			o := clusters[oi]
			if oi == ci || merged[oi] || o.date() == d || basisRank(o.best().basis) >= rank || sharesSource(c, o) {
				continue
			}
			if sim := c.cosine(o); sim >= bestSim {
				best, bestSim = oi, sim
			}
		}
		if best >= 0 {
			for _, m := range c.members {
				clusters[best].add(m, idf)
			}
			merged[ci] = true
		}
	}
	var out []*cluster
	for ci, c := range clusters {
		if !merged[ci] {
			out = append(out, c)
		}
	}
	return out
}

// joinUndated lets each undated sentence join the most similar group of
// another source dated in the week before its own source's publication,
// when they share a figure or are very alike.
func joinUndated(clusters []*cluster, undated []*mention, idf map[string]float64) {
	idx := indexByDay(clusters)
	for _, m := range undated {
		pub := m.src.Published.Date
		if pub.IsZero() {
			continue
		}
		best, bestSim := -1, 0.0
		for _, ci := range idx.candidatesNear(m.terms, idf, pub.AddDays(-undatedWindow), pub) {
			c := clusters[ci]
			if c.sources[m.src] > 0 {
				continue
			}
			sim := c.similarity(m, idf)
			need := undatedAlone
			if c.sharesFigure(m) {
				need = undatedSimilarity
			}
			if sim >= need && sim > bestSim {
				best, bestSim = ci, sim
			}
		}
		if best >= 0 {
			c := clusters[best]
			b := c.best()
			matched := *m // mentions are kept between builds: change a copy
			matched.date, matched.precision, matched.partOfDay, matched.basis = b.date, b.precision, b.partOfDay, DatedMatched
			c.add(&matched, idf)
		}
	}
}

// background reports whether the group's happening is background to the
// story rather than one of its days.
func (c *cluster) background() bool { return c.best().background }

// sharesFigure reports whether the mention gives a count that a member
// of the group gives too: the same number of the same thing.
func (c *cluster) sharesFigure(m *mention) bool {
	for _, f := range m.figures {
		for _, o := range c.members {
			for _, g := range o.figures {
				if f.unit == g.unit && f.value == g.value && f.value >= 2 {
					return true
				}
			}
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
