package timeline

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

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

// datePublications sets the publication date of every source: from its
// front matter, else from a publication line of its text, else inferred
// from the dates it reports, else from the days the other sources of the
// story establish. today, when not zero, bounds every inferred date.
func datePublications(rs []*reading, today timex.Date) {
	story := storyDates{}
	for _, r := range rs {
		r.src.Published = statedPublication(r)
		if d := r.src.Published.Date; !d.IsZero() {
			story[d]++
			for _, dt := range relativeDates(r, d) {
				story[dt.date]++
			}
		}
		for _, e := range r.article {
			if d, ok := e.Absolute(); ok {
				story[d]++
			}
		}
	}
	year := story.commonYear()
	if year == 0 && !today.IsZero() {
		year = today.Year
	}
	var undated []*reading
	for _, r := range rs {
		if !r.src.Published.Date.IsZero() {
			continue
		}
		if p, ok := inferFromOwnDates(r, story, year, today); ok {
			r.src.Published = p
		} else {
			undated = append(undated, r)
		}
	}
	for _, r := range rs {
		if r.src.Published.Basis == BasisInferred {
			for _, dt := range explicitDates(r, year) {
				story[dt.date]++
			}
		}
	}
	for _, r := range undated {
		r.src.Published = inferFromStory(r, story, today)
	}
}

// statedPublication returns the publication date the source states in
// its front matter or in a publication line, or an unknown one.
func statedPublication(r *reading) Published {
	if r.meta.Published != "" {
		d, err := parseDateString(r.meta.Published)
		if err == nil {
			return Published{Date: d, Basis: BasisFrontMatter, Evidence: "published: " + r.meta.Published}
		}
		r.warn(fmt.Errorf("front matter published: %w; the date is inferred instead", err))
	}
	if d, evidence, ok := publicationLine(r); ok {
		return Published{Date: d, Basis: BasisText, Evidence: evidence}
	}
	return Published{Basis: BasisUnknown}
}

// datedText is a date a source reports and the words that report it.
type datedText struct {
	date timex.Date
	text string
}

// explicitDates returns the days the article names by month and day,
// not as the future: with the year printed, fixed by a printed weekday
// ("Wednesday, May 24"), or else taken to be year.
func explicitDates(r *reading, year int) []datedText {
	var out []datedText
	for _, e := range r.article {
		if e.Tense == timex.TenseFuture {
			continue
		}
		d, ok := e.Absolute()
		if !ok {
			if y, byWeekday := e.YearByWeekday(year); byWeekday {
				d, ok = e.InYear(y)
			} else if year != 0 {
				d, ok = e.InYear(year)
			}
		}
		if ok {
			out = append(out, datedText{d, r.src.Text[e.Start:e.End]})
		}
	}
	return out
}

// relativeDates returns the days the article's relative expressions
// ("on Monday", "yesterday") name when it is published on dct, leaving
// out what is reported as the future.
func relativeDates(r *reading, dct timex.Date) []datedText {
	var out []datedText
	exprs := r.article
	for i, v := range timex.Resolve(exprs, dct) {
		if v.Relative && v.Precision == timex.PrecisionDay && exprs[i].Tense != timex.TenseFuture && !v.Date.After(dct) {
			out = append(out, datedText{v.Date, r.src.Text[exprs[i].Start:exprs[i].End]})
		}
	}
	return out
}

// inferFromOwnDates dates a source by the latest day it reports: it was
// published that day or within the week after, on the day its relative
// expressions fit the story best.
func inferFromOwnDates(r *reading, story storyDates, year int, today timex.Date) (Published, bool) {
	dates := explicitDates(r, year)
	if len(dates) == 0 {
		return Published{}, false
	}
	latest := slices.MaxFunc(dates, func(a, b datedText) int { return a.date.Compare(b.date) })
	if !today.IsZero() && latest.date.After(today) {
		return Published{}, false
	}
	var candidates []timex.Date
	for k := range 8 {
		if d := latest.date.AddDays(k); today.IsZero() || !d.After(today) {
			candidates = append(candidates, d)
		}
	}
	best, _, matched := bestAnchor(r, story, candidates)
	evidence := fmt.Sprintf("no publication date printed; the latest day it reports is %s (%q)", latest.date, latest.text)
	if best != latest.date {
		evidence += fmt.Sprintf("; its %s fit the story's days best if it was published on %s", quoteList(matched), best)
	}
	return Published{Date: best, Basis: BasisInferred, Evidence: evidence}, true
}

// inferFromStory dates a source that prints no date by its relative
// expressions: the publication day on which they fall on the days the
// other sources report most, the earliest such day.
func inferFromStory(r *reading, story storyDates, today timex.Date) Published {
	unknown := Published{Basis: BasisUnknown, Evidence: "no date printed, and its relative dates fit no day the other sources report"}
	seen := map[timex.Date]bool{}
	var candidates []timex.Date
	for _, day := range story.busiest(12) {
		for k := range 8 {
			d := day.AddDays(k)
			if !seen[d] && (today.IsZero() || !d.After(today)) {
				seen[d] = true
				candidates = append(candidates, d)
			}
		}
	}
	slices.SortFunc(candidates, timex.Date.Compare)
	best, score, matched := bestAnchor(r, story, candidates)
	if score <= 0 {
		return unknown
	}
	return Published{Date: best, Basis: BasisInferred, Evidence: fmt.Sprintf(
		"no date printed; its %s fall on days the other sources report if it was published on %s, the earliest such day",
		quoteList(matched), best)}
}

// bestAnchor returns the candidate publication date (candidates sorted
// earliest first) under which the source's relative dates fall on the
// story's most reported days, the score, and the words that matched.
func bestAnchor(r *reading, story storyDates, candidates []timex.Date) (timex.Date, float64, []string) {
	var best timex.Date
	bestScore := math.Inf(-1)
	var bestMatched []string
	for _, d := range candidates {
		score, matched := 0.0, []string(nil)
		for _, dt := range relativeDates(r, d) {
			if n := story[dt.date]; n > 0 {
				score += math.Log1p(float64(n))
				matched = append(matched, strings.TrimSpace(dt.text))
			}
		}
		if score > bestScore {
			best, bestScore, bestMatched = d, score, matched
		}
	}
	return best, bestScore, bestMatched
}
