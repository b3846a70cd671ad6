package site

import (
	"slices"
	"sync"

	"github.com/timeline-project/timeline/timeline"
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
		parallel(len(st.sources), func(i int) {
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
		parallel(len(st.tl.Events), func(i int) {
			k.events[i], k.citations[i] = eventKey(&st.tl.Events[i], facts)
		})
	})
	return k
}

// eventKey returns the key of e and of the facts of the sources it
// names (facts returns those of a source, by ID). When e has at least
// splitCitesMin citations, it returns too the key of each citation with
// its source's facts, and the event's key is made from those.
func eventKey(e *timeline.Event, facts func(source string) Key) (Key, []Key) {
	h := newKeyHash("event")
	h.event(e)
	var cites []Key
	if len(e.Citations) >= splitCitesMin {
		cites = make([]Key, len(e.Citations))
	}
	h.uint(uint64(len(e.Citations)))
	for i, c := range e.Citations {
		if cites == nil {
			h.citation(c)
			h.key(facts(c.Source))
			continue
		}
		ck := newKeyHash("citation")
		ck.citation(c)
		ck.key(facts(c.Source))
		cites[i] = ck.sum()
		h.key(cites[i])
	}
	for _, o := range e.OtherDates {
		h.key(facts(o.Source))
	}
	return h.sum(), cites
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
