package timeline

import (
	"testing"
)

// titled returns an event with the given title and rank, citing n
// sources.
func titled(title string, rank, n int) Event {
	e := Event{Title: title, Rank: rank}
	for i := range n {
		e.Citations = append(e.Citations, Citation{Source: string(rune('a' + i))})
	}
	return e
}

func TestStoryTitle(t *testing.T) {
	for _, tc := range []struct {
		name   string
		events []Event
		want   string
	}{
		{"no events", nil, ""},
		{"only function words and numbers", []Event{titled("It was 12 of them", 1, 3)}, ""},
		{"names and words of the most reported, a phrase kept", []Event{
			titled("Missing Titanic sub: search goes on", 1, 9),
			titled("Debris of the missing sub found near Titanic", 2, 8),
			titled("Titanic tourist sub lost", 3, 5),
			titled("Weather in Halifax", 4, 1),
		}, "Titanic sub, missing"},
		{"no phrase across a comma", []Event{
			titled("The quake, Haiti's worst, struck", 1, 6),
			titled("Aid for Haiti after the quake", 2, 3),
		}, "Haiti, quake"}, // "struck" and "worst", as often, are left out both
		{"background and the least reported left out", []Event{
			{Title: "Empire founded by settlers", Background: true, Rank: 1, Citations: []Citation{{Source: "a"}, {Source: "b"}}},
			titled("Border raid in Belgorod", 2, 4),
			titled("Belgorod governor reports drones", 3, 2),
		}, "Belgorod, Border raid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := StoryTitle(tc.events); got != tc.want {
				t.Errorf("StoryTitle = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestStoryTitleStaysWhenASourceIsAdded adds, one at a time, sources
// that report two words of the story counted about as often, either of
// which a source more puts before the other: the title, which every page
// shows, stays the same.
func TestStoryTitleStaysWhenASourceIsAdded(t *testing.T) {
	events := []Event{titled("Belgorod raid", 1, 60), titled("Belgorod border clashes", 2, 30), titled("Belgorod region shelled", 3, 30)}
	want := StoryTitle(events)
	if want != "Belgorod raid" {
		t.Fatalf("StoryTitle = %q, want %q", want, "Belgorod raid")
	}
	for i := range 4 {
		word := []string{"border", "region"}[i%2]
		events = append(events, titled("Fighting at the "+word, 10+i, 1))
		if got := StoryTitle(events); got != want {
			t.Errorf("after %d more sources: %q, want %q", i+1, got, want)
		}
	}
}

// TestStoryTitleKeepsItsOrder adds sources that report one of the two
// words of the title, one at a time, until it counts a third more than
// the other: past the margin it is no longer "about as often", but the
// two stay in the order they had, for every page shows the title.
func TestStoryTitleKeepsItsOrder(t *testing.T) {
	events := []Event{titled("Russian", 1, 12), titled("Belgorod", 2, 12)}
	want := StoryTitle(events)
	if want != "Belgorod, Russian" {
		t.Fatalf("StoryTitle = %q, want %q", want, "Belgorod, Russian")
	}
	for i := range 4 {
		events = append(events, titled("Russian", 10+i, 1))
		if got := StoryTitle(events); got != want {
			t.Errorf("after %d more sources: %q, want %q", i+1, got, want)
		}
	}
}
