package read

import "testing"

// TestLeadEnds checks where an update stamp, a byline or a caption in
// capitals that opens a line ends.
func TestLeadEnds(t *testing.T) {
	tests := []struct {
		name string
		end  func(string) int
		line string
		want string // the lead; "" for none
	}{
		{"stamp", stampEnd, "Page last updated at 07:41 GMT, Wednesday, 13 January 2010 08:41 UK The city lay in ruins.", "Page last updated at 07:41 GMT, Wednesday, 13 January 2010 08:41 UK"},
		{"stamp with a colon", stampEnd, "Last updated: May 3, 2012 Talks resumed.", "Last updated: May 3, 2012"},
		{"updated as a verb", stampEnd, "Updated figures show the toll rose.", ""},
		{"a day before the stamp", stampEnd, "7 March 2012 Last updated at 13:06 GMT Help The UN's aid chief has arrived.", "7 March 2012 Last updated at 13:06 GMT Help"},
		{"a live page's time", stampEnd, "Monday 29 August 2005 02.36 BST Not since 1974 has a fight been so awaited.", "Monday 29 August 2005 02.36 BST"},
		{"a short day and a time", stampEnd, "09 February 12 16:07 GMT Pressure is building on the army.", "09 February 12 16:07 GMT"},
		{"a time that opens a sentence", stampEnd, "Monday 10:00 GMT, the deadline passed.", ""},
		{"a time at which", stampEnd, "Monday at 10:00 GMT the deadline passed.", ""},
		{"a live page's time alone", stampEnd, "Monday 29 August 2005 02.36 BST", "Monday 29 August 2005 02.36 BST"},
		{"a clock time without a zone", stampEnd, "Monday 29 August 2005 02.36 Not since 1974.", ""},
		{"byline before a sentence", bylineEnd, "By Jim Muir BBC News, Beirut The scars of the conflict are plain.", "By Jim Muir BBC News, Beirut"},
		{"byline with a role", bylineEnd, "By Fawaz Gerges Middle East analyst, LSE Protests have been staged.", "By Fawaz Gerges Middle East analyst, LSE"},
		{"byline then a name that opens the sentence", bylineEnd, "By Bridget Kendall Diplomatic correspondent, BBC News Russia has an old ally.", "By Bridget Kendall Diplomatic correspondent, BBC News"},
		{"byline alone", bylineEnd, "By Finlo Rohrer BBC News, Washington", "By Finlo Rohrer BBC News, Washington"},
		{"a wire staff's byline", bylineEnd, "By the CNN Wire Staff A woman holds a poster at a protest.", "By the CNN Wire Staff"},
		{"by the end", bylineEnd, "By the end of the day, most delegates had left.", ""},
		{"by a date", bylineEnd, "By Monday, most delegates had left.", ""},
		{"by as a preposition", bylineEnd, "By that reading, the escalation is about the balance.", ""},
		{"capitals before a sentence", capitalsEnd, "MARIE DUVAL, PORT CITY My family is missing.", "MARIE DUVAL, PORT CITY"},
		{"capitals before I", capitalsEnd, "ISABELLE JEANSON, MEDECINS SANS FRONTIERES I had the scare of my life.", "ISABELLE JEANSON, MEDECINS SANS FRONTIERES"},
		{"an acronym opens a sentence", capitalsEnd, "UN officials said aid was arriving.", ""},
		{"credit of agencies", creditEnd, "Photograph: Jim Watson/AFP/Getty CVs always get a polish.", "Photograph: Jim Watson/AFP/Getty"},
		{"credit of a handout", creditEnd, "Photograph: British Army Handout/PA Images of soldiers were shown.", "Photograph: British Army Handout/PA"},
		{"credit of a name", creditEnd, "Photograph: Tristram Kenton Hair was a musical.", "Photograph: Tristram Kenton"},
		{"credit of an agency", creditEnd, "Photo: AP It was the biggest TV event.", "Photo: AP"},
		{"credit glued to the text", creditEnd, "Photograph: Zed NelsonNext week the UN meets.", "Photograph: Zed Nelson"},
		{"credit in brackets", creditEnd, "(By Michael Fein -- Bloomberg News) U.S. factory orders sank.", "(By Michael Fein -- Bloomberg News)"},
		{"credit alone", creditEnd, "Photograph: Gemunu Amarasinghe/AP", "Photograph: Gemunu Amarasinghe/AP"},
		{"a caption's label", creditEnd, "Photo: The president speaks in the capital.", ""},
		{"credit with an initial", creditEnd, "(By Ted S. Warren -- Associated Press) If ever there was a company built to last, it was this one.", "(By Ted S. Warren -- Associated Press)"},
		{"sentences in brackets", creditEnd, "(By then the vote was lost. Talks stalled) The ministers left.", ""},
		{"brackets in prose", creditEnd, "(Before the vote) the talks stalled.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if e := tt.end(tt.line); e > 0 {
				got = tt.line[:e]
			}
			if got != tt.want {
				t.Errorf("lead of %q = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

// TestOpensComments checks the headers of readers' comments against a
// journalist's quotation of what someone wrote.
func TestOpensComments(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"At 11:45 pm on 13 Jan 2010, SheffTim wrote: This comment was removed.", true},
		{"The tail of the last one... At 2:41 pm on 18 Jan 2010, BeninBrussels wrote: I agree.", true},
		{"At 13:44 20th Jan 2012, BluesBerry wrote: Turkey has been an ally.", true},
		{"At 6:53 P.M. on Jan 13, 2010, Jessica Clark wrote: My condolences.", true},
		{"April 6, 2011 at 3:27 pm | Analyst Daya Asia Tribune wrote: According to the report...", true},
		{"Why don't you just leave?!!!! April 6, 2011 at 3:27 pm | A reader wrote: We need tents.", true},
		{"madmaxtheprof9 wrote: This speculation reveals his bias.", true},
		{"Blogger Troy Livesay, in Port-au-Prince, wrote: \"Thousands are trapped.\"", false},
		{"After the 1997 election, Lanchester wrote: I very quickly felt alone.", false},
	}
	for _, tt := range tests {
		if got := opensComments(tt.line); got != tt.want {
			t.Errorf("opensComments(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestIsFurnitureSentence(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"ZAWIYAH, Libya | Sat Jun 11, 2011 5:08 pm EDT", true},
		{"WASHINGTON/RIYADH | Fri Feb 25, 2011 6:36 pm EST", true},
		{"NEW YORK | Thu Aug 18, 2011 11:48 pm IST", true},
		{"By Sarah Hoye, CNN", true},
		{"Page last updated at 07:41 GMT, Wednesday, 13 January 2010 07:41 UK", true},
		{"Photograph: Jim Watson/AFP/Getty", true},
		{"Time to go, U.S. tells Gaddafi TRIPOLI | Sat Feb 26, 2011 6:49 pm EST", false},
		{"Prices rose | fell by turns", false},
		{"Troops fought rebels in ZAWIYAH on Saturday.", false},
	} {
		if got := IsFurnitureSentence(c.text); got != c.want {
			t.Errorf("IsFurnitureSentence(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
