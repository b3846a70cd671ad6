package merge

import (
	"cmp"
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/words"
)

// How many report a happening: its outlets, each counted once however
// many of its pages or copies cite it, and one wire story printed by
// several outlets counted once.

// minCopyWords is how many words a quote needs for two outlets that
// both print it to be taken for copies of one story.
const minCopyWords = 8

// outletCount returns how many outlets report what the members say:
// their sources' publishers (a source without one is its own outlet),
// outlets that print the same sentence of minCopyWords or more counted
// as one.
func outletCount(members []*Mention) int {
	outlets := map[string]int{} // outlet -> its number
	var parent []int
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	quotes := map[string]int{} // a long quote -> the first outlet that prints it
	for _, m := range members {
		key := outletOf(m.Src)
		o, ok := outlets[key]
		if !ok {
			o = len(parent)
			outlets[key] = o
			parent = append(parent, o)
		}
		if words.Count(m.quoted()) < minCopyWords {
			continue
		}
		q := strings.ToLower(m.quoted())
		if first, ok := quotes[q]; ok {
			parent[find(o)] = find(first)
		} else {
			quotes[q] = o
		}
	}
	n := 0
	for i := range parent {
		if find(i) == i {
			n++
		}
	}
	return n
}

// outletOf names a source's outlet: its publisher in lower case, else
// its ID.
func outletOf(src *timeline.Source) string {
	if p := strings.ToLower(strings.TrimSpace(src.Publisher)); p != "" {
		return p
	}
	return "\x00" + src.ID
}

// sortEvents orders events by date, then by how many outlets report
// them (most first), then by how many sources cite them, then by ID.
func sortEvents(events []timeline.Event) {
	type ranked struct {
		event   timeline.Event
		date    string
		sources int
	}
	rs := make([]ranked, len(events))
	for i, e := range events {
		rs[i] = ranked{e, e.DateString(), e.SourceCount()}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(b.event.Outlets, a.event.Outlets),
			cmp.Compare(b.sources, a.sources), cmp.Compare(a.event.ID, b.event.ID))
	})
	for i, r := range rs {
		events[i] = r.event
	}
}

// rankEvents gives every event its Rank among the story's events: the
// story's own days before its background, then by how many outlets
// report them, how many sources and sentences cite them, their date and
// their ID.
func rankEvents(events []timeline.Event) {
	order := make([]int, len(events))
	sources := make([]int, len(events))
	for i := range events {
		order[i] = i
		sources[i] = events[i].SourceCount()
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &events[i], &events[j]
		return cmp.Or(boolOrder(a.Background, b.Background), cmp.Compare(b.Outlets, a.Outlets),
			cmp.Compare(sources[j], sources[i]), cmp.Compare(len(b.Citations), len(a.Citations)),
			cmp.Compare(a.DateString(), b.DateString()), cmp.Compare(a.ID, b.ID))
	})
	for rank, i := range order {
		events[i].Rank = rank + 1
	}
}

// boolOrder orders false before true.
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
