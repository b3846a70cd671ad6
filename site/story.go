package site

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/timeline-project/timeline/site/internal/keep"
	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/parallel"
)

// story is a Timeline checked and arranged for rendering: sources sorted
// by ID and found by it, and for each source the entries that cite it.
type story struct {
	tl      *timeline.Timeline
	name    string // the story's title (see title)
	base    string // the site's public address ending in "/", or ""
	sources []*timeline.Source
	byID    map[string]*timeline.Source
	// names holds, per source ID, its sourceName.
	names map[string]string
	// numbered holds, per source ID, the numbers of its article
	// sentences, ascending.
	numbered map[string][]int
	// citers lists, per source ID, the events that cite the source in
	// chronology order.
	citers map[string][]citer
	// partKeys are the keys of the story's events and sources, and
	// chronology the key of what the chronology's files are made from,
	// each made once (see keys.go).
	keysOnce       sync.Once
	partKeys       *keep.Story
	chronologyOnce sync.Once
	chronology     Key
	// filterKeys are the keys of its sources and speakers for the
	// filters, made once (see filters).
	filterOnce sync.Once
	filterKeys *storyFilters
	// pages are the pages of its chronology, made once (see chronicle).
	pagesOnce sync.Once
	pages     *chronicle
	// texts keeps the keys of the sources' texts from story to story;
	// nil for none.
	texts *keep.Texts
}

// citer is an event that cites a source, and the sentences it cites.
type citer struct {
	event *timeline.Event
	// label is the event's dateLabel, made once for all its sources.
	label     string
	sentences []int // ascending, no repeats
}

// newStory checks that tl can be rendered (unique, file-safe source IDs;
// spans inside their text; citations that point at sentences that
// exist) and arranges it.
func newStory(tl *timeline.Timeline, base string) (*story, error) {
	if tl == nil {
		return nil, fmt.Errorf("render site: no timeline")
	}
	st := &story{
		tl: tl, base: base, name: storyName(tl),
		byID:     make(map[string]*timeline.Source, len(tl.Sources)),
		numbered: make(map[string][]int, len(tl.Sources)),
		citers:   make(map[string][]citer, len(tl.Sources)),
	}
	// Each source is checked on its own, in parallel: a story of
	// thousands is checked at every rebuild of serve.
	numbers := make([][]int, len(tl.Sources))
	names := make([]string, len(tl.Sources))
	errs := make([]error, len(tl.Sources))
	parallel.For(len(tl.Sources), func(i int) {
		if src := tl.Sources[i]; src != nil {
			numbers[i], errs[i] = checkSource(src)
			names[i] = sourceName(src)
		}
	})
	st.names = make(map[string]string, len(tl.Sources))
	for i, src := range tl.Sources {
		if src == nil {
			return nil, fmt.Errorf("render site: a source is missing (nil)")
		}
		numbered, err := numbers[i], errs[i]
		if err != nil {
			return nil, fmt.Errorf("check source %q: %w", src.ID, err)
		}
		if st.byID[src.ID] != nil {
			return nil, fmt.Errorf("check source %q: two sources have this id", src.ID)
		}
		st.byID[src.ID] = src
		st.numbered[src.ID] = numbered
		st.names[src.ID] = names[i]
		st.sources = append(st.sources, src)
	}
	slices.SortFunc(st.sources, func(a, b *timeline.Source) int { return cmp.Compare(a.ID, b.ID) })
	// The events are checked while their citers are gathered, which
	// only reads them: the story is dropped if a check fails.
	checked := make(chan error, 1)
	go func() { checked <- st.checkEvents() }()
	for i := range tl.Events {
		st.addCiter(&tl.Events[i])
	}
	if err := <-checked; err != nil {
		return nil, err
	}
	return st, nil
}

// checkSource checks that src's ID can name a file and that its blocks
// and sentences lie inside its text with unique sentence numbers, and
// returns the numbers of its article sentences, ascending.
func checkSource(src *timeline.Source) ([]int, error) {
	if src.ID == "" || src.ID == "." || src.ID == ".." || strings.ContainsAny(src.ID, "/\\") {
		return nil, fmt.Errorf("id cannot name a file")
	}
	for i, b := range src.Blocks {
		if !inside(b.Span, len(src.Text)) {
			return nil, fmt.Errorf("block %d: span %v outside the text (%d bytes)", i, b.Span, len(src.Text))
		}
	}
	var numbered []int
	for _, s := range src.Sentences {
		if s.Block < 0 || s.Block >= len(src.Blocks) {
			return nil, fmt.Errorf("sentence %d: block %d does not exist", s.N, s.Block)
		}
		if !src.Blocks[s.Block].Span.Contains(s.Span) || s.Span.Start > s.Span.End {
			return nil, fmt.Errorf("sentence %d: span %v outside its block", s.N, s.Span)
		}
		if s.N > 0 {
			numbered = append(numbered, s.N)
		}
	}
	slices.Sort(numbered) // they come in order, as a rule
	for i := 1; i < len(numbered); i++ {
		if numbered[i] == numbered[i-1] {
			return nil, fmt.Errorf("two sentences are numbered %d", numbered[i])
		}
	}
	return numbered, nil
}

