package dating

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/parallel"
	"github.com/timeline-project/timeline/timeline/read"
	"github.com/timeline-project/timeline/timeline/timex"
)

// storyDates counts how often each day is reported across the story's
// sources, by what is known for sure: printed dates, the publication
// dates sources state, and the relative dates of those sources.
type storyDates map[timex.Date]int

// commonYear returns the year most days of the story fall in, or 0.
func (s storyDates) commonYear() int {
	years := map[int]int{}
	for d, n := range s {
		years[d.Year] += n
	}
	best, bestN := 0, 0
	for y, n := range years {
		if n > bestN || n == bestN && y > best {
			best, bestN = y, n
		}
	}
	return best
}

// dayCounts is storyDates as an array by day number, for the many
// lookups of inferring publication dates.
type dayCounts struct {
	first int32
	n     []int32
	// log1p holds math.Log1p of every count up to the largest: the
	// weight of a day, looked up rather than computed each time.
	log1p []float64
}

// byDay returns the story's counts by day number.
func (s storyDates) byDay() dayCounts {
	if len(s) == 0 {
		return dayCounts{}
	}
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
	for d := range s {
		n := DayNumber(d)
		lo, hi = min(lo, n), max(hi, n)
	}
	if hi-lo >= 1<<22 {
		// Days more than 11,000 years apart: keep to the ones near the
		// middle rather than make a vast array; the rest count 0.
		lo = max(lo, hi-(1<<22)+1)
	}
	c := dayCounts{first: int32(lo), n: make([]int32, hi-lo+1)}
	most := 0
	for d, k := range s {
		if n := DayNumber(d); n >= lo {
			c.n[n-lo] = int32(k)
			most = max(most, k)
		}
	}
	c.log1p = make([]float64, most+1)
	for k := range c.log1p {
		c.log1p[k] = math.Log1p(float64(k))
	}
	return c
}

// weight returns how much the day with number day counts for a
// publication date under which a source reports it: math.Log1p of how
// often it is reported.
func (c dayCounts) weight(day int32) float64 {
	if n := c.of(day); n > 0 {
		return c.log1p[n]
	}
	return 0
}

// of returns how often the day with number day is reported.
func (c dayCounts) of(day int32) int {
	i := int64(day) - int64(c.first)
	if i < 0 || i >= int64(len(c.n)) {
		return 0
	}
	return int(c.n[i])
}

// busiest returns up to k days of the story, most reported first.
func (s storyDates) busiest(k int) []timex.Date {
	days := make([]timex.Date, 0, len(s))
	for d := range s {
		days = append(days, d)
	}
	slices.SortFunc(days, func(a, b timex.Date) int {
		if c := cmp.Compare(s[b], s[a]); c != 0 {
			return c
		}
		return a.Compare(b)
	})
	return days[:min(k, len(days))]
}

// Publications sets the publication date of every source: from its
// front matter, else from a publication line of its text, else inferred
// from the dates it reports, else from the days the other sources of the
// story establish. today, when not zero, bounds every inferred date.
// anchors, when not nil, holds what remembers each source's anchors
// from one build to the next (see Anchors), a nil one for a source that
// has none.
func Publications(rs []*read.Reading, anchors []Anchors, today timex.Date) {
	anchorsOf := func(i int) Anchors {
		if anchors == nil {
			return nil
		}
		return anchors[i]
	}
	story := storyDates{}
	for i, r := range rs {
		r.Src.Published = r.Stated
		if d := r.Src.Published.Date; !d.IsZero() {
			story[d]++
			for _, rd := range relativeDates(r, anchorsOf(i), d) {
				story[rd.date()]++
			}
		}
		for _, e := range r.Article {
			if d, ok := e.Absolute(); ok {
				story[d]++
			}
		}
	}
	year := story.commonYear()
	if year == 0 && !today.IsZero() {
		year = today.Year
	}
	var undated []int
	for i, r := range rs {
		if r.Src.Published.Date.IsZero() {
			undated = append(undated, i)
		}
	}
	counts := story.byDay()
	parallel.ForWith(len(undated), newAnchorRoom, func(room *anchorRoom, i int) {
		r := rs[undated[i]]
		if p, ok := inferFromOwnDates(r, anchorsOf(undated[i]), counts, year, today, room); ok {
			r.Src.Published = p
		}
	})
	for _, r := range rs {
		if r.Src.Published.Basis == timeline.BasisInferred {
			for _, dt := range explicitDates(r, year) {
				story[dt.date]++
			}
		}
	}
	undated = slices.DeleteFunc(undated, func(i int) bool { return rs[i].Src.Published.Basis == timeline.BasisInferred })
	candidates, counts := story.candidates(today), story.byDay()
	parallel.ForWith(len(undated), newAnchorRoom, func(room *anchorRoom, i int) {
		r := rs[undated[i]]
		r.Src.Published = inferFromStory(r, anchorsOf(undated[i]), counts, candidates, room)
	})
}

