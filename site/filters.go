package site

import (
	"cmp"
	"encoding/hex"
	"hash/fnv"
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/parallel"
)

// filterLists are the choices of the filters of a page of the
// chronology: the sources and the speakers of its entries, each with the
// key that entries carry in their data-sources and data-speakers
// attributes. A key is made from the source's ID or the speaker's name
// alone (see stableKeys), so that no name has to survive being an
// attribute value, and adding a source or a speaker changes no other's
// key: an address that filters by one (index.html?source=…) keeps its
// meaning, and the entries that do not cite the new source keep their
// bytes.
type filterLists struct {
	// Sources are listed by their outlet's name, then by date.
	Sources []filterOption
	// Speakers are listed most quoted first; FindSpeaker is true when
	// they are so many that the page offers to find one by name.
	Speakers    []filterOption
	FindSpeaker bool
	Disputed    int // how many entries are disputed
	keys        *storyFilters
}

// filterOption is one choice of a filter.
type filterOption struct {
	Key   string
	Label string
	Count int // entries that match it
}

// maxOptionLabel is the longest label of a filter choice, in runes.
const maxOptionLabel = 70

// findSpeakerMin is the fewest speakers for which the page offers to
// find one by name.
const findSpeakerMin = 12

// storyFilters are the keys of all the story's sources and speakers,
// made once per story: a page's filters list those of its entries.
type storyFilters struct {
	sources  []filterOption // per source in ID order, Count unset
	speakers []filterOption // per speaker in name order, Count unset
	// order and quoted are, per source, its place in the list, and per
	// speaker, how many citations quote them.
	order  []int
	quoted []int
	of     map[*timeline.Event]eventFilters
}

// eventFilters are an event's sources and speakers, as positions in the
// story's lists, and the keys its entry carries.
type eventFilters struct {
	sources, speakers []int
	keys              entryKeys
}

// entryKeys are the keys an entry carries: its sources', its speakers'.
type entryKeys struct{ sources, speakers string }

// filters returns the keys of st's sources and speakers, making them the
// first time.
func (st *story) filters() *storyFilters {
	st.filterOnce.Do(func() { st.filterKeys = newStoryFilters(st) })
	return st.filterKeys
}

// newStoryFilters makes the keys of st's sources, in ID order, and of
// its speakers, in name order.
func newStoryFilters(st *story) *storyFilters {
	f := &storyFilters{of: make(map[*timeline.Event]eventFilters, len(st.tl.Events))}
	ids := make([]string, len(st.sources))
	for i, src := range st.sources {
		ids[i] = src.ID
	}
	sourceAt := make(map[string]int, len(st.sources))
	for i, k := range stableKeys(ids, filterKeyWidth) {
		sourceAt[ids[i]] = i
		src := st.sources[i]
		f.sources = append(f.sources, filterOption{Key: k, Label: withoutBidiControls(shorten(sourceLabel(src, st.nameOf(src)), maxOptionLabel))})
	}
	f.order = sourceOrder(st.sources, st.nameOf)
	quotes := map[string]int{}
	for i := range st.tl.Events {
		e := &st.tl.Events[i]
		for n := range eventSpeakers(e) {
			quotes[n] += 0
		}
		for _, c := range e.Citations {
			if n := strings.TrimSpace(c.Speaker); n != "" {
				quotes[n]++
			}
		}
	}
	names := slices.Sorted(maps.Keys(quotes))
	speakAt := make(map[string]int, len(names))
	for i, k := range stableKeys(names, filterKeyWidth) {
		speakAt[names[i]] = i
		f.speakers = append(f.speakers, filterOption{Key: k, Label: withoutBidiControls(shorten(names[i], maxOptionLabel))})
		f.quoted = append(f.quoted, quotes[names[i]])
	}
	// Each event's sources and speakers are found on as many goroutines
	// as the machine runs at once: a story of 10,000 sources has tens of
	// thousands of citations.
	found := make([]eventFilters, len(st.tl.Events))
	parallel.For(len(st.tl.Events), func(i int) {
		e := &st.tl.Events[i]
		v := eventFilters{sources: sourceIndices(e, sourceAt), speakers: speakerIndices(e, speakAt)}
		v.keys = entryKeys{joinKeys(f.sources, v.sources), joinKeys(f.speakers, v.speakers)}
		found[i] = v
	})
	for i := range st.tl.Events {
		f.of[&st.tl.Events[i]] = found[i]
	}
	return f
}

// sourceOrder returns, per source of sources, its place in the source
// filter: by the name name gives it (see sourceName), then by date, then
// by ID.
func sourceOrder(sources []*timeline.Source, name func(*timeline.Source) string) []int {
	at := make([]int, len(sources))
	for i := range at {
		at[i] = i
	}
	names := make([]string, len(sources))
	for i, src := range sources {
		names[i] = strings.ToLower(name(src))
	}
	slices.SortStableFunc(at, func(a, b int) int {
		return cmp.Or(cmp.Compare(names[a], names[b]), compareSources(sources[a], sources[b]))
	})
	order := make([]int, len(sources))
	for place, i := range at {
		order[i] = place
	}
	return order
}

