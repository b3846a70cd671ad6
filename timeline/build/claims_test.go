package build

import (
	"fmt"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/internal/fixture"
	"github.com/timeline-project/timeline/timeline/timex"
)

// story is three reports of one day's arrests: one dates it, one dates it
// and a denial, one, published the day after, names no date: its lead
// reports it by its publication date. The second sentence of the first
// goes on with its lead.
var story = []timeline.Input{
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

func eventCiting(tl *timeline.Timeline, source string, sentence int) *timeline.Event {
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
	if e.DateString() != "2024-03-05" || e.Dating.Basis != timeline.DatedRelative {
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
	if e.Stance != timeline.StanceClaim || !strings.Contains(e.Title, "45 protesters") {
		t.Errorf("stance %s, title %q", e.Stance, e.Title)
	}
	if got := strings.Join(e.ClaimedBy, "; "); got != "Interior Ministry; opposition party" {
		t.Errorf("claimed by %q", got)
	}
	if c := e.Citations[3]; c.DateText != "" || c.DatedBy != 1 {
		t.Errorf("context-dated citation: date text %q, dated by %d", c.DateText, c.DatedBy)
	}
}

func TestBackgroundEvents(t *testing.T) {
	in := []timeline.Input{{Name: "a.txt", Data: []byte("---\npublished: 2023-05-24\n---\n" +
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
	extra := timeline.Input{Name: "0-extra.txt", Data: []byte("---\npublished: 2024-03-06\n---\n" +
		"The central bank said on Tuesday that it had raised interest rates by half a point to curb inflation.\n")}
	after, _, err := Build(append([]timeline.Input{extra}, story...), Options{})
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

// TestSeedClaimDisputed: in the shipped story, the claim of some 70
// attackers killed is one event citing at least three sources, disputed,
// with the ministry's claim and the legion's denial as accounts.
func TestSeedClaimDisputed(t *testing.T) {
	tl, _, err := Build(fixture.Seeds(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var found *timeline.Event
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
	if found.SourceCount() < 3 || !found.Disputed || len(found.ClaimedBy) == 0 || found.DateString() != "2023-05-23" {
		t.Errorf("event %s: %d sources, disputed %v, claimed by %v", found.DateString(), found.SourceCount(), found.Disputed, found.ClaimedBy)
	}
	denied := false
	for _, a := range found.Accounts {
		denied = denied || a.Stance == timeline.StanceDenial && a.Speaker != ""
	}
	if !denied {
		t.Errorf("accounts %+v: want a speaker's denial", found.Accounts)
	}
}