func inside(s timeline.Span, n int) bool {
	return 0 <= s.Start && s.Start <= s.End && s.End <= n
}

// checkEvents checks that every event has a date and a unique ID and
// that every citation points at an article sentence of a known source.
func (st *story) checkEvents() error {
	ids := make(map[string]bool, len(st.tl.Events))
	for i := range st.tl.Events {
		e := &st.tl.Events[i]
		if e.ID == "" || ids[e.ID] {
			return fmt.Errorf("check event %d %q: its id is empty or not unique", i, e.ID)
		}
		ids[e.ID] = true
		if e.Date.IsZero() {
			return fmt.Errorf("check event %q: it has no date", e.ID)
		}
		for j, c := range e.Citations {
			if st.byID[c.Source] == nil {
				return fmt.Errorf("check event %q: citation %d cites unknown source %q", e.ID, j+1, c.Source)
			}
			if _, found := slices.BinarySearch(st.numbered[c.Source], c.Sentence); !found {
				return fmt.Errorf("check event %q: citation %d cites sentence %d, which source %q does not have",
					e.ID, j+1, c.Sentence, c.Source)
			}
		}
		if err := st.checkDetails(e); err != nil {
			return fmt.Errorf("check event %q: %w", e.ID, err)
		}
	}
	return nil
}

// checkDetails checks that e's accounts point at its citations and that
// its other dates name known sources.
func (st *story) checkDetails(e *timeline.Event) error {
	for i, a := range e.Accounts {
		for _, n := range a.Citations {
			if n < 0 || n >= len(e.Citations) {
				return fmt.Errorf("account %d points at citation index %d of %d", i+1, n, len(e.Citations))
			}
		}
	}
	for _, o := range e.OtherDates {
		if st.byID[o.Source] == nil {
			return fmt.Errorf("other date %q names unknown source %q", o.Date, o.Source)
		}
	}
	return nil
}

// addCiter records the sentences e cites in each source.
func (st *story) addCiter(e *timeline.Event) {
	label := ""
	for _, c := range e.Citations {
		list := st.citers[c.Source]
		if len(list) == 0 || list[len(list)-1].event != e {
			if label == "" {
				label = dateLabel(e)
			}
			list = append(list, citer{event: e, label: label})
			st.citers[c.Source] = list
		}
		last := &list[len(list)-1] // the map's too: changed in place
		if i, found := slices.BinarySearch(last.sentences, c.Sentence); !found {
			last.sentences = slices.Insert(last.sentences, i, c.Sentence)
		}
	}
}

// sourceAt returns the source whose page is at path, or nil.
func (st *story) sourceAt(path string) *timeline.Source {
	id, ok := strings.CutPrefix(path, "sources/")
	if id, ok2 := strings.CutSuffix(id, ".html"); ok && ok2 {
		if src := st.byID[id]; src != nil && sourcePath(src.ID) == path {
			return src
		}
	}
	return nil
}

// title returns the story's title: the Timeline's, else one made from
// its events (see timeline.StoryTitle), else "Chronology".
func (st *story) title() string { return st.name }

// storyName returns what title returns for tl.
func storyName(tl *timeline.Timeline) string {
	if title := strings.TrimSpace(tl.Title); title != "" {
		return title // StoryTitle reads every source: only when needed
	}
	return cmp.Or(timeline.StoryTitle(tl.Sources, tl.Events), "Chronology")
}

// absolute returns the public address of the site file at path, or ""
// when the site has no base URL.
func (st *story) absolute(path string) string {
	if st.base == "" {
		return ""
	}
	return st.base + path
}

// sourceTitle returns the source's title, else its file name, else its ID.
func sourceTitle(src *timeline.Source) string {
	return cmp.Or(strings.TrimSpace(src.Title), src.File, src.ID)
}

// sourceHref returns the link from the site's root to the source page
// of id, with fragment when it is not "".
func sourceHref(id, fragment string) string {
	href := "sources/" + url.PathEscape(id) + ".html"
	if fragment != "" {
		href += "#" + fragment
	}
	return href
}
