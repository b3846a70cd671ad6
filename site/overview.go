package site

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/timeline-project/timeline/timeline"
)

// The overview at the top of index.html: the story's key happenings,
// the top of the story-wide rank that "Happenings" gives its entries
// (see timeline.Event.Rank), and a chart of its course, drawn here as
// inline SVG (see chart.go).

// keyMin and keyMax bound how many key happenings the overview shows.
const (
	keyMin = 10
	keyMax = 20
)

// overview is what the overview of index.html shows.
type overview struct {
	Key   []keyHappening
	Chart *chartView
}

// keyHappening is one of the story's key happenings.
type keyHappening struct {
	Href     string // its entry
	DayHref  string // its day's section
	DateTime string
	Date     string // "Mon 22 May"
	Title    string
	Outlets  string // "Reported by 4 outlets"
	// Names are the first of their names: "CNN, BBC News, Reuters and
	// others", "" for none; Among what comes between: ":", or ", among
	// them" where the sources name fewer outlets than report it.
	Names string
	Among string
}

// keyCandidate is an entry that may be a key happening: its day, its
// rank among the story's entries and how many outlets report it.
type keyCandidate struct {
	day     string
	rank    int
	outlets int
}

// chooseKeys returns the indices of the key happenings among cands, in
// the order of cands. They are taken by rank, the most reported first,
// as many as the story has days but at least keyMin and at most keyMax,
// no two on one day unless both are among the highest ranked (the first
// quarter of those to take), and none reported by fewer than an eighth
// of the outlets of the most reported. A story of fewer days than
// keyMin shows keyMin all the same: each day's next most reported in
// turn, the days with the fewest taken first.
func chooseKeys(cands []keyCandidate) []int {
	byRank := make([]int, len(cands))
	days := map[string]bool{}
	top := 0
	for i, c := range cands {
		byRank[i] = i
		days[c.day] = true
		top = max(top, c.outlets)
	}
	rankOf := func(i int) int {
		if cands[i].rank <= 0 {
			return int(^uint(0) >> 1)
		}
		return cands[i].rank
	}
	slices.SortStableFunc(byRank, func(a, b int) int { return cmp.Compare(rankOf(a), rankOf(b)) })
	want := min(len(cands), max(keyMin, min(keyMax, len(days))))
	high := max(1, want/4)
	floor := max(1, top/8)
	taken := map[string]int{}
	allHigh := map[string]bool{}
	chosen := make([]bool, len(cands))
	n := 0
	take := func(i int) {
		chosen[i] = true
		taken[cands[i].day]++
		n++
	}
	for place, i := range byRank {
		if n == want {
			break
		}
		c := cands[i]
		if c.outlets < floor {
			continue
		}
		isHigh := place < high
		if taken[c.day] == 0 || isHigh && allHigh[c.day] {
			allHigh[c.day] = isHigh && (taken[c.day] == 0 || allHigh[c.day])
			take(i)
		}
	}
	for n < min(keyMin, len(cands)) {
		best := -1
		for _, i := range byRank {
			if !chosen[i] && (best < 0 || taken[cands[i].day] < taken[cands[best].day]) {
				best = i
			}
		}
		take(best)
	}
	var out []int
	for i, ok := range chosen {
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// keyHappenings returns the key happenings of the chronology, in its
// order, as index.html links to them.
func (st *story) keyHappenings() []keyHappening {
	c := st.chronicle()
	var entries []indexEntry
	var sections []*daySection
	var cands []keyCandidate
	for i := range c.days {
		d := &c.days[i]
		for _, e := range d.Entries {
			entries = append(entries, e)
			sections = append(sections, d)
			cands = append(cands, keyCandidate{day: d.ID, rank: e.event.Rank, outlets: e.event.Outlets})
		}
	}
	var out []keyHappening
	for _, i := range chooseKeys(cands) {
		e, d := entries[i].event, sections[i]
		k := keyHappening{
			Href:     c.href(indexPath, e.ID),
			DayHref:  c.href(indexPath, d.ID),
			DateTime: d.DateTime,
			Date:     strings.TrimSpace(d.Weekday + " " + d.Nav),
			Title:    e.Title,
			Outlets:  "Reported by " + count(max(1, e.Outlets), "outlet", "outlets"),
		}
		var named int
		k.Names, named = st.outletNames(e)
		k.Among = ":"
		if named < max(1, e.Outlets) {
			k.Among = ", among them"
		}
		out = append(out, k)
	}
	return out
}

// keyNames is how many outlets a key happening names.
const keyNames = 3

// outletNames returns the publishers of e's sources in the order they
// reported it, the first keyNames of them, "and others" after them
// when there are more, and how many there are; "" when its sources name
// no publisher.
func (st *story) outletNames(e *timeline.Event) (string, int) {
	var names []string
	seen := map[string]bool{}
	for _, i := range st.datedCitations(e) {
		p := strings.TrimSpace(st.byID[e.Citations[i].Source].Publisher)
		if p != "" && !seen[strings.ToLower(p)] {
			seen[strings.ToLower(p)] = true
			names = append(names, withoutBidiControls(shorten(p, maxCiteName)))
		}
	}
	if len(names) > keyNames {
		return strings.Join(names[:keyNames], ", ") + " and others", len(names)
	}
	return strings.Join(names, ", "), len(names)
}

// percent writes the share n of total as a percentage for an SVG
// attribute: "12.5%".
func percent(n, total int) string {
	if total == 0 {
		return "0%"
	}
	return strconv.FormatFloat(float64(n)*100/float64(total), 'f', 3, 64) + "%"
}
