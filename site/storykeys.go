package site

import (
	"slices"
	"sync"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/parallel"
	"github.com/timeline-project/timeline/timeline/timex"
)

// The keys of pages and fragments are made from the data of the story
// they show, hashed field by field here rather than by the reflect walk
// of keyHash.value: a story of 10,000 sources is hashed in a few tens of
// milliseconds, each source's text once. A test checks that these
// functions name every field of the types they hash
// (TestKeyFieldsCovered), so that a field added to package timeline is
// not forgotten here.

// storyKeys are the keys of a story's parts, made once per story and
// shared by all its pages: per event, what its entry shows; per source,
// its facts (all but its text) and its text.
type storyKeys struct {
	once sync.Once
	// events are, per event of the Timeline, the key of the event and
	// of the facts of the sources it names (citations, other dates).
	events []Key
	// citations are, per event, the keys of its citations when it is
	// laid out citation by citation (see eventKey), or nil.
	citations [][]Key
	// facts are, per source in ID order, the key of its facts.
	facts []Key
	// texts are, per source in ID order, the key of its text, blocks
	// and sentences.
	texts []Key
}

// keys returns the keys of st's parts, making them the first time, on
// as many goroutines as the machine runs at once.
func (st *story) keys() *storyKeys {
	k := &st.partKeys
	k.once.Do(func() {
		k.facts = make([]Key, len(st.sources))
		k.texts = make([]Key, len(st.sources))
		kept := st.textKeys.get()
		parallel.For(len(st.sources), func(i int) {
			k.facts[i] = sourceFactsKey(st.sources[i])
			k.texts[i] = kept.key(st.sources[i])
		})
		st.textKeys.put(kept, st.sources, k.texts)
		at := make(map[string]int, len(st.sources))
		for i, src := range st.sources {
			at[src.ID] = i
		}
		facts := func(source string) Key { return k.facts[at[source]] }
		k.events = make([]Key, len(st.tl.Events))
		k.citations = make([][]Key, len(st.tl.Events))
		keptCites := st.citeKeys.get()
		made := make([]citedKeys, len(st.tl.Events))
		parallel.For(len(st.tl.Events), func(i int) {
			e := &st.tl.Events[i]
			var old *citedKeys
			if keptCites != nil {
				if c, ok := keptCites[e.ID]; ok {
					old = &c
				}
			}
			k.events[i], k.citations[i], made[i] = eventKey(e, facts, old, st.citeKeys != nil)
		})
		st.citeKeys.put(st.tl.Events, made)
	})
	return k
}

// eventKey returns the key of e and of the facts of the sources it
// names (facts returns those of a source, by ID). When e has at least
// splitCitesMin citations, it returns too the key of each citation with
// its source's facts, and the event's key is made from those; and those
// keys with what they were made from, to keep, when keep is true. A
// citation's key is taken from old, the kept keys of an event with e's
// ID, when old has the same citation and facts.
func eventKey(e *timeline.Event, facts func(source string) Key, old *citedKeys, keep bool) (Key, []Key, citedKeys) {
	h := newKeyHash("event")
	h.event(e)
	h.uint(uint64(len(e.Citations)))
	if len(e.Citations) < splitCitesMin {
		for _, c := range e.Citations {
			h.citation(c)
			h.key(facts(c.Source))
		}
		for _, o := range e.OtherDates {
			h.key(facts(o.Source))
		}
		return h.sum(), nil, citedKeys{}
	}
	keys := make([]Key, len(e.Citations))
	var kept []Key // the facts, to keep
	if keep {
		kept = make([]Key, len(e.Citations))
	}
	reuse, same := old.lookup(e.Citations)
	for i, c := range e.Citations {
		f := facts(c.Source)
		if keep {
			kept[i] = f
		}
		if j := reuse(i); j >= 0 && old.facts[j] == f {
			keys[i] = old.keys[j]
		} else {
			ck := newKeyHash("citation")
			ck.citation(c)
			ck.key(f)
			keys[i] = ck.sum()
		}
		h.key(keys[i])
	}
	for _, o := range e.OtherDates {
		h.key(facts(o.Source))
	}
	if !keep {
		return h.sum(), keys, citedKeys{}
	}
	// The citations are kept as a copy, never the caller's slice: its
	// elements may change before the next story.
	made := citedKeys{facts: kept, keys: keys}
	if same {
		made.citations = old.citations
	} else {
		made.citations = slices.Clone(e.Citations)
	}
	return h.sum(), keys, made
}

// citeKeyCache keeps the keys of the citations of the events laid out
// citation by citation (see eventKey) in the story last planned, by
// event ID, with the citations and the facts of their sources they were
// made from: when a source joins an event of thousands of citations,
// only its own are hashed. A nil *citeKeyCache keeps nothing.
type citeKeyCache struct {
	mu sync.Mutex
	m  map[string]citedKeys
}

// citedKeys are the keys of an event's citations, and the citations and
// the facts of their sources they were made from, in order.
type citedKeys struct {
	citations []timeline.Citation
	facts     []Key
	keys      []Key
}

func (c *citeKeyCache) get() map[string]citedKeys {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m
}