// filterLists returns the choices of the filters of a page whose
// entries are those of events.
func (st *story) filterLists(events []*timeline.Event) *filterLists {
	keys := st.filters()
	f := &filterLists{keys: keys}
	sources := map[int]int{}
	speakers := map[int]int{}
	for _, e := range events {
		v := keys.of[e]
		for _, i := range v.sources {
			sources[i]++
		}
		for _, i := range v.speakers {
			speakers[i]++
		}
		if e.Disputed {
			f.Disputed++
		}
	}
	for _, i := range slices.SortedFunc(maps.Keys(sources), func(a, b int) int { return cmp.Compare(keys.order[a], keys.order[b]) }) {
		o := keys.sources[i]
		o.Count = sources[i]
		f.Sources = append(f.Sources, o)
	}
	for _, i := range slices.SortedFunc(maps.Keys(speakers), func(a, b int) int {
		return cmp.Or(cmp.Compare(keys.quoted[b], keys.quoted[a]), cmp.Compare(a, b))
	}) {
		o := keys.speakers[i]
		o.Count = speakers[i]
		f.Speakers = append(f.Speakers, o)
	}
	f.FindSpeaker = len(f.Speakers) >= findSpeakerMin
	return f
}

// eventSpeakers yields the speakers of an event as the merge names them:
// those of its accounts and its citations, trimmed, not the names it
// gives in passing (ClaimedBy).
func eventSpeakers(e *timeline.Event) iter.Seq[string] {
	return func(yield func(string) bool) {
		name := func(n string) bool {
			n = strings.TrimSpace(n)
			return n == "" || yield(n)
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

// sourceIndices returns the positions, in sourceAt, of the sources e
// cites, ascending.
func sourceIndices(e *timeline.Event, sourceAt map[string]int) []int {
	var out []int
	for _, c := range e.Citations {
		if i, ok := sourceAt[c.Source]; ok {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// speakerIndices returns the positions, in speakAt, of e's speakers,
// ascending.
func speakerIndices(e *timeline.Event, speakAt map[string]int) []int {
	var out []int
	for n := range eventSpeakers(e) {
		out = append(out, speakAt[n])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sourceKeys returns the keys of the sources e cites, space-separated.
func (f *filterLists) sourceKeys(e *timeline.Event) string { return f.keys.of[e].keys.sources }

// speakerKeys returns the keys of e's speakers, space-separated.
func (f *filterLists) speakerKeys(e *timeline.Event) string { return f.keys.of[e].keys.speakers }

// joinKeys returns the keys of the options at positions at,
// space-separated.
func joinKeys(options []filterOption, at []int) string {
	n := max(len(at)-1, 0)
	for _, i := range at {
		n += len(options[i].Key)
	}
	var b strings.Builder
	b.Grow(n)
	for j, i := range at {
		if j > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(options[i].Key)
	}
	return b.String()
}

// filterKeyWidth is how many hexadecimal digits of a name's hash make
// its filter key (32 bits): two of a story's 10,000 sources share them
// about once in a hundred stories, and then get longer keys.
const filterKeyWidth = 8

// stableKeys returns a key for each of names, which are distinct: the
// first width hexadecimal digits of the name's 64-bit FNV-1a hash (see
// uniqueKeys). A name's key depends on no other name but those it
// shares digits with. Keys are attribute values and address parameters
// as they are: digits, letters a to f and hyphens.
func stableKeys(names []string, width int) []string {
	hashes := make([]string, len(names))
	for i, n := range names {
		h := fnv.New64a()
		h.Write([]byte(n))
		hashes[i] = hex.EncodeToString(h.Sum(nil))
	}
	return uniqueKeys(hashes, width)
}

// uniqueKeys returns distinct keys for the names whose hashes are
// given: the first width characters of each hash; for names whose
// first characters are the same, the whole hash; for names whose whole
// hashes are the same, the hash, a hyphen and the name's position.
func uniqueKeys(hashes []string, width int) []string {
	keys := make([]string, len(hashes))
	for i, h := range hashes {
		keys[i] = h[:min(width, len(h))]
	}
	for _, longer := range []func(i int) string{
		func(i int) string { return hashes[i] },
		func(i int) string { return hashes[i] + "-" + strconv.Itoa(i) },
	} {
		count := make(map[string]int, len(keys))
		for _, k := range keys {
			count[k]++
		}
		for i, k := range keys {
			if count[k] > 1 {
				keys[i] = longer(i)
			}
		}
	}
	return keys
}

// shorten returns s cut to at most n runes, ending in "…" when cut.
func shorten(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
