package merge

import (
	"cmp"
	"fmt"
	"github.com/timeline-project/timeline/timeline/claim"
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/dating"
	"github.com/timeline-project/timeline/timeline/timex"
)

// Happenings: the reports of one thing that happened, across sources,
// become one event. What is grouped is a unit: a sentence that names its
// date, or a source's headline with the lead sentences that name none.
// Each unit can report a happening of a span of days: a dated sentence
// the day it names, a lead the days just before its source was
// published. Units are grouped by agglomerative clustering (see
// clusterUnits): the two most alike groups whose spans of days meet
// merge, again and again, while they are alike enough; a group's span
// is where its members' spans meet.

// leadDays is how many days before its publication a source's headline
// and lead may report: news is published the day it happens or in the
// days just after.
const leadDays = 2

// unit is what clustering places: one or more mentions of one source
// that report one happening.
type unit struct {
	ms  []*Mention
	src *timeline.Source
	// prec is the precision of the unit's dates: day for the story's
	// days, month or year for background.
	prec timex.Precision
	// lo and hi bound the days (by dating.DayNumber) the unit may report.
	lo, hi int
	// rank is the best basis rank of its mentions (basisRank).
	rank int
	// speaker is the name of who speaks in its first mention; "" when
	// its source reports in its own voice, or no one in particular
	// speaks ("residents said").
	speaker string
	// vec is the unit's terms weighed, of norm 1; latent its coordinates
	// in the story's latent model, of norm 1, nil when there is none.
	vec    termVector
	latent []float64
}

// dayOf numbers a date's day: days since 1970-01-01.
func dayOf(d timex.Date) int { return int(dating.DayNumber(d)) }

// unitsOf makes the units of the dated mentions, in a deterministic
// order: by precision, then by first day, then by source and sentence.
// A source's headline and lead are one unit: the news it opens with,
// dated by the first lead sentence that names a recent day, else by the
// days just before its publication. A sentence dated by the one before
// it continues its unit, unless someone else speaks in it. Undated
// mentions make no unit: they are returned apart. names are the
// speakers' names.
func unitsOf(ms []*Mention, names canonicalNames) (units []*unit, undated []*Mention) {
	leads := map[*timeline.Source]*unit{}
	anchored := map[*timeline.Source]bool{}
	bySentence := map[sentenceKey]*unit{}
	for _, m := range ms {
		speaker := names.of(m.primary())
		if claim.GenericSpeaker(speaker) {
			speaker = ""
		}
		key := sentenceKey{m.Src, m.Sentence.N}
		switch {
		case m.undated():
			undated = append(undated, m)
			continue
		case m.Basis == timeline.DatedContext:
			// a denial dated by the sentence before answers it
			if u := bySentence[sentenceKey{m.Src, m.DatedBy}]; u != nil && (speaker == "" || speaker == u.speaker || m.primary().Stance == timeline.StanceDenial) {
				u.ms = append(u.ms, m)
				bySentence[key] = u
				continue
			}
		case m.Basis == timeline.DatedReported, m.Role != roleBody && !anchored[m.Src] && datesLead(m):
			u := leads[m.Src]
			if u == nil {
				u = &unit{src: m.Src, prec: timex.PrecisionDay, rank: basisRank(""), speaker: speaker}
				leads[m.Src] = u
				units = append(units, u)
			}
			u.ms = append(u.ms, m)
			bySentence[key] = u
			if d := dayOf(m.Date); m.Basis != timeline.DatedReported {
				anchored[m.Src] = true
				u.lo, u.hi, u.rank = d, d, basisRank(m.Basis)
			} else if !anchored[m.Src] {
				u.lo, u.hi, u.rank = d-leadDays, d, basisRank(m.Basis)
			}
			continue
		}
		prec := eventPrecision(m.Precision)
		d := dayOf(m.Date)
		if prec != timex.PrecisionDay {
			d = dayOf(timex.NewDate(m.Date.Year, m.Date.Month, 1))
			if prec == timex.PrecisionYear {
				d = dayOf(timex.NewDate(m.Date.Year, 1, 1))
			}
		}
		u := &unit{ms: []*Mention{m}, src: m.Src, prec: prec, lo: d, hi: d, rank: basisRank(m.Basis), speaker: speaker}
		bySentence[key] = u
		units = append(units, u)
	}
	slices.SortStableFunc(units, func(a, b *unit) int {
		return cmp.Or(cmp.Compare(a.prec, b.prec), cmp.Compare(a.lo, b.lo), cmp.Compare(a.hi, b.hi),
			cmp.Compare(a.src.ID, b.src.ID), cmp.Compare(a.ms[0].Sentence.N, b.ms[0].Sentence.N))
	})
	return mergeCopies(units), undated
}

// leadNewsDays is how many days before its publication a lead sentence's
// date may be for it to date the lead's news.
const leadNewsDays = 7

// datesLead reports whether a lead sentence names the recent day that
// dates its source's news: a day of its own, within leadNewsDays of the
// publication.
func datesLead(m *Mention) bool {
	if m.Precision != timex.PrecisionDay || m.Background || basisRank(m.Basis) > basisRank(timeline.DatedInferred) {
		return false
	}
	pub := m.Src.Published.Date
	return pub.IsZero() || !m.Date.AddDays(leadNewsDays).Before(pub)
}

// mergeCopies makes one unit of the units that say the same words of the
// same days, in the same voice: copies of one text (a wire story, a page
// saved twice). They report one happening, and are compared once. units
// are sorted; so is the result.
func mergeCopies(units []*unit) []*unit {
	first := make(map[string]*unit, len(units))
	out := units[:0]
	var b strings.Builder
	var terms []string
	for _, u := range units {
		terms = terms[:0]
		for _, m := range u.ms {
			terms = append(terms, m.Terms...)
		}
		slices.Sort(terms)
		b.Reset()
		fmt.Fprintf(&b, "%d|%d|%d|%s", u.prec, u.lo, u.hi, u.speaker)
		for _, t := range terms {
			b.WriteByte(0)
			b.WriteString(t)
		}
		if c := first[b.String()]; c != nil && len(terms) > 0 {
			c.ms = append(c.ms, u.ms...)
			c.rank = min(c.rank, u.rank)
			continue
		}
		first[b.String()] = u
		out = append(out, u)
	}
	return out
}

// sentenceKey names a sentence of a source.
type sentenceKey struct {
	src *timeline.Source
	n   int
}

// meets reports whether two spans of days have a day in common.
func meets(alo, ahi, blo, bhi int) bool { return alo <= bhi && blo <= ahi }
