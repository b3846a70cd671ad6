package timeline

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// repeatedStory is six sources, each published on its own day, each
// with a report of its own, a teaser every one prints, and a wire story
// two of them print on one day.
func repeatedStory() []Input {
	places := []string{"Arden", "Brisk", "Corran", "Dunmore", "Eskby", "Falk"}
	var inputs []Input
	for i, place := range places {
		day := fmt.Sprintf("2024-04-%02d", 10+i)
		text := fmt.Sprintf("---\npublished: %s\n---\n"+
			"Workers at the %s mill walked out on %s over unpaid wages, the union said.\n\n"+
			"Hopes for a settlement of the wider dispute remain alive, says our correspondent in the capital.\n\n", day, place, "Monday")
		if i < 2 {
			text += "The national rail operator cancelled all freight trains across the northern region on Monday.\n\n"
		}
		inputs = append(inputs, Input{Name: strings.ToLower(place) + ".txt", Data: []byte(text)})
	}
	return inputs
}

// TestRepeatedBlocks checks that a line many sources print on many days
// is page furniture, not news, while one story two print on one day is
// news; and that readings decoded from the cache build the same.
func TestRepeatedBlocks(t *testing.T) {
	inputs := repeatedStory()
	readings := readEach(t, inputs)
	a := assembleOf(t, readings)
	for _, src := range a.Timeline.Sources {
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
	for _, e := range a.Timeline.Events {
		for _, c := range e.Citations {
			if strings.Contains(c.Quote, "Hopes for a settlement") {
				t.Errorf("event %q cites the teaser", e.Title)
			}
		}
	}
	decoded := decodeEach(t, inputs, readings)
	if got := assembleOf(t, decoded); !reflect.DeepEqual(got.Timeline, a.Timeline) {
		t.Error("decoded readings build another timeline")
	}
	for _, rd := range decoded {
		if rd.Grown() {
			t.Errorf("%s: mentions found again though remembered with their marks", rd.File())
		}
	}
}
