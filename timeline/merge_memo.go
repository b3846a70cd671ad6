package timeline

import (
	"cmp"
	"maps"
	"slices"
	"sync"
)

// MergeMemo keeps what one build's merging made, for the next build of
// the same story in the same process: the story's terms and how many
// sentences use each, its speakers' names, the clusters of every day,
// what joined what across days and which group each undated sentence
// joined, and the event of every cluster. The next build redoes only
// what its sources change: the days whose sentences, or the weights
// they use, differ; the joins within reach of a group that differs; the
// events whose members, weights or speakers' names differ. Its timeline
// is the same as a build without the memo would make.
//
// A caller that builds a story again and again (serve) keeps one memo
// for the story and gives it to every Assemble in Options; builds that
// share a memo run one at a time. The zero MergeMemo is ready to use.
// Timelines made with a memo share their events' slices with it and
// with each other: they must not be changed. The memo holds every term
// it has met, and about as much again as the story's mentions.
type MergeMemo struct {
	mu sync.Mutex
	// tt numbers every term the memo has met, for good: merging does not
	// depend on the numbers, only on which term each stands for. Its ids
	// hold the sentences of the last build and their matched copies.
	tt      *termTable
	numbers map[string]int32
	// df counts the last build's sentences that use each term; mentions
	// is how many sentences it had.
	df       []int
	mentions int
	// changed marks, by term, the weights the current build changed;
	// reweights counts them.
	changed   []bool
	reweights int
	// runs are the last build's sentences of each source, by its first;
	// order are the current build's, in order.
	runs  map[*mention]*sourceRun
	order []*sourceRun
	// speakers counts the attributions of each speaker's words; names
	// are their names, and renamed the words whose name the current
	// build changed.
	speakers map[string]int
	names    canonicalNames
	renamed  map[string]bool
	// days are the clusters of every day; events the event of every
	// cluster, by its first member; copies the undated sentences'
	// matched copies.
	days   map[dayKey]*dayMemo
	events map[*mention]*eventMemo
	copies map[*mention]*mention
	// across is what the last build's groups joined across days;
	// undated its groups before undated sentences joined them.
	across  acrossMemo
	undated undatedMemo
	// gone are the sources' sentences the current build took out.
	gone []*sourceRun
	// build numbers the builds, to tell the sources the last one had.
	build int
}

// sourceRun is the sentences of one source in a build, in order: the
// dated ones by day, in order of their first, and the undated ones.
type sourceRun struct {
	ms      []*mention
	days    []dayRun
	undated []*mention
	// joined are the first members of the groups the undated sentences
	// joined in the last build that placed them (placed is true), by
	// sentence; nil for none.
	joined []*mention
	placed bool
	// rare and sims are, by sentence, its rarest terms and its
	// similarity to the group it joined (0 for none).
	rare  [][]int32
	sims  []float64
	build int
}

// dayRun is the sentences of a source dated to one day, in order.
type dayRun struct {
	day dayKey
	ms  []*mention
}

// newSourceRun returns the run of a source's sentences ms.
func newSourceRun(ms []*mention, build int) *sourceRun {
	r := &sourceRun{ms: slices.Clone(ms), build: build}
	for _, m := range r.ms {
		if m.undated() {
			r.undated = append(r.undated, m)
			continue
		}
		k := dayKey{m.date, m.precision}
		i := slices.IndexFunc(r.days, func(d dayRun) bool { return d.day == k })
		if i < 0 {
			i = len(r.days)
			r.days = append(r.days, dayRun{day: k})
		}
		r.days[i].ms = append(r.days[i].ms, m)
	}
	r.joined = make([]*mention, len(r.undated))
	r.rare, r.sims = make([][]int32, len(r.undated)), make([]float64, len(r.undated))
	return r
}

// dayMemo is what clusterDay made of a day's sentences, in their order;
// its clusters are shared and never changed. trace is where each went,
// for replayDay.
type dayMemo struct {
	ms       []*mention
	clusters []*cluster
	trace    *dayTrace
}

// eventMemo is the event eventOf made of a cluster of members, in order,
// and what sortEvents and eventIDs read of it.
type eventMemo struct {
	members []*mention
	event   Event
	key     eventKey
}

// eventKey is what sortEvents and eventIDs read of an event: its date,
// how many sources cite it and its ID before it is numbered.
type eventKey struct {
	date    string
	sources int
	id      string
}

// keyOf returns the key of an event.
func keyOf(e *Event) eventKey { return eventKey{e.DateString(), e.sourceCount(), baseEventID(e)} }

