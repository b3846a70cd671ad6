package merge

import (
	"math/rand/v2"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/claim"
	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/words"
)

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
		a := &Mention{Src: &timeline.Source{ID: "a"}, Figures: claim.FiguresOf(words.Split(tt.a))}
		b := &Mention{Src: &timeline.Source{ID: "b"}, Figures: claim.FiguresOf(words.Split(tt.b))}
		if got := figuresDisagree([]*Mention{a, b}); got != tt.want {
			t.Errorf("figuresDisagree(%q, %q) = %v, want %v (%+v, %+v)", tt.a, tt.b, got, tt.want, a.Figures, b.Figures)
		}
	}
}

// TestFiguresDisagreeAsPairs checks figuresDisagree against its
// definition, every pair of members from two sources, on random events.
func TestFiguresDisagreeAsPairs(t *testing.T) {
	pairs := func(members []*Mention) bool {
		for i, a := range members {
			for _, b := range members[i+1:] {
				if a.Src == b.Src {
					continue
				}
				for _, f := range a.Figures {
					for _, g := range b.Figures {
						if f.Disagrees(g) {
							return true
						}
					}
				}
			}
		}
		return false
	}
	rng := rand.New(rand.NewPCG(1, 2))
	sources := []*timeline.Source{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	units := []string{"dead", "injured"}
	seen := map[bool]int{}
	for range 5000 {
		var members []*Mention
		for range 1 + rng.IntN(4) {
			m := &Mention{Src: sources[rng.IntN(len(sources))]}
			for range rng.IntN(3) {
				m.Figures = append(m.Figures, claim.Figure{Value: 1 + rng.IntN(4), Unit: units[rng.IntN(len(units))],
					AtLeast: rng.IntN(4) == 0, Approx: rng.IntN(5) == 0})
			}
			members = append(members, m)
		}
		want := pairs(members)
		seen[want]++
		if got := figuresDisagree(members); got != want {
			for _, m := range members {
				t.Logf("%s %+v", m.Src.ID, m.Figures)
			}
			t.Fatalf("figuresDisagree = %v, pair by pair %v", got, want)
		}
	}
	if seen[true] < 100 || seen[false] < 100 {
		t.Errorf("random events: %d disagree, %d agree; want both kinds", seen[true], seen[false])
	}
}

// TestDateDisagreement: a report dated only through an inferred
// publication date joins the explicitly dated report of the same facts
// a day away; the event keeps the explicit date and names the other.
func TestDateDisagreement(t *testing.T) {
	text := "Rebels seized the northern dam and cut power to 9,300 homes in the valley."
	mk := func(id string, d timex.Date, basis timeline.DateBasis) Mention {
		src := &timeline.Source{ID: id, Text: text}
		s := timeline.Sentence{Span: timeline.Span{Start: 0, End: len(text)}, N: 1}
		return Mention{Src: src, Sentence: s, Date: d, Precision: timex.PrecisionDay, Basis: basis,
			DateSpan: timeline.Span{Start: 0, End: 6}, Terms: words.Terms(words.Split(text), new(words.TermSet)), Figures: claim.FiguresOf(words.Split(text))}
	}
	ms := []Mention{
		mk("a", timex.NewDate(2024, 3, 4), timeline.DatedExplicit),
		mk("b", timex.NewDate(2024, 3, 5), timeline.DatedInferred),
	}
	events := Events(pointersTo(ms))
	if len(events) != 1 {
		t.Fatalf("%d events, want the two reports merged into one", len(events))
	}
	e := events[0]
	if e.DateString() != "2024-03-04" || e.Dating.Basis != timeline.DatedExplicit {
		t.Errorf("event dated %s by %s, want 2024-03-04 by explicit", e.DateString(), e.Dating.Basis)
	}
	if len(e.OtherDates) != 1 || e.OtherDates[0].Source != "b" || e.OtherDates[0].Date != "2024-03-05" {
		t.Errorf("other dates %+v, want b on 2024-03-05", e.OtherDates)
	}
}
