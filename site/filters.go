package site

import (
	"encoding/hex"
	"hash/fnv"
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline"
)

// filterLists are the choices of the chronology's filters: every source
// and every speaker, each with the key that entries carry in their
// data-sources and data-speakers attributes. A key is made from the
// source's ID or the speaker's name alone (see stableKeys), so that no
// name has to survive being an attribute value, and adding a source or
// a speaker changes no other's key: an address that filters by one
// (index.html?source=…) keeps its meaning, and the entries that do not
// cite the new source keep their bytes.
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
	ids := make([]string, len(st.sources))
	for i, src := range st.sources {
		ids[i] = src.ID
	}
	sourceKeys := stableKeys(ids, filterKeyWidth)
	for i, src := range st.sources {
		f.sourceAt[src.ID] = i
		f.Sources = append(f.Sources, filterOption{Key: sourceKeys[i], Label: withoutBidiControls(shorten(sourceName(src), maxOptionLabel))})
	}
	seen := map[string]bool{}
	for i := range st.tl.Events {
		for n := range eventSpeakers(&st.tl.Events[i]) {
			seen[n] = true
		}
	}
	names := slices.Sorted(maps.Keys(seen))
	speakerKeys := stableKeys(names, filterKeyWidth)
	for i, n := range names {
		f.speakAt[n] = i
		f.Speakers = append(f.Speakers, filterOption{Key: speakerKeys[i], Label: withoutBidiControls(shorten(n, maxOptionLabel))})
	}
	// Each event's sources and speakers are found on as many goroutines
	// as the machine runs at once: a story of 10,000 sources has tens of
	// thousands of citations.
	type found struct{ sources, speakers []int }
	events := make([]found, len(st.tl.Events))
	keys := make([]entryKeys, len(st.tl.Events))
	parallel(len(st.tl.Events), func(i int) {
		e := &st.tl.Events[i]
		events[i] = found{f.sourceIndices(e), f.speakerIndices(e)}
		keys[i] = entryKeys{joinKeys(f.Sources, events[i].sources), joinKeys(f.Speakers, events[i].speakers)}
	})
	for i := range st.tl.Events {
		e := &st.tl.Events[i]
		for _, k := range events[i].sources {
			f.Sources[k].Count++
		}
		for _, k := range events[i].speakers {
			f.Speakers[k].Count++
		}
		f.keysOf[e] = keys[i]
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
	return joinKeys(f.Sources, f.sourceIndices(e))
}

// speakerKeys returns the keys of e's speakers, space-separated.
func (f *filterLists) speakerKeys(e *timeline.Event) string {
	if k, ok := f.keysOf[e]; ok {
		return k.speakers
	}
	return joinKeys(f.Speakers, f.speakerIndices(e))
}

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