// sortEventsByKey is sortEvents then eventIDs, reading the events' keys.
func sortEventsByKey(events []Event, keys []eventKey) {
	order := make([]int, len(events))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ka, kb := keys[a], keys[b]
		return cmp.Or(cmp.Compare(ka.date, kb.date), cmp.Compare(kb.sources, ka.sources), cmp.Compare(events[a].ID, events[b].ID))
	})
	sorted := make([]Event, len(events))
	used := make(map[string]int, len(events))
	for i, j := range order {
		sorted[i] = events[j]
		sorted[i].ID = numberedID(keys[j].id, used)
	}
	copy(events, sorted)
}

// eventsOfMemo is eventsOf, redoing only what differs from the build
// memo last saw; memo nil is eventsOf.
func eventsOfMemo(ms []*mention, memo *MergeMemo) []Event {
	if memo == nil {
		return eventsOf(ms)
	}
	memo.mu.Lock()
	defer memo.mu.Unlock()
	memo.update(ms)
	clusters := memo.clusterMentions()
	events, keys := memo.eventsOf(clusters)
	sortEventsByKey(events, keys)
	return events
}

// update brings the memo's terms, weights and names to the sentences
// ms: it adds the sources that are new or changed and takes out those
// that are gone.
func (memo *MergeMemo) update(ms []*mention) {
	if memo.tt == nil {
		memo.tt = &termTable{ids: map[*mention][]int32{}}
		memo.numbers, memo.runs, memo.speakers = map[string]int32{}, map[*mention]*sourceRun{}, map[string]int{}
		memo.days, memo.events, memo.copies = map[dayKey]*dayMemo{}, map[*mention]*eventMemo{}, map[*mention]*mention{}
	}
	memo.build++
	memo.gone, memo.order = memo.gone[:0], memo.order[:0]
	namesBefore := len(memo.speakers)
	grew := false
	for start := 0; start < len(ms); {
		end := start + 1
		for end < len(ms) && ms[end].src == ms[start].src {
			end++
		}
		run := ms[start:end]
		if old := memo.runs[run[0]]; old != nil && slices.Equal(old.ms, run) {
			old.build = memo.build
			memo.order = append(memo.order, old)
		} else {
			if old != nil {
				memo.remove(old)
			}
			grew = memo.add(run) || grew
			r := newSourceRun(run, memo.build)
			memo.runs[run[0]] = r
			memo.order = append(memo.order, r)
		}
		start = end
	}
	for first, r := range memo.runs { // only removes: the order does not matter
		if r.build != memo.build {
			memo.remove(r)
			delete(memo.runs, first)
		}
	}
	memo.mentions = len(ms)
	memo.weigh()
	if grew || len(memo.speakers) != namesBefore || memo.names == nil {
		memo.rename()
	} else {
		clear(memo.renamed)
	}
}

// add counts the terms and speakers of a source's sentences, numbering
// new terms; it reports whether a speaker's words are new.
func (memo *MergeMemo) add(run []*mention) bool {
	tt, grew := memo.tt, false
	for _, m := range run {
		ids := make([]int32, len(m.terms))
		for i, t := range m.terms {
			id, ok := memo.numbers[t]
			if !ok {
				id = int32(len(tt.names))
				memo.numbers[t] = id
				tt.names = append(tt.names, t)
				tt.idf = append(tt.idf, 0)
				memo.df = append(memo.df, 0)
			}
			memo.df[id]++
			ids[i] = id
		}
		tt.ids[m] = ids
		for _, a := range m.attrs {
			if memo.speakers[a.speaker] == 0 {
				grew = true
			}
			memo.speakers[a.speaker]++
		}
	}
	return grew
}

// remove takes a source's sentences out of the counts.
func (memo *MergeMemo) remove(run *sourceRun) {
	memo.gone = append(memo.gone, run)
	for _, m := range run.ms {
		for _, id := range memo.tt.ids[m] {
			memo.df[id]--
		}
		delete(memo.tt.ids, m)
		if cp := memo.copies[m]; cp != nil {
			delete(memo.tt.ids, cp)
			delete(memo.copies, m)
		}
		for _, a := range m.attrs {
			if memo.speakers[a.speaker]--; memo.speakers[a.speaker] == 0 {
				delete(memo.speakers, a.speaker)
			}
		}
	}
}

// weigh gives every term its weight for the current sentences, marking
// the terms whose weight changed.
func (memo *MergeMemo) weigh() {
	tt := memo.tt
	memo.changed = slices.Grow(memo.changed[:0], len(tt.names))[:len(tt.names)]
	memo.reweights = 0
	for id, k := range memo.df {
		w := 0.0
		if k > 0 {
			w = termWeight(tt.names[id], memo.mentions, k)
		}
		if memo.changed[id] = w != tt.idf[id]; memo.changed[id] {
			memo.reweights++
		}
		tt.idf[id] = w
	}
}

