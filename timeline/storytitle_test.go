package timeline

import (
	"testing"
)

// headed returns a source whose text opens with its headline, as a
// feed item's or a page's does.
func headed(id, headline string) *Source { return headedWith(id, headline, "The article.") }

// headedWith returns a source of the headline and the body.
func headedWith(id, headline, body string) *Source {
	text := headline + "\n\n" + body
	return &Source{ID: id, Title: headline, Text: text, Blocks: []Block{
		{Span: Span{Start: 0, End: len(headline)}, Kind: Heading},
		{Span: Span{Start: len(headline) + 2, End: len(text)}, Kind: Paragraph},
	}}
}

// unheaded returns a source without a headline: its title is its first
// sentence, as the reader makes it.
func unheaded(id, first string) *Source {
	return &Source{ID: id, Title: first, Text: first, Blocks: []Block{{Span: Span{Start: 0, End: len(first)}, Kind: Paragraph}}}
}

// citing returns an event with the given title citing the sources.
func citing(title string, ids ...string) Event {
	e := Event{Title: title}
	for _, id := range ids {
		e.Citations = append(e.Citations, Citation{Source: id})
	}
	return e
}

func TestStoryTitle(t *testing.T) {
	for _, tc := range []struct {
		name    string
		sources []*Source
		events  []Event
		want    string
	}{
		{"no sources", nil, nil, ""},
		{"only function words and numbers", []*Source{headed("a", "It was 12 of them")}, nil, ""},
		{"words of the most headlines, a phrase kept", []*Source{
			headed("a", "Missing Titanic sub: search goes on"),
			headed("b", "Debris of the missing sub found near Titanic"),
			headed("c", "Titanic tourist sub lost"),
			headed("d", "Weather in Halifax"),
		}, nil, "Titanic sub, missing"},
		{"no phrase across a comma", []*Source{
			headed("a", "The quake, Haiti's worst, struck"),
			headed("b", "Aid for Haiti after the quake"),
			headed("c", "Haiti quake: rescue goes on"),
		}, nil, "Haiti quake"},
		{"a source without a headline counts its largest entry's title, not its first sentence", []*Source{
			unheaded("a", "By the Wire Staff Border raid in Belgorod"),
			unheaded("b", "By the Wire Staff Border raid"),
			unheaded("c", "By the Wire Staff Belgorod governor reports drones"),
		}, []Event{
			citing("Border raid in Belgorod", "a", "b", "c"),
			citing("Belgorod governor reports drones", "c"),
		}, "Belgorod, Border raid"},
		{"background entries left out", []*Source{
			unheaded("a", "Founded in 1600"), unheaded("b", "A border raid"),
		}, []Event{
			{Title: "Empire founded by settlers", Background: true, Citations: []Citation{{Source: "a"}, {Source: "b"}}},
			citing("Border raid in Belgorod", "b"),
		}, "Belgorod, Border raid"},
		{"of words as often in headlines, those of the largest entries first", []*Source{
			headed("a", "Floods in the Kamen valley"),
			headed("b", "Water reaches Dolna"),
			headed("c", "Hundreds leave their homes"),
		}, []Event{citing("Floods in the Kamen valley", "a", "b", "c")}, "Floods, Kamen valley"},
		{"a word only headlines in title case capitalize is written as the texts write it", []*Source{
			headedWith("a", "Russia Declares Victory Over Belgorod Insurgents", "The insurgents crossed into Belgorod."),
			headedWith("b", "Belgorod Insurgents Withdraw Across Border", "Insurgents left, and Belgorod said the insurgents had gone."),
		}, nil, "Belgorod insurgents"},
		{"no verbs, no words of every story, one form of a name", []*Source{
			headedWith("a", "Syrian troops killed protesters in Deraa", "Syrian troops killed protesters, people said."),
			headedWith("b", "Thousands of people took to the streets of Deraa in Syria", "People were killed."),
			headedWith("c", "Syria: protesters killed in Deraa", "Thousands took to the streets."),
		}, nil, "Deraa, protesters, Syria"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := StoryTitle(tc.sources, tc.events); got != tc.want {
				t.Errorf("StoryTitle = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestStoryTitleHoldsWhenTheLargestEntryIsRetitled retitles the entry
// that cites every source, as a source added may: the story's title,
// which every page shows, holds, for it counts each source's headline.
func TestStoryTitleHoldsWhenTheLargestEntryIsRetitled(t *testing.T) {
	var sources []*Source
	var ids []string
	for i, h := range []string{"Missing sub: search goes on", "Search for missing sub", "Sub missing near Titanic",
		"Missing submersible: search widens", "Titanic sub search", "Search for Titanic sub continues"} {
		id := string(rune('a' + i))
		sources = append(sources, headed(id, h))
		ids = append(ids, id)
	}
	want := StoryTitle(sources, []Event{citing("Search for missing sub", ids...)})
	if want != "Missing sub, search" {
		t.Fatalf("StoryTitle = %q, want %q", want, "Missing sub, search")
	}
	for _, title := range []string{"Titanic submersible lost", "Debris found near Titanic", "Coast Guard says submersible imploded"} {
		if got := StoryTitle(sources, []Event{citing(title, ids...)}); got != want {
			t.Errorf("the largest entry titled %q: %q, want %q", title, got, want)
		}
	}
}

// TestStoryTitleKeepsItsOrder adds sources that report one of the two
// words of the title, one at a time, until it counts a third more than
// the other: past the margin it is no longer "about as often", but the
// two stay in the order they had, for every page shows the title.
func TestStoryTitleKeepsItsOrder(t *testing.T) {
	var sources []*Source
	for i := range 24 {
		sources = append(sources, headed(string(rune('a'+i)), []string{"Russian", "Belgorod"}[i%2]))
	}
	want := StoryTitle(sources, nil)
	if want != "Belgorod, Russian" {
		t.Fatalf("StoryTitle = %q, want %q", want, "Belgorod, Russian")
	}
	for i := range 4 {
		sources = append(sources, headed(string(rune('A'+i)), "Russian"))
		if got := StoryTitle(sources, nil); got != want {
			t.Errorf("after %d more sources: %q, want %q", i+1, got, want)
		}
	}
}