// datedText is a date a source reports and the words that report it.
type datedText struct {
	date timex.Date
	text string
}

// explicitDates returns the days the article names by month and day,
// not as the future: with the year printed, fixed by a printed weekday
// ("Wednesday, May 24") near year, or else taken to be year. With year
// 0 (not known) only printed years count: a weekday fits a year in
// every few, and there is no year to be near.
func explicitDates(r *read.Reading, year int) []datedText {
	var out []datedText
	for _, e := range r.Article {
		if e.Tense == timex.TenseFuture {
			continue
		}
		d, ok := e.Absolute()
		if !ok && year != 0 {
			if y, byWeekday := e.YearByWeekday(year); byWeekday {
				d, ok = e.InYear(y)
			} else {
				d, ok = e.InYear(year)
			}
		}
		if ok {
			out = append(out, datedText{d, r.Src.Text[e.Start:e.End]})
		}
	}
	return out
}

// RelDay is a day that a relative expression of a source's article
// names, as a day number (see DayNumber); the expression is
// r.article[expr]. It is small: a reading remembers many.
type RelDay struct {
	Day, Expr int32
}

func (rd RelDay) date() timex.Date { return dateOfNumber(int64(rd.Day)) }

// Anchors remembers, for one source, the days its relative expressions
// name under each publication date tried: inferring a publication date
// tries up to a hundred, and while the story's days change from one
// build to the next, a source's relative days under one date never do.
// Where a source has none (nil), its days are resolved afresh.
type Anchors interface {
	// Lookup sets days[i] to the days remembered under dcts[i] and
	// returns the indexes of the dates it has none for. dcts are sorted,
	// earliest first.
	Lookup(dcts []timex.Date, days [][]RelDay) []int
	// Remember remembers days[i] under dcts[i], for each i of missing.
	Remember(dcts []timex.Date, missing []int, days [][]RelDay)
}

// relativeDates returns the days the article's relative expressions
// ("on Monday", "yesterday") name when it is published on dct, leaving
// out what is reported as the future: those anchors remembers, when it
// is not nil, else resolved.
func relativeDates(r *read.Reading, anchors Anchors, dct timex.Date) []RelDay {
	if anchors == nil {
		return resolveRelative(r, dct, nil)
	}
	dcts, days := []timex.Date{dct}, make([][]RelDay, 1)
	if missing := anchors.Lookup(dcts, days); len(missing) > 0 {
		days[0] = resolveRelative(r, dct, nil)
		anchors.Remember(dcts, missing, days)
	}
	return days[0]
}

// resolveRelative returns the days the article's relative expressions
// name when it is published on dct, as relativeDates does, without
// anchors, resolving them in *scratch's storage when scratch is not nil.
func resolveRelative(r *read.Reading, dct timex.Date, scratch *[]timex.Value) []RelDay {
	var out []RelDay
	exprs := r.Article
	var values []timex.Value
	if scratch != nil {
		values = timex.ResolveDatesTo(*scratch, exprs, dct)
		*scratch = values
	} else {
		values = timex.ResolveDates(exprs, dct)
	}
	for i, v := range values {
		if v.Relative && v.Precision == timex.PrecisionDay && exprs[i].Tense != timex.TenseFuture && !v.Date.After(dct) {
			out = append(out, RelDay{int32(DayNumber(v.Date)), int32(i)})
		}
	}
	return out
}