// rename names the speakers again, marking the words whose name changed.
func (memo *MergeMemo) rename() {
	words := slices.Sorted(maps.Keys(memo.speakers))
	names := speakerNames(words)
	memo.renamed = map[string]bool{}
	for w, n := range names {
		if memo.names[w] != n {
			memo.renamed[w] = true
		}
	}
	memo.names = names
}

// reweighed reports whether the current build changed the weight of a
// term of any of ms.
func (memo *MergeMemo) reweighed(ms []*mention) bool {
	if memo.reweights == 0 {
		return false
	}
	for _, m := range ms {
		for _, id := range memo.tt.ids[m] {
			if memo.changed[id] {
				return true
			}
		}
	}
	return false
}

// clusterMentions is clusterMentions, taking the clusters of the days
// whose sentences and their weights are as they were, and replaying
// (see replayDay) those whose sentences differ but not their weights.
func (memo *MergeMemo) clusterMentions() []*cluster {
	days, byDay := memo.byDays()
	perDay := make([][]*cluster, len(days))
	var redo []int
	for i, k := range days {
		if d := memo.days[k]; d != nil && slices.Equal(d.ms, byDay[k]) && !memo.reweighed(d.ms) {
			perDay[i] = d.clusters
		} else {
			redo = append(redo, i)
		}
	}
	kept := make(map[dayKey]*dayMemo, len(days))
	for i, k := range days {
		if perDay[i] != nil {
			kept[k] = memo.days[k]
		}
	}
	made := make([]*dayMemo, len(redo))
	eachIndex(len(redo), func(j int) {
		k := days[redo[j]]
		d := &dayMemo{ms: slices.Clone(byDay[k])}
		replayed := false
		if old := memo.days[k]; old != nil && !memo.reweighed(byDay[k]) {
			d.clusters, d.trace, replayed = replayDay(byDay[k], memo.tt, old.trace)
		}
		if !replayed {
			d.trace = newDayTrace(len(byDay[k]))
			d.clusters = clusterDayTraced(byDay[k], memo.tt, d.trace)
		}
		for _, c := range d.clusters {
			c.shared = true
		}
		made[j] = d
	})
	for j, i := range redo {
		perDay[i] = made[j].clusters
		kept[days[i]] = made[j]
	}
	memo.days = kept
	out := slices.Concat(perDay...)
	out = memo.mergeAcrossDays(out)
	memo.joinUndated(out)
	return out
}

// byDays returns the days of the current build's dated sentences in
// order, and the sentences of each in order, as byDays does.
func (memo *MergeMemo) byDays() ([]dayKey, map[dayKey][]*mention) {
	byDay := map[dayKey][]*mention{}
	var days []dayKey
	for _, r := range memo.order {
		for _, d := range r.days {
			if byDay[d.day] == nil {
				days = append(days, d.day)
			}
			byDay[d.day] = append(byDay[d.day], d.ms...)
		}
	}
	slices.SortFunc(days, func(a, b dayKey) int {
		return cmp.Or(a.date.Compare(b.date), cmp.Compare(a.precision, b.precision))
	})
	return days, byDay
}

// eventsOf makes the events of clusters, taking the event of a cluster
// whose members, their weights and their speakers' names are as they
// were.
func (memo *MergeMemo) eventsOf(clusters []*cluster) ([]Event, []eventKey) {
	var events []Event
	if len(clusters) > 0 {
		events = make([]Event, len(clusters))
	}
	keys := make([]eventKey, len(clusters))
	redo := make([]bool, len(clusters))
	for i, c := range clusters {
		if e := memo.events[c.members[0]]; e != nil && slices.Equal(e.members, c.members) && !memo.reweighed(c.members) && !memo.renamedIn(c.members) {
			events[i], keys[i] = e.event, e.key
		} else {
			redo[i] = true
		}
	}
	eachIndex(len(clusters), func(i int) {
		if redo[i] {
			events[i] = eventOf(clusters[i], memo.tt, memo.names)
			keys[i] = keyOf(&events[i])
		}
	})
	kept := make(map[*mention]*eventMemo, len(clusters))
	for i, c := range clusters {
		if e := memo.events[c.members[0]]; !redo[i] {
			kept[c.members[0]] = e
		} else {
			kept[c.members[0]] = &eventMemo{members: slices.Clone(c.members), event: events[i], key: keys[i]}
		}
	}
	memo.events = kept
	return events, keys
}

// renamedIn reports whether the current build renamed a speaker of ms.
func (memo *MergeMemo) renamedIn(ms []*mention) bool {
	if len(memo.renamed) == 0 {
		return false
	}
	for _, m := range ms {
		for _, a := range m.attrs {
			if memo.renamed[a.speaker] {
				return true
			}
		}
	}
	return false
}