// put keeps made, the keys of the citations of events, by event.
func (c *citeKeyCache) put(events []timeline.Event, made []citedKeys) {
	if c == nil {
		return
	}
	m := make(map[string]citedKeys, len(events)/4)
	for i := range events {
		if made[i].keys != nil {
			m[events[i].ID] = made[i]
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m = m
}

// lookup returns a function that gives, for citation i of cites, the
// number of the same citation in k, or -1: i when cites are k's (same
// is then true), else found by source and sentence. A nil k has none.
func (k *citedKeys) lookup(cites []timeline.Citation) (reuse func(i int) int, same bool) {
	if k == nil {
		return func(int) int { return -1 }, false
	}
	if slices.Equal(k.citations, cites) {
		return func(i int) int { return i }, true
	}
	at := make(map[citedSentence]int, len(k.citations))
	for j, c := range k.citations {
		at[citedSentence{c.Source, c.Sentence}] = j
	}
	return func(i int) int {
		c := cites[i]
		if j, ok := at[citedSentence{c.Source, c.Sentence}]; ok && k.citations[j] == c {
			return j
		}
		return -1
	}, false
}

// citedSentence names a cited sentence.
type citedSentence struct {
	source   string
	sentence int
}

// textKeyCache keeps the keys of the texts of the sources of the story
// last planned, by source ID, with the texts, blocks and sentences they
// are the keys of: the text of a source that did not change is then
// compared, not hashed (a string compared with itself costs nothing).
// A nil *textKeyCache keeps nothing.
type textKeyCache struct {
	mu sync.Mutex
	m  textKeys
}

// textKeys are keys of texts by source ID. A textKeys is not changed
// once made.
type textKeys map[string]textKey

// textKey is the key of a source's text, blocks and sentences.
type textKey struct {
	text      string
	blocks    []timeline.Block
	sentences []timeline.Sentence
	key       Key
}

func (c *textKeyCache) get() textKeys {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m
}

// put keeps the keys of the texts of sources; those of kept whose key
// is the same are kept as they are, their blocks and sentences not
// copied again.
func (c *textKeyCache) put(kept textKeys, sources []*timeline.Source, keys []Key) {
	if c == nil {
		return
	}
	m := make(textKeys, len(sources))
	for i, src := range sources {
		if t, ok := kept[src.ID]; ok && t.key == keys[i] {
			m[src.ID] = t
			continue
		}
		m[src.ID] = textKey{text: src.Text, blocks: slices.Clone(src.Blocks), sentences: slices.Clone(src.Sentences), key: keys[i]}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m = m
}

// key returns the key of src's text, blocks and sentences: the one kept
// when they are the same.
func (m textKeys) key(src *timeline.Source) Key {
	if t, ok := m[src.ID]; ok && t.text == src.Text && slices.Equal(t.blocks, src.Blocks) && slices.Equal(t.sentences, src.Sentences) {
		return t.key
	}
	return sourceTextKey(src)
}

// sourceFactsKey returns the key of src but its text, blocks and
// sentences.
func sourceFactsKey(src *timeline.Source) Key {
	k := newKeyHash("source facts")
	k.str(src.ID)
	k.str(src.File)
	k.str(string(src.Format))
	k.str(src.Title)
	k.str(src.URL)
	k.str(src.Publisher)
	k.str(src.Author)
	k.date(src.Published.Date)
	k.str(string(src.Published.Basis))
	k.str(src.Published.Evidence)
	k.int(src.TextOffset)
	return k.sum()
}

// sourceTextKey returns the key of src's text, blocks and sentences.
func sourceTextKey(src *timeline.Source) Key {
	k := newKeyHash("source text")
	k.str(src.Text)
	k.uint(uint64(len(src.Blocks)))
	for _, b := range src.Blocks {
		k.span(b.Span)
		k.uint(uint64(b.Kind))
		k.str(b.Furniture)
	}
	k.uint(uint64(len(src.Sentences)))
	for _, s := range src.Sentences {
		k.span(s.Span)
		k.int(s.Block)
		k.int(s.N)
	}
	return k.sum()
}

// event writes every field of e but its citations (see eventKey).
func (k *keyHash) event(e *timeline.Event) {
	k.str(e.ID)
	k.date(e.Date)
	k.uint(uint64(e.Precision))
	k.str(e.PartOfDay)
	k.str(e.Title)
	k.str(e.Summary)
	k.str(string(e.Stance))
	k.strs(e.ClaimedBy)
	k.uint(bit(e.Background))
	k.uint(bit(e.Disputed))
	k.int(e.Outlets)
	k.int(e.Rank)
	k.uint(uint64(len(e.Accounts)))
	for _, a := range e.Accounts {
		k.str(a.Speaker)
		k.str(string(a.Stance))
		k.str(a.Summary)
		k.uint(uint64(len(a.Citations)))
		for _, n := range a.Citations {
			k.int(n)
		}
	}
	k.str(string(e.Dating.Basis))
	k.str(e.Dating.Note)
	k.uint(uint64(len(e.OtherDates)))
	for _, o := range e.OtherDates {
		k.str(o.Source)
		k.str(o.Date)
		k.str(o.DateText)
	}
}

// citation writes every field of c.
func (k *keyHash) citation(c timeline.Citation) {
	k.str(c.Source)
	k.int(c.Sentence)
	k.str(c.Quote)
	k.str(c.DateText)
	k.str(string(c.DateBasis))
	k.int(c.DatedBy)
	k.str(c.Speaker)
	k.str(string(c.Stance))
}

func (k *keyHash) int(n int) { k.uint(uint64(n)) }

func (k *keyHash) span(s timeline.Span) {
	k.int(s.Start)
	k.int(s.End)
}

func (k *keyHash) date(d timex.Date) {
	k.int(d.Year)
	k.int(int(d.Month))
	k.int(d.Day)
}

func (k *keyHash) strs(ss []string) {
	k.uint(uint64(len(ss)))
	for _, s := range ss {
		k.str(s)
	}
}

// key writes a key made before.
func (k *keyHash) key(key Key) {
	k.buf = append(k.buf, key[:]...)
	k.flush()
}
