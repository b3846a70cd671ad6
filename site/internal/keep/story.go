package keep

import (
	"slices"
	"sync"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

// The keys of a story's parts are made from its data hashed field by
// field here, rather than by the reflect walk of Hash.Value: a story of
// 10,000 sources is hashed in a few tens of milliseconds, each source's
// text once. A test checks that these functions name every field of the
// types they hash (TestKeyFieldsCovered), so that a field added to
// package timeline is not forgotten here.

// Story are the keys of a story's parts, shared by all its pages.
type Story struct {
	// Events are, per event of the Timeline, the key of the event with
	// its citations and the facts of the sources it names; Entries the
	// same but for its rank and its count of outlets, which change when
	// other events gain reports and which the chronology's pages do not
	// show.
	Events  []Key
	Entries []Key
	// Facts are, per source in the order given, the key of its facts
	// (all but its text), and Texts the key of its text, blocks and
	// sentences.
	Facts []Key
	Texts []Key
}

// StoryKeys returns the keys of the parts of the story of sources and
// events, each made by a call that parallel runs (for every i from 0 to
// n-1, on as many goroutines as it likes). The keys of the texts are
// taken from texts where it has them, and kept there for the next story;
// a nil texts keeps nothing.
func StoryKeys(sources []*timeline.Source, events []timeline.Event, texts *Texts, parallel func(n int, do func(i int))) *Story {
	k := &Story{Facts: make([]Key, len(sources)), Texts: make([]Key, len(sources))}
	kept := texts.get()
	parallel(len(sources), func(i int) {
		k.Facts[i] = SourceFacts(sources[i])
		k.Texts[i] = kept.key(sources[i])
	})
	texts.put(kept, sources, k.Texts)
	at := make(map[string]int, len(sources))
	for i, src := range sources {
		at[src.ID] = i
	}
	facts := func(source string) Key { return k.Facts[at[source]] }
	k.Events = make([]Key, len(events))
	k.Entries = make([]Key, len(events))
	parallel(len(events), func(i int) { k.Entries[i], k.Events[i] = eventKeys(&events[i], facts) })
	return k
}

// eventKeys returns the key of e and of the facts of the sources it
// names (facts returns those of a source, by ID): without its rank and
// its count of outlets (entry), and with them (event).
func eventKeys(e *timeline.Event, facts func(source string) Key) (entry, event Key) {
	h := New("entry")
	h.event(e)
	h.Uint(uint64(len(e.Citations)))
	for _, c := range e.Citations {
		h.citation(c)
		h.Key(facts(c.Source))
	}
	for _, o := range e.OtherDates {
		h.Key(facts(o.Source))
	}
	entry = h.Sum()
	h = New("event")
	h.Key(entry)
	h.Int(e.Rank)
	h.Int(e.Outlets)
	return entry, h.Sum()
}

// Texts keeps the keys of the texts of the sources of the story last
// keyed, by source ID, with the texts, blocks and sentences they are the
// keys of: the text of a source that did not change is then compared,
// not hashed (a string compared with itself costs nothing). A nil
// *Texts keeps nothing.
type Texts struct {
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

func (c *Texts) get() textKeys {
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
func (c *Texts) put(kept textKeys, sources []*timeline.Source, keys []Key) {
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
	return SourceText(src)
}

// SourceFacts returns the key of src but its text, blocks and
// sentences.
func SourceFacts(src *timeline.Source) Key {
	k := New("source facts")
	k.String(src.ID)
	k.String(src.File)
	k.String(string(src.Format))
	k.String(src.Title)
	k.String(src.URL)
	k.String(src.Publisher)
	k.String(src.Author)
	k.date(src.Published.Date)
	k.String(string(src.Published.Basis))
	k.String(src.Published.Evidence)
	k.String(src.Published.Time)
	k.Int(src.TextOffset)
	return k.Sum()
}

// SourceText returns the key of src's text, blocks and sentences.
func SourceText(src *timeline.Source) Key {
	k := New("source text")
	k.String(src.Text)
	k.Uint(uint64(len(src.Blocks)))
	for _, b := range src.Blocks {
		k.span(b.Span)
		k.Uint(uint64(b.Kind))
		k.String(b.Furniture)
	}
	k.Uint(uint64(len(src.Sentences)))
	for _, s := range src.Sentences {
		k.span(s.Span)
		k.Int(s.Block)
		k.Int(s.N)
	}
	return k.Sum()
}

// event writes every field of e but its citations, its rank and its
// count of outlets (see eventKeys).
func (k *Hash) event(e *timeline.Event) {
	k.String(e.ID)
	k.date(e.Date)
	k.Uint(uint64(e.Precision))
	k.String(e.PartOfDay)
	k.String(e.Title)
	k.String(e.Summary)
	k.String(string(e.Stance))
	k.Strings(e.ClaimedBy)
	k.Bool(e.Background)
	k.Bool(e.Disputed)
	k.Uint(uint64(len(e.Accounts)))
	for _, a := range e.Accounts {
		k.String(a.Speaker)
		k.String(string(a.Stance))
		k.String(a.Summary)
		k.Uint(uint64(len(a.Citations)))
		for _, n := range a.Citations {
			k.Int(n)
		}
	}
	k.String(string(e.Dating.Basis))
	k.String(e.Dating.Note)
	k.Uint(uint64(len(e.OtherDates)))
	for _, o := range e.OtherDates {
		k.String(o.Source)
		k.String(o.Date)
		k.String(o.DateText)
	}
}

// citation writes every field of c.
func (k *Hash) citation(c timeline.Citation) {
	k.String(c.Source)
	k.Int(c.Sentence)
	k.String(c.Quote)
	k.String(c.DateText)
	k.String(string(c.DateBasis))
	k.Int(c.DatedBy)
	k.String(c.Speaker)
	k.String(string(c.Stance))
}

func (k *Hash) span(s timeline.Span) {
	k.Int(s.Start)
	k.Int(s.End)
}

func (k *Hash) date(d timex.Date) {
	k.Int(d.Year)
	k.Int(int(d.Month))
	k.Int(d.Day)
}
