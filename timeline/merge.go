package timeline

import (
	"cmp"
	"maps"
	"math"
	"slices"

	"github.com/timeline-project/timeline/timeline/timex"
)

// Merging: mentions of one happening in several sources become one event.
// Mentions are compared only within their day (blocking by date), and
// within a day only with the clusters that share a term with them (an
// inverted index), so the work grows with the number of mentions, not
// with its square.

const (
	// joinSimilarity is the least cosine similarity between a mention and
	// a cluster's centroid for the mention to join it.
	joinSimilarity = 0.22
	// sameSourceSimilarity is the least similarity for a mention to join a
	// cluster that already cites its source: two sentences of one article
	// on one day usually report different things.
	sameSourceSimilarity = 0.5
	// maxPerSource is the most sentences of one source an event cites.
	maxPerSource = 4
	// numberWeight multiplies the weight of a number of two or more
	// digits: two reports that give the same figure most likely report
	// the same thing (single digits are too common to tell).
	numberWeight = 3
)

// cluster is a group of mentions taken for one happening.
type cluster struct {
	members []*mention
	// centroid is the sum of the members' term vectors, by term number.
	centroid map[int32]float64
	// order lists the centroid's terms as they came, so that sums over
	// them run in one order and give the same bits every build.
	order   []int32
	normSq  float64
	norm    float64
	sources map[*Source]int
	// shared is true for a cluster a MergeMemo keeps for later builds:
	// whoever changes it changes a copy (see own).
	shared bool
	// first is the member with the best-founded date, the first of
	// equals; figures the members' counts of two or more, nil when none.
	first   *mention
	figures map[figureKey]bool
}

// figureKey is a count of a thing: what sharesFigure compares.
type figureKey struct {
	unit  string
	value int
}

// own returns c to change: c itself, or a copy when c is shared.
func (c *cluster) own() *cluster {
	if !c.shared {
		return c
	}
	return &cluster{members: slices.Clone(c.members), centroid: maps.Clone(c.centroid), order: slices.Clone(c.order),
		normSq: c.normSq, norm: c.norm, sources: maps.Clone(c.sources), first: c.first, figures: maps.Clone(c.figures)}
}

// date returns the cluster's date: that of its best-dated member.
func (c *cluster) date() timex.Date { return c.best().date }

// best returns the member with the best-founded date, the first of equals.
func (c *cluster) best() *mention { return c.first }

// basisRank orders date bases from the best founded (0) to the least.
func basisRank(b DateBasis) int {
	switch b {
	case DatedExplicit:
		return 0
	case DatedRelative:
		return 1
	case DatedInferred:
		return 2
	case DatedContext:
		return 3
	}
	return 4
}

func newCluster() *cluster {
	return &cluster{centroid: map[int32]float64{}, sources: map[*Source]int{}}
}

func (c *cluster) add(m *mention, tt *termTable) { c.addTerms(m, tt.ids[m], tt) }

// addTerms adds m, whose terms are numbered ids, to c.
func (c *cluster) addTerms(m *mention, ids []int32, tt *termTable) {
	c.members = append(c.members, m)
	c.sources[m.src]++
	if c.first == nil || basisRank(m.basis) < basisRank(c.first.basis) {
		c.first = m
	}
	for _, f := range m.figures {
		if f.value >= 2 {
			if c.figures == nil {
				c.figures = map[figureKey]bool{}
			}
			c.figures[figureKey{f.unit, f.value}] = true
		}
	}
	for _, t := range ids {
		old, ok := c.centroid[t]
		if !ok {
			c.order = append(c.order, t)
		}
		w := old + tt.idf[t]
		c.centroid[t] = w
		c.normSq += w*w - old*old // in the members' order: the same sources give the same sums
	}
	c.norm = math.Sqrt(c.normSq)
}

// termVector is a mention's terms weighted by idf, and the vector's norm.
type termVector struct {
	terms   []int32
	weights []float64
	norm    float64
}

// weigh returns the vector of the terms numbered terms, its weights
// appended to buf.
func weigh(terms []int32, tt *termTable, buf []float64) termVector {
	v := termVector{terms: terms, weights: buf[:0]}
	sq := 0.0
	for _, t := range terms {
		w := tt.idf[t]
		v.weights = append(v.weights, w)
		sq += w * w
	}
	v.norm = math.Sqrt(sq)
	return v
}

// similarityTo is the cosine between a mention's term vector and the
// cluster's centroid.
func (c *cluster) similarityTo(v termVector) float64 {
	dot := 0.0
	for i, t := range v.terms {
		dot += v.weights[i] * c.centroid[t]
	}
	if dot == 0 || c.norm == 0 {
		return 0
	}
	return dot / (v.norm * c.norm)
}

// termTable numbers the terms of a story's mentions and weighs each by
// how rare it is among them, its inverse document frequency: terms every
// source uses ("Russian") say little.
type termTable struct {
	// names and idf are each term's, by number.
	names []string
	idf   []float64
	// ids are the numbers of each mention's terms. They are kept here,
	// not on the mentions, which builds share.
	ids map[*mention][]int32
}

