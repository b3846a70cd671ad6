package build

import (
	"cmp"
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/read"
	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/words"
)

// SourceCheck is what a build understood of one source and what it did
// not: what a user wants to know after adding a source.
type SourceCheck struct {
	File string
	ID   string
	// Published is the source's publication date and how it was known.
	Published timeline.Published
	// Sentences counts the article's sentences (page furniture left out).
	Sentences int
	// Dated counts the sentences that report something on a date.
	Dated int
	// Events counts the chronology's events that cite the source.
	Events int
	// Unresolved are the article's dates and times that could not be
	// placed on the calendar ("on Monday" in a source with no
	// publication date), as written.
	Unresolved []string
	// Problems are what was not understood; the source is still used.
	Problems []error
}

// Checks returns what the build understood of each source, sorted by
// file name.
func (a *Assembly) Checks() []SourceCheck {
	if a.Timeline == nil {
		return nil
	}
	events := map[string]int{}
	for _, e := range a.Timeline.Events {
		var cited []string
		for _, c := range e.Citations {
			if !slices.Contains(cited, c.Source) {
				cited = append(cited, c.Source)
				events[c.Source]++
			}
		}
	}
	out := make([]SourceCheck, len(a.rs))
	for i, r := range a.rs {
		c := SourceCheck{File: r.Src.File, ID: r.Src.ID, Published: r.Src.Published,
			Events: events[r.Src.ID], Problems: r.Problems}
		for _, s := range r.Src.Sentences {
			if s.N > 0 {
				c.Sentences++
			}
		}
		for _, m := range a.mentions[i] {
			if !m.Date.IsZero() {
				c.Dated++
			}
		}
		c.Unresolved = unresolved(r)
		out[i] = c
	}
	slices.SortFunc(out, func(x, y SourceCheck) int { return cmp.Compare(x.File, y.File) })
	return out
}

// unresolved returns the dates and times of the article that its
// publication date does not place on the calendar.
func unresolved(r *read.Reading) []string {
	var out []string
	for i, v := range timex.Resolve(r.Article, r.Src.Published.Date) {
		e := r.Article[i]
		if (e.Type == timex.TypeDate || e.Type == timex.TypeTime) && strings.Contains(v.TIMEX3, "X") {
			out = append(out, words.CollapseSpace(r.Src.Text[e.Start:e.End]))
		}
	}
	return out
}
