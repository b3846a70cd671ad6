package merge

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/parallel"
	"github.com/timeline-project/timeline/timeline/timex"
)

const (
	// maxPerSource is the most sentences of one source an event cites.
	maxPerSource = 4
	// undatedSimilarity is the least similarity of an undated sentence
	// to a happening for it to join when they share a figure;
	// undatedAlone the least when they share none.
	undatedSimilarity = 0.3
	undatedAlone      = 0.5
	// undatedWindow is how many days before its source's publication an
	// undated sentence may report.
	undatedWindow = 7
)

// happening is a group of mentions taken for one thing that happened,
// with its date.
type happening struct {
	members []*Mention
	date    timex.Date
	prec    timex.Precision
	// best is the member whose date the happening takes.
	best *Mention
	// sum is the sum of its units' vectors; norm its norm.
	sum  termVector
	norm float64
	// sources are the sources its members come from; figures the counts
	// of two or more they give.
	sources map[*timeline.Source]bool
	figures map[figureKey]bool
}

// figureKey is a count of a thing: what sharesFigure compares.
type figureKey struct {
	unit  string
	value int
}

// Events merges mentions into the chronology's events, sorted and
// with their IDs.
func Events(ms []*Mention) []timeline.Event {
	names := nameSpeakers(ms)
	units, undated := unitsOf(ms, names)
	tt := newTermTable(ms)
	lm := newLatentModel(blockDocs(ms, tt), tt.names)
	parallel.For(len(units), func(i int) {
		u := units[i]
		u.vec = tt.vectorOf(u.ms)
		if lm != nil {
			u.latent = lm.embed(u.vec)
		}
	})
	groups, talk := withoutTalk(clusterUnits(units, tt))
	undated = append(undated, talk...)
	hs := make([]*happening, len(groups))
	for i, g := range groups {
		hs[i] = happeningOf(g)
	}
	slices.SortStableFunc(hs, func(a, b *happening) int {
		return cmp.Or(cmp.Compare(a.prec, b.prec), a.date.Compare(b.date))
	})
	attachUndated(hs, undated, tt)
	var events []timeline.Event
	if len(hs) > 0 {
		events = make([]timeline.Event, len(hs))
	}
	parallel.For(len(hs), func(i int) { events[i] = eventOf(hs[i], tt, names) })
	sortEvents(events)
	eventIDs(events)
	rankEvents(events)
	return events
}

// withoutTalk returns the groups but those whose every sentence, but
// headlines, is someone's own words without quotation marks (a
// transcript's talk, a column's "I think"), and the mentions of those:
// such words found no happening, but join one a report founds, in a
// group, or as undated sentences do.
func withoutTalk(groups []*group) (kept []*group, talk []*Mention) {
	kept = groups[:0]
	for _, g := range groups {
		if slices.ContainsFunc(g.units, func(u *unit) bool {
			return slices.ContainsFunc(u.ms, func(m *Mention) bool { return m.Role == roleHeadline || !ownWords(m.Text()) })
		}) {
			kept = append(kept, g)
			continue
		}
		for _, u := range g.units {
			for _, m := range u.ms {
				c := *m
				c.Date, c.Precision, c.Basis = timex.Date{}, timex.PrecisionNone, ""
				talk = append(talk, &c)
			}
		}
	}
	return kept, talk
}

// basisRank orders date bases from the best founded (0) to the least.
func basisRank(b timeline.DateBasis) int {
	switch b {
	case timeline.DatedExplicit:
		return 0
	case timeline.DatedRelative:
		return 1
	case timeline.DatedInferred:
		return 2
	case timeline.DatedContext:
		return 3
	case timeline.DatedReported:
		return 4
	}
	return 5
}

// happeningOf returns the happening of a group: its members, and the
// date its best-dated members give most often (the earliest of equals);
// a group of headlines and leads alone takes the first day of
// publication among them.
func happeningOf(g *group) *happening {
	h := &happening{prec: g.prec, sum: g.sum, norm: g.norm, sources: map[*timeline.Source]bool{}, figures: map[figureKey]bool{}}
	for _, u := range g.units {
		h.members = append(h.members, u.ms...)
		for _, m := range u.ms {
			h.sources[m.Src] = true
			for _, f := range m.Figures {
				if f.Value >= 2 {
					h.figures[figureKey{f.Unit, f.Value}] = true
				}
			}
		}
	}
	slices.SortFunc(h.members, func(a, b *Mention) int {
		return cmp.Or(cmp.Compare(a.Src.ID, b.Src.ID), cmp.Compare(a.Sentence.N, b.Sentence.N))
	})
	bestRank := 5
	for _, m := range h.members {
		bestRank = min(bestRank, basisRank(m.Basis))
	}
	votes := map[timex.Date]int{}
	for _, m := range h.members {
		if basisRank(m.Basis) == bestRank {
			votes[m.Date]++
		}
	}
	reported := bestRank == basisRank(timeline.DatedReported)
	for _, m := range h.members {
		if basisRank(m.Basis) != bestRank {
			continue
		}
		// the date most give, the earliest of equals; reports date a
		// happening by the first publication
		b := h.best
		if b == nil || !reported && votes[m.Date] != votes[b.Date] && votes[m.Date] > votes[b.Date] ||
			(reported || votes[m.Date] == votes[b.Date]) && m.Date.Before(b.Date) {
			h.best = m
		}
	}
	h.date = h.best.Date
	return h
}