// numberTerms numbers the terms of every mention and returns the table
// of the terms.
func numberTerms(ms []*mention) *termTable {
	tt := &termTable{ids: make(map[*mention][]int32, len(ms))}
	numbers := map[string]int32{}
	var df []int
	total := 0
	for _, m := range ms {
		total += len(m.terms)
	}
	ids := make([]int32, 0, total)
	for _, m := range ms {
		for _, t := range m.terms {
			id, ok := numbers[t]
			if !ok {
				id = int32(len(tt.names))
				numbers[t] = id
				tt.names = append(tt.names, t)
				df = append(df, 0)
			}
			df[id]++
			ids = append(ids, id)
		}
		tt.ids[m] = ids[len(ids)-len(m.terms) : len(ids) : len(ids)]
	}
	tt.idf = make([]float64, len(df))
	for id, k := range df {
		tt.idf[id] = termWeight(tt.names[id], len(ms), k)
	}
	return tt
}

// gridSteps is how many steps of the grid that counts are rounded to
// make a doubling: weights change only where a count crosses a step.
const gridSteps = 4

// onGrid rounds a count down to the geometric grid of gridSteps steps
// per doubling, so that a story growing by a source changes the weights
// of only the few terms whose counts cross a step.
func onGrid(n int) float64 {
	if n <= 1 {
		return float64(n)
	}
	return math.Exp2(math.Floor(math.Log2(float64(n))*gridSteps) / gridSteps)
}

// termWeight is the idf of a term that df of n mentions use, both
// rounded to the grid: terms every source uses ("Russian") say little.
// Numbers of two or more digits weigh numberWeight times more.
func termWeight(term string, n, df int) float64 {
	w := math.Log(1 + onGrid(n)/onGrid(df))
	if isNumber(term) && len(term) >= 2 {
		w *= numberWeight
	}
	return w
}

// clusterMentions groups the mentions into happenings. ms must be sorted
// by source ID and sentence number; the result is deterministic. Dated
// mentions are grouped within their date; then a group dated only by
// context or an inferred publication date joins a better-dated group of
// a nearby day that reports the same; then undated mentions join the
// group of another source that reports the same facts.
func clusterMentions(ms []*mention, tt *termTable) []*cluster {
	days, byDay, undated := byDays(ms)
	perDay := make([][]*cluster, len(days))
	eachIndex(len(days), func(i int) { perDay[i] = clusterDay(byDay[days[i]], tt) })
	out := slices.Concat(perDay...)
	out = mergeAcrossDays(out, tt)
	joinUndated(out, undated, tt, nil)
	return out
}

// dayKey is the date and precision of a day's mentions.
type dayKey struct {
	date      timex.Date
	precision timex.Precision
}

// byDays returns the days of the dated mentions in order, the mentions
// of each in the order of ms, and the undated mentions in that order.
func byDays(ms []*mention) ([]dayKey, map[dayKey][]*mention, []*mention) {
	byDay := map[dayKey][]*mention{}
	var days []dayKey
	var undated []*mention
	for _, m := range ms {
		if m.undated() {
			undated = append(undated, m)
			continue
		}
		k := dayKey{m.date, m.precision}
		if byDay[k] == nil {
			days = append(days, k)
		}
		byDay[k] = append(byDay[k], m)
	}
	slices.SortFunc(days, func(a, b dayKey) int {
		return cmp.Or(a.date.Compare(b.date), cmp.Compare(a.precision, b.precision))
	})
	return days, byDay, undated
}

// central returns the member most similar to the cluster as a whole:
// the mention that best says what the event is.
func (c *cluster) central(tt *termTable) *mention {
	best, bestSim := c.members[0], -1.0
	ownDate := basisRank(c.best().basis) <= basisRank(DatedInferred)
	var weights []float64
	for _, m := range c.members {
		if ownDate && basisRank(m.basis) > basisRank(DatedInferred) {
			continue // a sentence with its own date says best what happened that day
		}
		v := weigh(tt.ids[m], tt, weights)
		weights = v.weights
		if sim := c.similarityTo(v); sim > bestSim+1e-9 {
			best, bestSim = m, sim
		}
	}
	return best
}

// sourceCount returns how many sources an event cites.
func (e *Event) sourceCount() int {
	seen := map[string]bool{}
	for _, c := range e.Citations {
		seen[c.Source] = true
	}
	return len(seen)
}

// sortEvents orders events by date, then by how many sources cite them
// (most first), then by ID.
func sortEvents(events []Event) {
	type ranked struct {
		event   Event
		date    string
		sources int
	}
	rs := make([]ranked, len(events))
	for i, e := range events {
		rs[i] = ranked{e, e.DateString(), e.sourceCount()}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(b.sources, a.sources), cmp.Compare(a.event.ID, b.event.ID))
	})
	for i, r := range rs {
		events[i] = r.event
	}
}
