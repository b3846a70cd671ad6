package merge

import (
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/claim"
	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/words"
)

// mentionOf makes a mention of the sentence text dated by the first
// occurrence of dateText in it.
func mentionOf(text, dateText string) *Mention {
	src := &timeline.Source{Text: text}
	i := strings.Index(text, dateText)
	return &Mention{Src: src, Sentence: timeline.Sentence{Span: timeline.Span{Start: 0, End: len(text)}}, DateSpan: timeline.Span{Start: i, End: i + len(dateText)}}
}

func TestSentenceTitle(t *testing.T) {
	tests := []struct{ sentence, date, want string }{
		{"On Tuesday, Moscow said that its forces had withdrawn.", "Tuesday", "Moscow said that its forces had withdrawn"},
		{"Peskov said on Monday the attack was a distraction.", "Monday", "Peskov said the attack was a distraction"},
		{"The ministry said Tuesday afternoon that 70 fighters were killed.", "Tuesday afternoon", "The ministry said that 70 fighters were killed"},
		{"Following Monday's raid, Moscow invoked an operation.", "Monday", "Moscow invoked an operation"},
		{"In response to the displacement caused by the conflict, local authorities have opened shelters.", "", "Local authorities have opened shelters"},
		{"KYIV, Ukraine – Russian officials said on Tuesday that an operation expelled saboteurs.", "Tuesday", "Russian officials said that an operation expelled saboteurs"},
		{"- The rebels overrun the fortified compound in the capital.", "", "The rebels overrun the fortified compound in the capital"},
		{"CAIRO (Reuters) - Oil prices rose on Monday as fighting spread.", "Monday", "Oil prices rose as fighting spread"},
		{"NEW YORK | Mon Aug 22, 2011 5:01 pm EDT NEW YORK (Reuters) - Brent crude fell as rebels entered the city.", "Mon Aug 22, 2011 5:01 pm EDT", "Brent crude fell as rebels entered the city"},
		{"At 5:29 pm | The president said the strikes would go on.", "5:29 pm", "The president said the strikes would go on"},
		{"1643 The reporter at the airport said the runway was open again.", "", "The reporter at the airport said the runway was open again"},
		{"1989 The wall fell and crowds crossed into the west of the city.", "", "1989 The wall fell and crowds crossed into the west of the city"},
		{"A dam gave way early on Monday, officials said.", "early on Monday", "A dam gave way, officials said"},
		{"Rescue teams worked through the night to reach families.", "the night", "Rescue teams worked through the night to reach families"},
		{"The fighting has gone on since Monday.", "Monday", "The fighting has gone on since Monday"},
		{"By Tuesday morning, the governor said, 14 people had died in the floods near the river and dam.", "Tuesday morning",
			"The governor said, 14 people had died in the floods near the river and dam"},
		{"The vessel, named Titan, lost contact with its support ship about an hour and 45 minutes into its descent to the wreck.", "",
			"The vessel, named Titan, lost contact with its support ship about an hour and 45 minutes"},
		{"Rescuers from three countries searched an area of 10,000 square miles of open ocean on Tuesday as the submersible's reserve of air ran low.", "Tuesday",
			"Rescuers from three countries searched an area of 10,000 square miles of open ocean"},
		{"However, Kyiv denied on Monday any involvement in the attack.", "Monday", "Kyiv denied any involvement in the attack"},
		{"According to Moscow, the army repelled the attack on Monday.", "on Monday", "The army repelled the attack"},
		{"“We will return,” the commander said on Tuesday.", "Tuesday", "“We will return,” the commander said"},
		{"The Kremlin attacked the United States and Europe this Wednesday, May 24, after assuring that fighters use Western-supplied weapons.",
			"Wednesday, May 24", "The Kremlin attacked the United States and Europe"},
		// no title opens with a label in capitals or an aside between dashes
		{"NEW: Rebels made headway on Thursday toward the coast.", "Thursday", "Rebels made headway toward the coast"},
		{"About a month later -- soon after the plant had reopened -- two more incidents occurred.", "About a month later", "Two more incidents occurred"},
	}
	for _, tt := range tests {
		if got, _ := sentenceTitle(mentionOf(tt.sentence, tt.date), nil, maxTitleChars); got != tt.want {
			t.Errorf("sentenceTitle(%q)\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

func TestEventIDsAreUniqueAndStable(t *testing.T) {
	cite := func(src string, n int) []timeline.Citation { return []timeline.Citation{{Source: src, Sentence: n}} }
	events := []timeline.Event{
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
	again := []timeline.Event{events[1]}
	eventIDs(again)
	if again[0].ID != events[1].ID {
		t.Errorf("id %q alone, %q among others: want the same", again[0].ID, events[1].ID)
	}
}

func TestSpeakerTitleTold(t *testing.T) {
	for sentence, want := range map[string]string{
		"James Cameron told ABC's Good Morning America show, referring to the hull of the vessel.": "",
		"The governor told reporters that the bridge would reopen within a week.":                  "Governor says the bridge would reopen within a week",
		// where it was said is no title; what follows the colon is
		"The ministry said in a statement.": "",
		"Defense Secretary Robert Gates said in a farewell speech to officer cadets at the military academy in the capital: \"The alliance faces a dim future.\"": "Defense Secretary Robert Gates says the alliance faces a dim future",
		"Tony Blair said in a statement: \"The operation shows that justice will be done.\"":                                                                      "Tony Blair says the operation shows that justice will be done",
		// words in the first person after the colon stay quoted
		"Mr Straw said in Brussels: \"I'm astonished by the report.\"": "Mr Straw says in Brussels: \"I'm astonished by the report.\"",
		// what is said before the speaker, less the wire's dateline
		"DERAA, Syria (Reuters) - Syrian forces killed six people in an attack on protesters, witnesses said.": "Witnesses say Syrian forces killed six people in an attack on protesters",
		"Around 100 people crossed over into Lebanon, witnesses said.":                                         "Witnesses say around 100 people crossed over into Lebanon",
		// a relative clause's speaker says nothing a title can report
		"They named 88 people who activists said were killed in the city.":                   "",
		"The French newspaper said, citing a report by a think-tank, that talks had failed.": "",
	} {
		toks := words.AppendTokens(nil, sentence)
		m := &Mention{Src: &timeline.Source{Text: sentence}, Sentence: timeline.Sentence{Span: timeline.Span{Start: 0, End: len(sentence)}}, Attrs: claim.AttributionsIn(sentence, toks)}
		if got, _ := speakerTitle(m, nil, maxTitleChars); got != want {
			t.Errorf("speakerTitle(%q) = %q, want %q", sentence, got, want)
		}
	}
}

func TestHeadlineTitle(t *testing.T) {
	tests := []struct {
		headline, want string
		ok             bool
	}{
		{"Titanic tourist sub goes missing sparking search", "Titanic tourist sub goes missing sparking search", true},
		{"Titanic sub: OceanGate co-founder fears there was an 'instantaneous implosion'", "OceanGate co-founder fears there was an 'instantaneous implosion'", true},
		{"Missing Titanic submarine LIVE: vessel only has 50 hours of air left", "Vessel only has 50 hours of air left", true},
		{"Titanic tourist submarine Titan missing live", "Titanic tourist submarine Titan missing", true},
		{"Debris found near wreck | Example News", "Debris found near wreck", true},
		{"Storm floods the valley - Example News", "Storm floods the valley", true},
		{"Watch Video: The Mystery of the Raid of armored vehicles", "The Mystery of the Raid of armored vehicles", true},
		{"“Sub found”", "", false},
		// two sentences: the first whole, not cut inside the second
		{"Shahzada Dawood and his son Suleman are on the missing Titanic submersible. They’re from one of Pakistan’s richest families.",
			"Shahzada Dawood and his son Suleman are on the missing Titanic submersible", true},
		// a little over the limit: whole, not cut before a preposition into a fragment
		{"Explorers Club president says life-saving drones for Titanic sub search caught up in red tape",
			"Explorers Club president says life-saving drones for Titanic sub search caught up in red tape", true},
		// far over it: cut where a clause ends
		{"Capt. Jamie Frederick of the U.S. Coast Guard says crews were sent to the area where the sub was lost on Sunday afternoon",
			"Capt. Jamie Frederick of the U.S. Coast Guard says crews were sent to the area", true},
	}
	for _, tt := range tests {
		got, ok := headlineTitle(tt.headline, maxTitleChars)
		if got != tt.want || ok != tt.ok {
			t.Errorf("headlineTitle(%q) = %q, %v; want %q, %v", tt.headline, got, ok, tt.want, tt.ok)
		}
	}
}

func TestShortTitle(t *testing.T) {
	tests := []struct{ s, want string }{
		// a table read as one sentence: cut where a phrase ends
		{"Broadcasting on FM radio daily in Haitian Creole at 0910 local time (1410 GMT), for 20 minutes Giving up-to-date information about where to get basic services and aid Also available on satellite and online, and via social media",
			"Broadcasting on FM radio daily in Haitian Creole at 0910 local time (1410 GMT)"},
		// an opening quotation mark left open is dropped
		{"“People in the deep sea submergence engineering community warned the company that this could lead to catastrophic failure,” Cameron told ABC’s Good Morning America show, referring to the carbon fiber hull",
			"People in the deep sea submergence engineering community warned the company"},
		// a clause where one ends, before a phrase with no verb where one does not
		{"A blast on the pipeline, suspected to have been carried out by tribesmen, cut exports to the port for weeks and forced the company to declare force majeure on its contracts across the region and beyond",
			"A blast on the pipeline, suspected to have been carried out by tribesmen, cut exports"},
		// no cut keeps four words: whole
		{"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b c",
			"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b c"},
	}
	for _, tt := range tests {
		if got := shortTitle(tt.s, maxTitleChars); got != tt.want {
			t.Errorf("shortTitle(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestShortSpeaker(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Kremlin spokesman Dmitry Peskov", "Kremlin spokesman Dmitry Peskov"},
		{"Vince Crawford, a spokesman for the command", "Vince Crawford"},
		{"Opposition National Transitional Council of Syria", "Opposition National Transitional Council"},
		{"White House statement released after the Friday meeting", "White House statement"},
		{"the deputy head of the regional council in the north", ""},
		{"One of the president's top generals in the east", ""},
		{"a senior official at the ministry, who asked not to be named", "a senior official"},
		{"Medical sources at Misratah Medical Complex", "Medical sources at Misratah Medical Complex"},
		{"United Nations Susan Rice", "Susan Rice"},
		{"Belgorod Governor Vyacheslav Gladkov", "Belgorod Governor Vyacheslav Gladkov"},
		{"United Nations Secretary-General Ban Ki-moon", "Ban Ki-moon"},
	} {
		if got := shortSpeaker(c.in); got != c.want {
			t.Errorf("shortSpeaker(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for _, c := range []struct {
		speaker string
		want    bool
	}{
		{"Russian officials", true},
		{"Activists in Syria", true},
		{"Members of the African Union", true},
		{"Witness in Misrata", false},
		{"Witnesses", true},
		{"one of the factions", false},
		{"Kremlin spokesman Dmitry Peskov", false},
	} {
		if got := plural(c.speaker); got != c.want {
			t.Errorf("plural(%q) = %v, want %v", c.speaker, got, c.want)
		}
	}
}

func TestTitleKeepsDurations(t *testing.T) {
	text := "It was a sight I could never have imagined in the 25 years I have studied Libya."
	i := strings.Index(text, "the 25 years")
	m := &Mention{Src: &timeline.Source{Text: text}, Sentence: timeline.Sentence{Span: timeline.Span{Start: 0, End: len(text)}},
		Exprs: []timex.Expr{{Start: i, End: i + len("the 25 years"), Type: timex.TypeDuration}}}
	if before, _ := withoutWhen(m); !strings.Contains(before, "in the 25 years I have") {
		t.Errorf("withoutWhen(%q) = %q: a duration says how long, not when, and stays", text, before)
	}
}

func TestClauseWithin(t *testing.T) {
	tests := []struct {
		s    string
		max  int
		want string
		ok   bool
	}{
		{"Officials said the dam held", 90, "Officials said the dam held", true},
		{"If it does", 90, "If it does", false},
		{"When the prime minister returned from abroad", 90, "", false},
		// a capitalised word in -ed is a name, but in a headline
		{"Controversial Sudanese General Mohammed al-Dabi", 90, "", false},
		{"The United States", 90, "", false},
		{"Rebels Seized Port After Long Battle", 90, "Rebels Seized Port After Long Battle", true},
		{"When the rebels reached the port, the ships had already sailed", 90, "When the rebels reached the port, the ships had already sailed", true},
		// a cut never ends on the clause's only verb, its object cut off
		{"State television said, in a bulletin read by an announcer in uniform, that the curfew would hold", 40,
			"State television said, in a bulletin read by an announcer in uniform, that the curfew would hold", false},
		{"The vessel, named Titan", 90, "The vessel, named Titan", false},
		// nor inside the clause a "that" after a verb opens, before its verb
		{"Defense Secretary Robert Gates reiterated that any intervention in Libya would require broad backing", 90,
			"Defense Secretary Robert Gates reiterated that any intervention in Libya would require broad backing", false},
		// nor on an adverb that the cut words complete
		{"The response was already under way in the capital, officials said", 30, "The response was already under way in the capital, officials said", false},
		{"Moscow invoked a counter-terrorism operation, granting the authorities enhanced powers to restrict movement", 60,
			"Moscow invoked a counter-terrorism operation", true},
		{"Five people who were aboard the vessel that vanished on a dive to the wreck of the ship", 40, "Five people", false},
		{"The groups released dark, grainy videos allegedly filmed during the raid in the early hours", 40, "The groups released dark", false},
		{"Rescuers reached the village, where dozens of houses had collapsed in the night", 40, "Rescuers reached the village", true},
		// a sentence's end first; abbreviations end none
		{"The quake struck at dawn. Rescuers from the U.S. arrived with dogs, which found two people", 60, "The quake struck at dawn", true},
		{"Gov. Smith said the U.S. Army would send troops to the coast within days", 62, "Gov. Smith said the U.S. Army would send troops to the coast", true},
		// a cut leaves no phrase it ends stranded after a comma
		{"Forces loyal to the government shelled the port city, a day after rebels celebrated the pullback of troops", 70,
			"Forces loyal to the government shelled the port city", true},
		{"An armored carrier straddled the roadway, still in flames, and residents who had emerged said they heard fire", 75,
			"An armored carrier straddled the roadway, still in flames", true},
		{"Parts of the song were recorded in London, while artists including Robbie Williams put down their vocals in Los Angeles", 90,
			"Parts of the song were recorded in London", true},
		{"The coalition flew fewer missions, Ham said, because the air defences were destroyed", 45, "The coalition flew fewer missions, Ham said", true},
		// no cut between a verb and the preposition it takes
		{"The leaders of France, Germany and Britain met in Paris to discuss the crisis with bankers from across the continent", 80,
			"The leaders of France, Germany and Britain met in Paris to discuss the crisis", true},
		{"Arab leaders meeting in Baghdad called for the peace plan to be implemented at once", 60, "", false},
		{"The United States condemned the violence in Libya and called for an end to the killing of protesters", 70,
			"The United States condemned the violence", true},
		{"Three people were killed and wounded in the attack on the market in the town", 45, "Three people were killed and wounded", true},
		// nor on a subordinator; a name after a particle is no verb
		{"Violence continued in Syria where troops shelled the city of Homs for a fifth day", 40, "Violence continued in Syria", true},
		{"Rami al-Sayed, a man", 90, "", false},
		// nor leaves a span of time without what it counts from
		{"The strike came a day after rebels said they had pushed back forces loyal to the leader in the west", 40, "", false},
		{"Rescuers found a man who had been trapped for 12 days after the quake struck the capital", 60,
			"Rescuers found a man who had been trapped for 12 days", true},
		// nor before what a speaker says
		{"Saleh told a group of invited reporters including a correspondent that his government was steadfast", 60, "", false},
		{"Nevertheless, Mr Blair told MPs two weeks later that the intelligence picture was clear", 50, "", false},
		{"Six people were arrested in the city overnight, police said, as the search went on", 60,
			"Six people were arrested in the city overnight, police said", true},
		{"A witness said he fears a massacre in the town, as troops closed in", 50, "A witness said he fears a massacre in the town", true},
	}
	for _, tt := range tests {
		got, ok := clauseWithin(tt.s, tt.max)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("clauseWithin(%q, %d) = %q, %v; want %q, %v", tt.s, tt.max, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIsCaveat(t *testing.T) {
	for s, want := range map[string]bool{
		"The ministry’s statement could not be independently verified.":                                                              true,
		"The Washington Post could not immediately verify the videos.":                                                               true,
		"The claims have not been independently confirmed.":                                                                          true,
		"OceanGate did not immediately respond to a request for comment.":                                                            true,
		"The death toll was confirmed by the health ministry on Tuesday.":                                                            false,
		"Reuters was not able to verify the footage, which showed two tanks.":                                                        false,
		"EDITOR'S NOTE: Credit: Reuters CAN NOT INDEPENDENTLY VERIFY THE CONTENT OF THE VIDEO FROM WHICH THIS STILL IMAGE WAS TAKEN": true,
		"THE ARMY DID NOT RESPOND TO QUESTIONS.":                                                                                     true,
		"NOTHING WAS CONFIRMED ABOUT THE NOTE.":                                                                                      false,
	} {
		if got := claim.IsCaveat(s); got != want {
			t.Errorf("isCaveat(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestStandsAlone(t *testing.T) {
	for s, want := range map[string]bool{
		"The quake struck west of the capital.":       true,
		"It shows the aftermath of the quake.":        false,
		"We gathered more than 200 wounded.":          false,
		"Where is God in Haiti?":                      false,
		"Rescuers asked: “Is anyone there?”":          false,
		"Haiti’s president asked for help.":           true,
		"That's one of the people in the square.":     false,
		"There were reports of fighting in the west.": true,
		"There, protesters gathered again.":           false,
	} {
		if got := standsAlone(s); got != want {
			t.Errorf("standsAlone(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestReported(t *testing.T) {
	for _, c := range []struct {
		says, want string
		ok         bool
	}{
		{"But the league cannot ignore the suffering", "the league cannot ignore the suffering", true},
		{"The people who made these tools are our ancestors", "the people who made these tools are our ancestors", true},
		{"We are capable of controlling all of Libya", "We are capable of controlling all of Libya", false},
		{"Russian groups carried out the attack", "Russian groups carried out the attack", true},
		{"Around 100 people crossed over into Lebanon", "around 100 people crossed over into Lebanon", true},
	} {
		if got, ok := reported(c.says); got != c.want || ok != c.ok {
			t.Errorf("reported(%q) = %q, %v; want %q, %v", c.says, got, ok, c.want, c.ok)
		}
	}
}

func TestOwnWords(t *testing.T) {
	for s, want := range map[string]bool{
		"Today I think the problem is solved.":                  true,
		"You can see the crowds behind me.":                     true,
		"That's one of the people we heard from.":               true,
		"Protesters chanted “we will not leave” in the square.": false,
		"US and India announce defence agreements":              false,
		"The quake struck west of the capital.":                 false,
	} {
		if got := ownWords(s); got != want {
			t.Errorf("ownWords(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestBalanced(t *testing.T) {
	for s, want := range map[string]bool{
		"The View's Joy Behar says 'incompetence":         false,
		"Behar says 'incompetence' is to blame":           true,
		"Rush said he had 'broken some rules to make' it": true,
		"“Sub found”":                                  true,
		"He said “we will":                             false,
		"Stockton Rush's company didn't test the hull": true,
		"(pictured) who was based in Dubai":            true,
		"Harding (pictured, left":                      false,
	} {
		if got := balanced(s); got != want {
			t.Errorf("balanced(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestTidyPunctuation(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"closed, , , and reopened", "closed, and reopened"},
		{"closed,,; and", "closed, and"},
		{"a: b, c", "a: b, c"},
		{"ends with marks ,  ;", "ends with marks ,"},
		{"no marks at all", "no marks at all"},
		{", ,", ","},
		{"lost contact with the jet ( ) while it flew", "lost contact with the jet while it flew"},
		{"the jet ( ), which", "the jet, which"},
	} {
		if got := tidyPunctuation(c.in); got != c.want {
			t.Errorf("tidyPunctuation(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSummarySentence(t *testing.T) {
	own := mentionOf("COOPER: That's one of the people we heard from in the square today.", "")
	report := mentionOf("Crowds celebrated in Tahrir Square until dawn.", "")
	title := mentionOf("Mubarak stepped down and handed power to the army.", "")
	if got := summarySentence([]*Mention{title, own, report}, title); got != report {
		t.Errorf("summarySentence = %q, want the report that stands alone", got.Text())
	}
	if got := summarySentence([]*Mention{title, own}, title); got != own {
		t.Errorf("summarySentence without a report that stands alone = %v, want the most central other sentence", got)
	}
}

func TestDropBracketLabels(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"( 10:55 a.m. ET) Four thousand flights have been canceled", "Four thousand flights have been canceled"},
		{"(Update 4:18 p.m. in Cairo, 9:18 a.m. ET) Egyptian President Hosni Mubarak has left Cairo", "Egyptian President Hosni Mubarak has left Cairo"},
		{"(Posted at 11:56 a. m) The jury has reached a verdict", "The jury has reached a verdict"},
		{"(AP Photo/Evan Vucci) (Evan Vucci - AP) President Bush makes a statement", "President Bush makes a statement"},
		{"(CNN) Rebels took the town", "(CNN) Rebels took the town"},
		{"(Update 2:15 p.m.) -- after the vote", "(Update 2:15 p.m.) -- after the vote"},
	} {
		if got := dropBracketLabels(c.in); got != c.want {
			t.Errorf("dropBracketLabels(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDropClockLabel(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"1643 The BBC's Andy Gallagher says aid has arrived", "The BBC's Andy Gallagher says aid has arrived"},
		{"22:45 Strange how this is happening now", "Strange how this is happening now"},
		{"10:18 AM The deep contraction has created losses", "The deep contraction has created losses"},
		{"11:14 am ET Current events have become very clear", "Current events have become very clear"},
		{"1943 US military officials say flights resumed", "1943 US military officials say flights resumed"},
		{"36.09 percent of people lived in cities", "36.09 percent of people lived in cities"},
		{"9:30 was the hour the vote closed", "9:30 was the hour the vote closed"},
		{"10:00 AM PBS producer Michael Kirk was online", "PBS producer Michael Kirk was online"},
		{"LIBYA, 3:29 p.m. ET, 10:29 p.m. local: Libyan leader Moammar Gadhafi still is in Libya", "Libyan leader Moammar Gadhafi still is in Libya"},
		{"TRIPOLI, 9:30 was the hour the vote closed", "TRIPOLI, 9:30 was the hour the vote closed"},
		{"10:29 p.m. local: Libyan leader Moammar Gadhafi still is in Libya", "Libyan leader Moammar Gadhafi still is in Libya"},
		{"10:29 local time is when the vote closed", "10:29 local time is when the vote closed"},
	} {
		if got := dropClockLabel(c.in); got != c.want {
			t.Errorf("dropClockLabel(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestWithoutWhenWordsPossessive: a day's possessive leaves "the" where
// the day was ("Friday's event" is "the event").
func TestWithoutWhenWordsPossessive(t *testing.T) {
	text := "Lisa Paulsen said Friday's event set a new record."
	at := strings.Index(text, "Friday")
	got := words.CollapseSpace(withoutWhenWords(text, timeline.Span{Start: 0, End: len(text)}, []timex.Expr{{Start: at, End: at + len("Friday"), Type: timex.TypeDate}}))
	if want := "Lisa Paulsen said the event set a new record."; got != want {
		t.Errorf("withoutWhenWords = %q, want %q", got, want)
	}
}

// TestDropDanglingPreposition: a title loses the prepositions whose dates
// went, not a particle that belongs to its verb.
func TestDropDanglingPreposition(t *testing.T) {
	for in, want := range map[string]string{
		"Demonstrators say they were organizing a similar march in Alexandria for": "Demonstrators say they were organizing a similar march in Alexandria",
		"Hotel occupancy was only down by 15 percent compared to":                  "Hotel occupancy was only down by 15 percent",
		"The emails are said to date from to":                                      "The emails are said to date",
		"The president said the strikes would go on":                               "The president said the strikes would go on",
		"NATO took over": "NATO took over",
	} {
		if got := dropDanglingPreposition(in); got != want {
			t.Errorf("dropDanglingPreposition(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFinishedTitle: a title that only says who speaks is not complete.
func TestFinishedTitle(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"The prime minister's office said", "The prime minister's office said", false},
		{"The Syrian Observatory on Human Rights said", "The Syrian Observatory on Human Rights said", false},
		{"Tanks shelled southern parts of Latakia, residents said", "Tanks shelled southern parts of Latakia, residents said", true},
		{"Hotel occupancy was only down by 15 percent compared to", "Hotel occupancy was only down by 15 percent", true},
	} {
		if got, ok := finishedTitle(tc.in, true); got != tc.want || ok != tc.ok {
			t.Errorf("finishedTitle(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
