package build

import (
	"fmt"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
)

// repeatedStory is six sources, each published on its own day, each
// with a report of its own, a teaser every one prints, and a wire story
// two of them print on one day.
func repeatedStory() []timeline.Input {
	places := []string{"Arden", "Brisk", "Corran", "Dunmore", "Eskby", "Falk"}
	var inputs []timeline.Input
	for i, place := range places {
		day := fmt.Sprintf("2024-04-%02d", 10+i)
		text := fmt.Sprintf("---\npublished: %s\n---\n"+
			"Workers at the %s mill walked out on %s over unpaid wages, the union said.\n\n"+
			"Hopes for a settlement of the wider dispute remain alive, says our correspondent in the capital.\n\n", day, place, "Monday")
		if i < 2 {
			text += "The national rail operator cancelled all freight trains across the northern region on Monday.\n\n"
		}
		inputs = append(inputs, timeline.Input{Name: strings.ToLower(place) + ".txt", Data: []byte(text)})
	}
	return inputs
}

// TestRepeatedBlocks checks that a line many sources print on many days
// is page furniture, not news, while one story two print on one day is
// news.
func TestRepeatedBlocks(t *testing.T) {
	tl, _, err := Build(repeatedStory(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range tl.Sources {
		for _, b := range src.Blocks {
			text := b.Span.Of(src.Text)
			teaser := strings.HasPrefix(text, "Hopes for a settlement")
			if teaser && !strings.Contains(b.Furniture, "printed by 6 sources") {
				t.Errorf("%s: the teaser is %q, want furniture printed by 6 sources", src.ID, b.Furniture)
			}
			if !teaser && b.IsFurniture() {
				t.Errorf("%s: %q is furniture (%s)", src.ID, text, b.Furniture)
			}
		}
	}
	for _, e := range tl.Events {
		for _, c := range e.Citations {
			if strings.Contains(c.Quote, "Hopes for a settlement") {
				t.Errorf("event %q cites the teaser", e.Title)
			}
		}
	}
}

// TestRepeatedOpeningBlocks checks that in a story too large for five
// sources to be a share of it, a line five open with on five days is
// furniture (a site's ticker), while a paragraph five print inside
// their articles on five days is article text (background a wire
// service repeats).
func TestRepeatedOpeningBlocks(t *testing.T) {
	var inputs []timeline.Input
	for i := range 300 {
		day := fmt.Sprintf("2024-%02d-%02d", 1+i/28, 1+i%28)
		text := fmt.Sprintf("Workers at mill number %d walked out on Monday over unpaid wages, the union said.\n\n", i)
		if i%60 == 0 {
			text = "Two men were charged in the death of a singer who performed at a festival.\n\n" + text +
				"The strike over unpaid wages at the mills began last year, the union said.\n\n"
		}
		inputs = append(inputs, timeline.Input{Name: fmt.Sprintf("mill%03d.txt", i), Data: []byte("---\npublished: " + day + "\n---\n" + text)})
	}
	tl, _, err := Build(inputs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tickers := 0
	for _, src := range tl.Sources {
		for _, b := range src.Blocks {
			switch text := b.Span.Of(src.Text); {
			case strings.HasPrefix(text, "Two men were charged"):
				tickers++
				if !strings.Contains(b.Furniture, "printed by 5 sources") {
					t.Errorf("%s: the ticker is %q, want furniture printed by 5 sources", src.ID, b.Furniture)
				}
			case b.IsFurniture():
				t.Errorf("%s: %q is furniture (%s)", src.ID, text, b.Furniture)
			}
		}
	}
	if tickers != 5 {
		t.Errorf("%d sources print the ticker, want 5", tickers)
	}
}
