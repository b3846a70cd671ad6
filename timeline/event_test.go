package timeline

import (
	"strings"
	"testing"
)

// mentionOf makes a mention of the sentence text dated by the first
// occurrence of dateText in it.
func mentionOf(text, dateText string) *mention {
	src := &Source{Text: text}
	i := strings.Index(text, dateText)
	return &mention{src: src, sentence: Sentence{Span: Span{0, len(text)}}, dateSpan: Span{i, i + len(dateText)}}
}

func TestHeadline(t *testing.T) {
	tests := []struct{ sentence, date, want string }{
		{"On Tuesday, Moscow said that its forces had withdrawn.", "Tuesday", "Moscow said that its forces had withdrawn"},
		{"Peskov said on Monday the attack was a distraction.", "Monday", "Peskov said the attack was a distraction"},
		{"The ministry said Tuesday afternoon that 70 fighters were killed.", "Tuesday afternoon", "The ministry said that 70 fighters were killed"},
		{"Following Monday's raid, Moscow invoked an operation.", "Monday", "Following the raid, Moscow invoked an operation"},
		{"A dam gave way early on Monday, officials said.", "early on Monday", "A dam gave way, officials said"},
		{"Rescue teams worked through the night to reach families.", "the night", "Rescue teams worked through the night to reach families"},
		{"The fighting has gone on since Monday.", "Monday", "The fighting has gone on since Monday"},
		{"By Tuesday morning, the governor said, 14 people had died in the floods near the river and dam.", "Tuesday morning",
			"The governor said, 14 people had died in the floods near the river and…"},
		{"However, Kyiv denied on Monday any involvement in the attack.", "Monday", "Kyiv denied any involvement in the attack"},
		{"According to Moscow, the army repelled the attack on Monday.", "on Monday", "The army repelled the attack"},
		{"“We will return,” the commander said on Tuesday.", "Tuesday", "“We will return,” the commander said"},
		{"The Kremlin attacked the United States and Europe this Wednesday, May 24, after assuring that fighters use Western-supplied weapons.",
			"Wednesday, May 24", "The Kremlin attacked the United States and Europe"},
	}
	for _, tt := range tests {
		if got := headline(mentionOf(tt.sentence, tt.date)); got != tt.want {
			t.Errorf("headline(%q)\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

func TestEventIDsAreUniqueAndStable(t *testing.T) {
	cite := func(src string, n int) []Citation { return []Citation{{Source: src, Sentence: n}} }
	events := []Event{
		{Title: "Talks resume in the capital", Precision: 1, Citations: cite("a", 3)},
		{Title: "Talks resume in the capital", Precision: 1, Citations: cite("b", 3)},
		{Title: "¿Qué?", Precision: 1, Citations: cite("a", 3)},
		{Title: "¿Qué?", Precision: 1, Citations: cite("a", 3)},
	}
	for i := range events {
		events[i].Date.Year, events[i].Date.Month, events[i].Date.Day = 2023, 5, 22
	}
	eventIDs(events)
	seen := map[string]bool{}
	for i, e := range events {
		if seen[e.ID] {
			t.Errorf("event %d: id %q given twice", i, e.ID)
		}
		seen[e.ID] = true
	}
	if !strings.HasPrefix(events[0].ID, "2023-05-22-talks-resume-in-the-capital-") || events[0].ID == events[1].ID {
		t.Errorf("ids %q and %q: want the date, the title's words and a hash of the first citation", events[0].ID, events[1].ID)
	}
	if events[3].ID != events[2].ID+"-2" {
		t.Errorf("ids %q and %q: the second of two alike should be numbered", events[2].ID, events[3].ID)
	}
	again := []Event{events[1]}
	eventIDs(again)
	if again[0].ID != events[1].ID {
		t.Errorf("id %q alone, %q among others: want the same", again[0].ID, events[1].ID)
	}
}