// similarityTo is the cosine of v, of norm 1, and the happening's
// centroid.
func (h *happening) similarityTo(v termVector) float64 {
	if h.norm == 0 {
		return 0
	}
	return v.dot(h.sum) / h.norm
}

// cites reports whether the happening cites a sentence of src.
func (h *happening) cites(src *timeline.Source) bool { return h.sources[src] }

// attachUndated lets each undated sentence of a source with a
// publication date join the happening it is most similar to among those
// of other sources dated in the week before the publication, when
// similar enough: less so when they share a figure. It joins as a copy
// dated as the happening (DatedMatched).
func attachUndated(hs []*happening, undated []*Mention, tt *termTable) {
	index := dayTermIndex(hs)
	firsts := firstCopies(undated)
	joins := make([]int, len(undated))
	parallel.ForWith(len(undated), func() []int { return make([]int, len(hs)) }, func(seen []int, k int) {
		joins[k] = -1
		if firsts[k] != k {
			return
		}
		m := undated[k]
		pub := m.Src.Published.Date
		if pub.IsZero() {
			return
		}
		v := tt.vectorOf([]*Mention{m})
		plain := tt.vectorOfTerms(slices.DeleteFunc(slices.Clone(m.Terms), smallNumber))
		from, to := pub.AddDays(-undatedWindow), pub
		best, bestSim := -1, 0.0
		for _, t := range rarest(v, tt, candidateTerms) {
			list := index[t]
			j, _ := slices.BinarySearchFunc(list, from, func(i int, d timex.Date) int { return hs[i].date.Compare(d) })
			for ; j < len(list) && !hs[list[j]].date.After(to); j++ {
				i := list[j]
				h := hs[i]
				if seen[i] == k+1 {
					continue
				}
				seen[i] = k + 1
				// a number alike is a figure alike only with what it counts
				need, by := undatedAlone, plain
				if sharesFigure(h, m) {
					need, by = undatedSimilarity, v
				}
				if sim := h.similarityTo(by); sim >= need && (sim > bestSim || sim == bestSim && i < best) && !h.cites(m.Src) {
					best, bestSim = i, sim
				}
			}
		}
		joins[k] = best
	})
	for k := range undated {
		i := joins[firsts[k]]
		if i >= 0 && (firsts[k] == k || !hs[i].cites(undated[k].Src)) {
			c := *undated[k]
			c.Date, c.Precision, c.Basis = hs[i].date, timex.PrecisionDay, timeline.DatedMatched
			hs[i].members = append(hs[i].members, &c)
			hs[i].sources[c.Src] = true
		}
	}
}

// dayTermIndex lists, by term, the happenings of days of hs (which are
// in order of date) that use it, in order of date.
func dayTermIndex(hs []*happening) map[int32][]int {
	index := map[int32][]int{}
	for i, h := range hs {
		if h.prec != timex.PrecisionDay {
			continue
		}
		for _, t := range h.sum.terms {
			index[t] = append(index[t], i)
		}
	}
	return index
}

// firstCopies returns, for each mention of undated, the index of the
// first mention with its words published the same day: copies of one
// sentence go where the first goes, unless it cites their source.
func firstCopies(undated []*Mention) []int {
	firsts := make([]int, len(undated))
	byText := map[string]int{}
	for k, m := range undated {
		key := m.Src.Published.Date.String() + "\x00" + strings.Join(m.Terms, "\x00")
		f, ok := byText[key]
		if !ok {
			f = k
			byText[key] = k
		}
		firsts[k] = f
	}
	return firsts
}

// sharesFigure reports whether m gives a count of two or more that a
// member of h gives too.
func sharesFigure(h *happening, m *Mention) bool {
	for _, f := range m.Figures {
		if f.Value >= 2 && h.figures[figureKey{f.Unit, f.Value}] {
			return true
		}
	}
	return false
}

// blockDocs returns a term vector for each article block of the
// mentions' sources, of the terms of its mentions: what the story's
// latent model learns from. ms are sorted by source and sentence.
func blockDocs(ms []*Mention, tt *termTable) []termVector {
	var out []termVector
	var block []*Mention
	flush := func() {
		if len(block) > 0 {
			out = append(out, tt.vectorOf(block))
			block = block[:0]
		}
	}
	for i, m := range ms {
		if i > 0 && (m.Src != ms[i-1].Src || m.Sentence.Block != ms[i-1].Sentence.Block) {
			flush()
		}
		block = append(block, m)
	}
	flush()
	return out
}

// smallNumber reports whether term t is a number below 100: "30" of
// "30 years" and of "30 wounded" says nothing alike, where "1,000
// killed" and "the death toll topped 1,000" may.
func smallNumber(t string) bool {
	n, err := strconv.Atoi(t)
	return err == nil && n < 100
}