// inferFromOwnDates dates a source by the latest day it reports: it was
// published that day or within the week after, on the day its relative
// expressions fit the story best.
func inferFromOwnDates(r *read.Reading, anchors Anchors, story dayCounts, year int, today timex.Date, room *anchorRoom) (timeline.Published, bool) {
	dates := explicitDates(r, year)
	if len(dates) == 0 {
		return timeline.Published{}, false
	}
	latest := slices.MaxFunc(dates, func(a, b datedText) int { return a.date.Compare(b.date) })
	if !today.IsZero() && latest.date.After(today) {
		return timeline.Published{}, false
	}
	var candidates []timex.Date
	for k := range 8 {
		if d := latest.date.AddDays(k); today.IsZero() || !d.After(today) {
			candidates = append(candidates, d)
		}
	}
	best, _, matched := bestAnchor(r, anchors, story, candidates, room)
	evidence := fmt.Sprintf("no publication date printed; the latest day it reports is %s (%q)", latest.date, latest.text)
	if best != latest.date {
		evidence += fmt.Sprintf("; its %s fit the story's days best if it was published on %s", read.QuoteList(matched), best)
	}
	return timeline.Published{Date: best, Basis: timeline.BasisInferred, Evidence: evidence}, true
}

// candidates returns the publication dates to try for a source that
// prints no date: the story's twelve most reported days and the week
// after each, not after today when today is not zero, earliest first.
func (s storyDates) candidates(today timex.Date) []timex.Date {
	seen := map[timex.Date]bool{}
	var out []timex.Date
	for _, day := range s.busiest(12) {
		for k := range 8 {
			d := day.AddDays(k)
			if !seen[d] && (today.IsZero() || !d.After(today)) {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	slices.SortFunc(out, timex.Date.Compare)
	return out
}

// anchorRoom is the room bestAnchor works in, kept from one source to
// the next by each of the goroutines that date them: a story of
// thousands of sources with no printed date tries a hundred dates for
// each, at every build.
type anchorRoom struct {
	days   [][]RelDay    // the relative days under each candidate date
	values []timex.Value // resolveRelative's scratch
}

func newAnchorRoom() *anchorRoom { return new(anchorRoom) }

// inferFromStory dates a source that prints no date by its relative
// expressions: the publication day among candidates (see
// storyDates.candidates) on which they fall on the days the other
// sources report most, the earliest such day.
func inferFromStory(r *read.Reading, anchors Anchors, story dayCounts, candidates []timex.Date, room *anchorRoom) timeline.Published {
	best, score, matched := bestAnchor(r, anchors, story, candidates, room)
	if score <= 0 {
		return timeline.Published{Basis: timeline.BasisUnknown, Evidence: "no date printed, and its relative dates fit no day the other sources report"}
	}
	evidence := fmt.Sprintf("no date printed; its %s fall on days the other sources report if it was published on %s, the earliest such day",
		read.QuoteList(matched), best)
	return timeline.Published{Date: best, Basis: timeline.BasisInferred, Evidence: evidence}
}

// bestAnchor returns the candidate publication date (candidates sorted
// earliest first) under which the source's relative dates fall on the
// story's most reported days, the score, and the words that matched.
// It works in room, which it leaves holding nothing, and takes the
// days under each candidate from anchors where it has them.
func bestAnchor(r *read.Reading, anchors Anchors, story dayCounts, candidates []timex.Date, room *anchorRoom) (timex.Date, float64, []string) {
	var best timex.Date
	bestScore, bestAt := math.Inf(-1), -1
	days := slices.Grow(room.days[:0], len(candidates))[:len(candidates)]
	defer func() {
		clear(days) // the slices may be the anchors': the room keeps none
		room.days = days[:0]
	}()
	if anchors == nil {
		for ci, d := range candidates {
			days[ci] = resolveRelative(r, d, &room.values)
		}
	} else {
		missing := anchors.Lookup(candidates, days)
		for _, ci := range missing {
			days[ci] = resolveRelative(r, candidates[ci], &room.values)
		}
		anchors.Remember(candidates, missing, days)
	}
	for ci, d := range candidates {
		score := 0.0
		for _, rd := range days[ci] {
			score += story.weight(rd.Day) // 0 for a day not reported
		}
		if score > bestScore {
			best, bestScore, bestAt = d, score, ci
		}
	}
	var matched []string
	if bestAt >= 0 {
		for _, rd := range days[bestAt] {
			if story.of(rd.Day) > 0 {
				e := r.Article[rd.Expr]
				matched = append(matched, strings.TrimSpace(r.Src.Text[e.Start:e.End]))
			}
		}
	}
	return best, bestScore, matched
}
