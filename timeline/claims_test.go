package timeline

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/words"
)

// story is three reports of one day's arrests: one dates it, one dates it
// and a denial, one, published the day after, names no date: its lead
// reports it by its publication date. The second sentence of the first
// goes on with its lead.
var story = []Input{
	{Name: "a.txt", Data: []byte("---\npublished: 2024-03-06\n---\n" +
		"The Interior Ministry said on Tuesday that its forces had arrested 45 protesters near the parliament building.\n\n" +
		"Officers also detained the leaders of the march and seized banners and loudspeakers.\n\n" +
		"Unrelated paragraph: the city council met on Monday to approve a new budget for schools and parks.\n")},
	{Name: "b.txt", Data: []byte("---\npublished: 2024-03-06\n---\n" +
		"On Tuesday, police arrested 45 protesters near the parliament building, according to the Interior Ministry. " +
		"The opposition party denied that its members were involved in any violence.\n")},
	{Name: "c.txt", Data: []byte("---\npublished: 2024-03-07\n---\n" +
		"Police arrested 45 protesters near the parliament building after clashes, the ministry of the interior said.\n")},
}

func eventCiting(tl *Timeline, source string, sentence int) *Event {
	for i := range tl.Events {
		for _, c := range tl.Events[i].Citations {
			if c.Source == source && c.Sentence == sentence {
				return &tl.Events[i]
			}
		}
	}
	return nil
}

func TestClaimsAndDisputes(t *testing.T) {
	tl, _, err := Build(story, Options{Today: timex.NewDate(2024, 4, 1)})
	if err != nil {
		t.Fatal(err)
	}
	e := eventCiting(tl, "a", 1)
	if e == nil {
		t.Fatal("no event cites a#1")
	}
	if e.DateString() != "2024-03-05" || e.Dating.Basis != DatedRelative {
		t.Errorf("date %s by %s, want 2024-03-05 by relative", e.DateString(), e.Dating.Basis)
	}
	var sources []string
	for _, c := range e.Citations {
		sources = append(sources, fmt.Sprintf("%s#%d:%s:%s:%s", c.Source, c.Sentence, c.DateBasis, c.Stance, c.Speaker))
	}
	want := []string{
		"a#1:relative:claim:Interior Ministry",
		"a#2:reported:report:",
		"b#1:relative:claim:Interior Ministry",
		"b#2:context:denial:opposition party",
		"c#1:reported:claim:Interior Ministry",
	}
	if strings.Join(sources, " ") != strings.Join(want, " ") {
		t.Errorf("citations\n  %s\nwant\n  %s", strings.Join(sources, "\n  "), strings.Join(want, "\n  "))
	}
	if !e.Disputed || len(e.Accounts) < 2 {
		t.Errorf("disputed %v with accounts %+v, want a denial beside the claim", e.Disputed, e.Accounts)
	}
	if e.Stance != StanceClaim || !strings.Contains(e.Title, "45 protesters") {
		t.Errorf("stance %s, title %q", e.Stance, e.Title)
	}
	if got := strings.Join(e.ClaimedBy, "; "); got != "Interior Ministry; opposition party" {
		t.Errorf("claimed by %q", got)
	}
	if c := e.Citations[3]; c.DateText != "" || c.DatedBy != 1 {
		t.Errorf("context-dated citation: date text %q, dated by %d", c.DateText, c.DatedBy)
	}
}

func TestFiguresDisagree(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"The attack left 12 people injured.", "One person was killed and eight injured.", true},
		{"Security forces killed 70 fighters.", "More than 70 attackers were eliminated.", false},
		{"At least 70 terrorists died.", "Troops killed 82 militants.", false},
		{"About 40 people were hurt.", "52 were injured.", false},
		{"Three soldiers were killed.", "Four soldiers died.", true},
	}
	for _, tt := range tests {
		a := &mention{src: &Source{ID: "a"}, figures: figuresOf(words.Split(tt.a))}
		b := &mention{src: &Source{ID: "b"}, figures: figuresOf(words.Split(tt.b))}
		if got := figuresDisagree([]*mention{a, b}); got != tt.want {
			t.Errorf("figuresDisagree(%q, %q) = %v, want %v (%+v, %+v)", tt.a, tt.b, got, tt.want, a.figures, b.figures)
		}
	}
}

