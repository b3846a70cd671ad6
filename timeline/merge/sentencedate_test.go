package merge

import (
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/dating"
	"github.com/timeline-project/timeline/timeline/timex"
)

// mentionDates reads text as a Markdown source published on pub and
// returns, for each mention, its sentence and its date ("" undated, or
// reported by its publication date as a lead is), with "~" before a date
// taken by context.
func mentionDates(t *testing.T, pub, text string) map[string]string {
	t.Helper()
	data := "---\npublished: " + pub + "\n---\n\n" + text
	rs := readSources(t, []timeline.Input{{Name: "a.md", Data: []byte(data)}})
	dating.Publications(rs, nil, timex.Date{})
	out := map[string]string{}
	for _, m := range Mentions(rs[0]) {
		d := ""
		if !m.undated() && m.Basis != timeline.DatedReported {
			d = m.Date.String()
			if m.Precision == 0 || m.Precision > 1 {
				d = d[:4]
			}
			if m.Basis == timeline.DatedContext {
				d = "~" + d
			}
		}
		out[m.quoted()] = d
	}
	return out
}

// TestDateSentence checks how a sentence is dated: by its own words, by
// a line's label, or by the sentence before it, and when not.
func TestDateSentence(t *testing.T) {
	tests := []struct {
		name, pub, text string
		want            map[string]string // sentence: date; a missing sentence is no mention
	}{
		{"context keeps to a recent past", "2010-06-03",
			"Troops landed in the city on Tuesday. They brought food and water for the people.",
			map[string]string{"They brought food and water for the people.": "~2010-06-01"}},
		{"an old date is not what a saying reports now", "2010-06-03",
			"The spill is the worst since the Exxon Valdez disaster in 1989. BP would be held responsible for all damages, Eric Holder said.",
			map[string]string{"BP would be held responsible for all damages, Eric Holder said.": ""}},
		{"an old date is not taken by the present", "2010-06-03",
			"The Ixtoc well exploded in 1979 off the Mexican coast. BP says its latest attempt to stem the flow is making progress.",
			map[string]string{"BP says its latest attempt to stem the flow is making progress.": ""}},
		{"an old date goes on in a past narrative", "2010-06-03",
			"The Ixtoc well exploded in 1979 off the Mexican coast. Workers capped it after many attempts and pumped mud into it.",
			map[string]string{"Workers capped it after many attempts and pumped mud into it.": "~1979"}},
		{"a present perfect reports now", "2010-06-03",
			"The rig exploded on Tuesday in the gulf. Oil has leaked into the sea ever since then, officials say.",
			map[string]string{"Oil has leaked into the sea ever since then, officials say.": ""}},
		{"a relative clause's day is not when the sentence's news happened", "2023-06-22",
			"Officials spoke to reporters at the port. They gave few details of the search. Families waited for news at the harbour.\n\n" +
				"The Titan, which disappeared on Sunday, experienced a catastrophic implosion, the coast guard says. The man, who was arrested on Monday, said nothing.",
			map[string]string{"The Titan, which disappeared on Sunday, experienced a catastrophic implosion, the coast guard says.": "",
				"The man, who was arrested on Monday, said nothing.": ""}},
		{"a relative clause that ends the sentence still dates it", "2023-06-22",
			"Officials spoke to reporters at the port. They gave few details of the search. Families waited for news at the harbour.\n\n" +
				"Rescuers found debris of the Titan, which disappeared on Sunday.",
			map[string]string{"Rescuers found debris of the Titan, which disappeared on Sunday.": "2023-06-18"}},
		{"a speaker's present answers a recent report", "2023-05-23",
			"Intense clashes took place in the region on Monday morning. Kyiv denies any responsibility, but analysts agree that it could not have started without them.",
			map[string]string{"Kyiv denies any responsibility, but analysts agree that it could not have started without them.": "~2023-05-22"}},
		{"a state in the present after a date gone", "2023-05-23",
			"Intense clashes took place in the region on Monday morning. The region remains tense and its people are afraid.",
			map[string]string{"The region remains tense and its people are afraid.": ""}},
		{"a recent span's start dates it", "2023-05-23",
			"Intense clashes have been taking place in the region since Monday morning.",
			map[string]string{"Intense clashes have been taking place in the region since Monday morning.": "2023-05-22"}},
		{"a deadline is not when it was set", "2011-11-19",
			"The Arab League set a deadline of Saturday for Syria to comply with its peace plan. Ministers gave the government until Monday to answer.",
			map[string]string{"The Arab League set a deadline of Saturday for Syria to comply with its peace plan.": ""}},
		{"a count from an anchor is not the anchor's date", "2010-01-20",
			"Rescuers pulled a girl alive from the rubble two days after 12 January, officials said.",
			map[string]string{"Rescuers pulled a girl alive from the rubble two days after 12 January, officials said.": ""}},
		{"since X bounds a span", "2010-07-16",
			"No oil has leaked from the well since 20 April, BP said.",
			map[string]string{"No oil has leaked from the well since 20 April, BP said.": ""}},
		{"the day of the happening, not the span's start", "2010-07-16",
			"The well, which had leaked since 20 April, was capped on 15 July by engineers.",
			map[string]string{"The well, which had leaked since 20 April, was capped on 15 July by engineers.": "2010-07-15"}},
		{"a year that qualifies a noun", "2010-01-16",
			"Ms Byrs said the situation was worse than the devastation wrought by the 2004 tsunami.",
			map[string]string{"Ms Byrs said the situation was worse than the devastation wrought by the 2004 tsunami.": ""}},
		{"a year after a temporal preposition dates", "2008-09-25",
			"In the 2004 election, John Kerry won all three debates.",
			map[string]string{"In the 2004 election, John Kerry won all three debates.": "2004"}},
		{"a line's label dates its entry", "2005-10-19",
			"1974: At least five Shia religious leaders are killed.\n\n1983: Thousands of members of the tribe are arrested.",
			map[string]string{"At least five Shia religious leaders are killed.": "1974",
				"Thousands of members of the tribe are arrested.": "1983"}},
		{"a clock time tells no day long gone that the text named before", "2011-02-01",
			"The record is 24.5 inches set April 6, 1886. (10:55 a.m. ET) Four thousand flights have been canceled due to the weather.\n\nOn Sept. 11, 2001, at 8:46 a.m., the first plane hit the tower.",
			map[string]string{"(10:55 a.m. ET) Four thousand flights have been canceled due to the weather.": "",
				"On Sept. 11, 2001, at 8:46 a.m., the first plane hit the tower.": "2001-09-11"}},
		{"a clock time in the past tells the hour, not the day", "2010-01-13",
			"Rescuers worked through the night in the capital.\n\nThe tremor hit at 1653 (2153 GMT), about 15km south-west of Port-au-Prince.\n\nOn Wednesday police closed the port at 0900 GMT.",
			map[string]string{"The tremor hit at 1653 (2153 GMT), about 15km south-west of Port-au-Prince.": "",
				"On Wednesday police closed the port at 0900 GMT.": "2010-01-13"}},
		{"now is no day of its own, nor a reason to leave a report out", "2023-06-20",
			"Planes, ships and drones are now searching for the missing submersible near the wreck. The company has been criticised for its safety in the past.",
			map[string]string{"Planes, ships and drones are now searching for the missing submersible near the wreck.": "",
				"The company has been criticised for its safety in the past.": ""}},
		{"a live blog's clock labels date entries on its day", "2010-06-03",
			"1955: Obama says the spill is the worst disaster.\n\n1945: The BBC's David Willis says the oil is still flowing.\n\n1917: White House officials said the talks continue.",
			map[string]string{"Obama says the spill is the worst disaster.": "2010-06-03",
				"The BBC's David Willis says the oil is still flowing.": "2010-06-03",
				"White House officials said the talks continue.":        "2010-06-03"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mentionDates(t, tt.pub, tt.text)
			for s, want := range tt.want {
				d, ok := got[s]
				switch {
				case !ok:
					t.Errorf("%q is no mention; mentions: %q", s, keysOf(got))
				case d != want:
					t.Errorf("%q dated %q, want %q", s, d, want)
				}
			}
		})
	}
}

// TestTimeToComeIsNoMention: a sentence whose only time is one to come
// reports nothing that happened.
func TestTimeToComeIsNoMention(t *testing.T) {
	got := mentionDates(t, "2023-06-20", "Leaders will meet in Paris next week to discuss the search. The inquiry opens tomorrow in London, officials said.")
	for s := range got {
		t.Errorf("%q is a mention, dated %q; want none", s, got[s])
	}
}

// keysOf returns the keys of m, for a failure message.
func keysOf(m map[string]string) string {
	var b strings.Builder
	for k, v := range m {
		b.WriteString("\n\t" + k + " = " + v)
	}
	return b.String()
}
