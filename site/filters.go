package site

import (
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/timeline-project/timeline/timeline"
)

// filterLists are the choices of the chronology's filters: every source
// and every speaker, each with the key that entries carry in their
// data-sources and data-speakers attributes. Keys are list positions,
// so that no name has to survive being an attribute value.
type filterLists struct {
	Sources  []filterOption
	Speakers []filterOption
	Disputed int // how many entries are disputed
	sourceAt map[string]int
	speakAt  map[string]int
	// keysOf are the keys of the sources and speakers of each of the
	// story's events, made once for the counts and the entries.
	keysOf map[*timeline.Event]entryKeys
}

// entryKeys are the keys an entry carries: its sources', its speakers'.
type entryKeys struct{ sources, speakers string }

// filterOption is one choice of a filter.
type filterOption struct {
	Key   string
	Label string
	Count int // entries that match it
}

// maxOptionLabel is the longest label of a filter choice, in runes.
const maxOptionLabel = 70

// newFilterLists collects the sources, in ID order, and the speakers,
// in name order, of st's events.
func newFilterLists(st *story) *filterLists {
	f := &filterLists{sourceAt: make(map[string]int, len(st.sources)), speakAt: map[string]int{},
		keysOf: make(map[*timeline.Event]entryKeys, len(st.tl.Events)), Sources: make([]filterOption, 0, len(st.sources))}
	for i, src := range st.sources {
		f.sourceAt[src.ID] = i
		f.Sources = append(f.Sources, filterOption{Key: strconv.Itoa(i), Label: withoutBidiControls(shorten(sourceName(src), maxOptionLabel))})
	}
	seen := map[string]bool{}
	for i := range st.tl.Events {
		for n := range eventSpeakers(&st.tl.Events[i]) {
			seen[n] = true
		}
	}
	names := slices.Sorted(maps.Keys(seen))
	for i, n := range names {
		f.speakAt[n] = i
		f.Speakers = append(f.Speakers, filterOption{Key: strconv.Itoa(i), Label: withoutBidiControls(shorten(n, maxOptionLabel))})
	}
	for i := range st.tl.Events {
		e := &st.tl.Events[i]
		sources, speakers := f.sourceIndices(e), f.speakerIndices(e)
		for _, k := range sources {
			f.Sources[k].Count++
		}
		for _, k := range speakers {
			f.Speakers[k].Count++
		}
		f.keysOf[e] = entryKeys{joinInts(sources), joinInts(speakers)}
		if e.Disputed {
			f.Disputed++
		}
	}
	return f
}

// eventSpeakers yields everyone an event names as claiming or denying
// it: its ClaimedBy, its accounts' and its citations' speakers, as
// cleanNames has them.
func eventSpeakers(e *timeline.Event) iter.Seq[string] {
	return func(yield func(string) bool) {
		name := func(n string) bool {
			n = strings.TrimSpace(n)
			return n == "" || yield(n)
		}
		for _, n := range e.ClaimedBy {
			if !name(n) {
				return
			}
		}
		for _, a := range e.Accounts {
			if !name(a.Speaker) {
				return
			}
		}
		for _, c := range e.Citations {
			if !name(c.Speaker) {
				return
			}
		}
	}
}

// sourceIndices returns the positions of the sources e cites, ascending.
func (f *filterLists) sourceIndices(e *timeline.Event) []int {
	var out []int
	for _, c := range e.Citations {
		if i, ok := f.sourceAt[c.Source]; ok {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// speakerIndices returns the positions of e's speakers, ascending.
func (f *filterLists) speakerIndices(e *timeline.Event) []int {
	var out []int
	for n := range eventSpeakers(e) {
		out = append(out, f.speakAt[n])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sourceKeys returns the keys of the sources e cites, space-separated.
func (f *filterLists) sourceKeys(e *timeline.Event) string {
	if k, ok := f.keysOf[e]; ok {
		return k.sources
	}
	return joinInts(f.sourceIndices(e))
}

// speakerKeys returns the keys of e's speakers, space-separated.
func (f *filterLists) speakerKeys(e *timeline.Event) string {
	if k, ok := f.keysOf[e]; ok {
		return k.speakers
	}
	return joinInts(f.speakerIndices(e))
}

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, " ")
}

// shorten returns s cut to at most n runes, ending in "…" when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
