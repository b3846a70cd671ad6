package site

import (
	"maps"
	"slices"
	"testing"

	"github.com/timeline-project/timeline/timeline"
)

// TestCitersOfAnyCitationOrder checks the sentences newStory records
// each event citing in each source, for citations in the order package
// timeline gives them (by source, sentences ascending) and in others:
// out of order, repeated, a source's citations apart.
func TestCitersOfAnyCitationOrder(t *testing.T) {
	cite := func(source string, sentence int) timeline.Citation {
		return timeline.Citation{Source: source, Sentence: sentence, Quote: "q"}
	}
	orders := map[string][]timeline.Citation{
		"by source":      {cite("a-news", 2), cite("a-news", 3), cite("b-blog", 1), cite("b-blog", 2)},
		"source apart":   {cite("a-news", 2), cite("a-news", 3), cite("b-blog", 1), cite("a-news", 6)},
		"descending":     {cite("a-news", 6), cite("a-news", 3), cite("b-blog", 2), cite("b-blog", 1)},
		"repeated":       {cite("a-news", 2), cite("a-news", 2), cite("a-news", 6), cite("b-blog", 1), cite("b-blog", 1)},
		"mixed":          {cite("b-blog", 2), cite("a-news", 6), cite("b-blog", 1), cite("a-news", 2), cite("a-news", 3)},
		"one a source":   {cite("a-news", 4), cite("b-blog", 2)},
		"one source run": {cite("a-news", 1), cite("a-news", 4), cite("a-news", 5)},
	}
	for _, name := range slices.Sorted(maps.Keys(orders)) {
		t.Run(name, func(t *testing.T) {
			tl := fixture(t)
			// Each event cites as the case says, the next ones after it too,
			// so that their sentences follow its own in the arena.
			for i := range tl.Events {
				tl.Events[i].Citations = slices.Clone(orders[name])
				tl.Events[i].Accounts = nil
			}
			st, err := newStory(tl, "")
			if err != nil {
				t.Fatal(err)
			}
			want := map[string][]int{}
			for _, c := range orders[name] {
				want[c.Source] = append(want[c.Source], c.Sentence)
			}
			for source, sentences := range want {
				slices.Sort(sentences)
				want[source] = slices.Compact(sentences)
				citers := st.citers[source]
				if len(citers) != len(tl.Events) {
					t.Fatalf("%s: %d citers, want one an event (%d)", source, len(citers), len(tl.Events))
				}
				for i, c := range citers {
					if c.event != &tl.Events[i] || !slices.Equal(c.sentences, want[source]) {
						t.Errorf("%s: citer %d is event %q, sentences %v; want %q, %v",
							source, i, c.event.ID, c.sentences, tl.Events[i].ID, want[source])
					}
				}
			}
			if len(st.citers) != len(want) {
				t.Errorf("citers of %d sources, want %d", len(st.citers), len(want))
			}
		})
	}
}