// TestFiguresDisagreeAsPairs checks figuresDisagree against its
// definition, every pair of members from two sources, on random events.
func TestFiguresDisagreeAsPairs(t *testing.T) {
	pairs := func(members []*mention) bool {
		for i, a := range members {
			for _, b := range members[i+1:] {
				if a.src == b.src {
					continue
				}
				for _, f := range a.figures {
					for _, g := range b.figures {
						if f.disagrees(g) {
							return true
						}
					}
				}
			}
		}
		return false
	}
	rng := rand.New(rand.NewPCG(1, 2))
	sources := []*Source{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	units := []string{"dead", "injured"}
	seen := map[bool]int{}
	for range 5000 {
		var members []*mention
		for range 1 + rng.IntN(4) {
			m := &mention{src: sources[rng.IntN(len(sources))]}
			for range rng.IntN(3) {
				m.figures = append(m.figures, figure{value: 1 + rng.IntN(4), unit: units[rng.IntN(len(units))],
					atLeast: rng.IntN(4) == 0, approx: rng.IntN(5) == 0})
			}
			members = append(members, m)
		}
		want := pairs(members)
		seen[want]++
		if got := figuresDisagree(members); got != want {
			for _, m := range members {
				t.Logf("%s %+v", m.src.ID, m.figures)
			}
			t.Fatalf("figuresDisagree = %v, pair by pair %v", got, want)
		}
	}
	if seen[true] < 100 || seen[false] < 100 {
		t.Errorf("random events: %d disagree, %d agree; want both kinds", seen[true], seen[false])
	}
}

func TestBackgroundEvents(t *testing.T) {
	in := []Input{{Name: "a.txt", Data: []byte("---\npublished: 2023-05-24\n---\n" +
		"The commander, who was granted citizenship in 2015 by the neighbouring state, led the raid on Monday.\n\n" +
		"The unit was founded in 2017 by former soldiers of the national army.\n")}}
	tl, _, err := Build(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range tl.Events {
		got = append(got, fmt.Sprintf("%s %s %v", e.DateString(), e.Precision, e.Background))
	}
	want := "2017 year true; 2023-05-22 day false"
	if strings.Join(got, "; ") != want {
		t.Errorf("events %q, want %q", strings.Join(got, "; "), want)
	}
}

// TestStableIDs adds a source on another matter and checks that the
// events it does not join keep their IDs.
func TestStableIDs(t *testing.T) {
	before, _, err := Build(story, Options{})
	if err != nil {
		t.Fatal(err)
	}
	extra := Input{Name: "0-extra.txt", Data: []byte("---\npublished: 2024-03-06\n---\n" +
		"The central bank said on Tuesday that it had raised interest rates by half a point to curb inflation.\n")}
	after, _, err := Build(append([]Input{extra}, story...), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, e := range after.Events {
		ids[e.ID] = true
	}
	for _, e := range before.Events {
		if !ids[e.ID] {
			t.Errorf("event %s (%q) lost its ID when an unrelated source was added", e.ID, e.Title)
		}
	}
	if len(after.Events) != len(before.Events)+1 {
		t.Errorf("%d events after adding a source of one event, want %d", len(after.Events), len(before.Events)+1)
	}
}

// TestDateDisagreement: a report dated only through an inferred
// publication date joins the explicitly dated report of the same facts
// a day away; the event keeps the explicit date and names the other.
func TestDateDisagreement(t *testing.T) {
	text := "Rebels seized the northern dam and cut power to 9,300 homes in the valley."
	mk := func(id string, d timex.Date, basis DateBasis) mention {
		src := &Source{ID: id, Text: text}
		s := Sentence{Span: Span{0, len(text)}, N: 1}
		return mention{src: src, sentence: s, date: d, precision: timex.PrecisionDay, basis: basis,
			dateSpan: Span{0, 6}, terms: words.Terms(words.Split(text), new(words.TermSet)), figures: figuresOf(words.Split(text))}
	}
	ms := []mention{
		mk("a", timex.NewDate(2024, 3, 4), DatedExplicit),
		mk("b", timex.NewDate(2024, 3, 5), DatedInferred),
	}
	events := eventsOf(pointersTo(ms))
	if len(events) != 1 {
		t.Fatalf("%d events, want the two reports merged into one", len(events))
	}
	e := events[0]
	if e.DateString() != "2024-03-04" || e.Dating.Basis != DatedExplicit {
		t.Errorf("event dated %s by %s, want 2024-03-04 by explicit", e.DateString(), e.Dating.Basis)
	}
	if len(e.OtherDates) != 1 || e.OtherDates[0].Source != "b" || e.OtherDates[0].Date != "2024-03-05" {
		t.Errorf("other dates %+v, want b on 2024-03-05", e.OtherDates)
	}
}

// TestSeedClaimDisputed: in the shipped story, the claim of some 70
// attackers killed is one event citing at least three sources, disputed,
// with the ministry's claim and the legion's denial as accounts.
func TestSeedClaimDisputed(t *testing.T) {
	tl, _, err := Build(seedInputs(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var found *Event
	for i, e := range tl.Events {
		n := 0
		for _, c := range e.Citations {
			if strings.Contains(c.Quote, "70") {
				n++
			}
		}
		if n >= 3 {
			found = &tl.Events[i]
		}
	}
	if found == nil {
		t.Fatal("no event cites three sentences of 70 killed")
	}
	if found.sourceCount() < 3 || !found.Disputed || len(found.ClaimedBy) == 0 || found.DateString() != "2023-05-23" {
		t.Errorf("event %s: %d sources, disputed %v, claimed by %v", found.DateString(), found.sourceCount(), found.Disputed, found.ClaimedBy)
	}
	denied := false
	for _, a := range found.Accounts {
		denied = denied || a.Stance == StanceDenial && a.Speaker != ""
	}
	if !denied {
		t.Errorf("accounts %+v: want a speaker's denial", found.Accounts)
	}
}
