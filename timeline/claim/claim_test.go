package claim

import (
	"testing"

	"github.com/timeline-project/timeline/timeline"
)

func TestAttributionsOf(t *testing.T) {
	tests := []struct {
		sentence string
		speaker  string
		stance   timeline.Stance
		says     string
	}{
		{"Belgorod Governor Vyacheslav Gladkov said on Tuesday that one person was killed.", "Belgorod Governor Vyacheslav Gladkov", timeline.StanceClaim, "on Tuesday that one person was killed"},
		{"Peskov told reporters the incident was concerning.", "Peskov", timeline.StanceClaim, "the incident was concerning"},
		{"Yusov told Ukrainian public broadcaster Suspilne that Russian groups carried out the attack.", "Yusov", timeline.StanceClaim, "Russian groups carried out the attack"},
		{"Peskov said Putin did not plan to hold a meeting.", "Peskov", timeline.StanceClaim, "Putin did not plan to hold a meeting"},
		{"The army insisted it had no role in the shooting.", "army", timeline.StanceDenial, "it had no role in the shooting"},
		{"The ministry claimed victory over the insurgents.", "ministry", timeline.StanceClaim, "victory over the insurgents"},
		{"Kyiv has denied any involvement in the attack.", "Kyiv", timeline.StanceDenial, "any involvement in the attack"},
		{"Prosecutors alleged that the mayor took bribes.", "Prosecutors", timeline.StanceClaim, "the mayor took bribes"},
		{"However, spokesman for the General Intelligence Service, Andrey Yusov, insisted Kiev was not involved.", "spokesman for the General Intelligence Service, Andrey Yusov", timeline.StanceDenial, "Kiev was not involved"},
		{"According to the Interior Ministry, 40 people were arrested.", "Interior Ministry", timeline.StanceClaim, "40 people were arrested"},
		{"According to him, the raid was carried out by volunteers.", "him", timeline.StanceClaim, "the raid was carried out by volunteers"},
		{"The Emergency Ministry's statement put the toll at nine.", "Emergency Ministry", timeline.StanceClaim, "put the toll at nine"},
		{"A drone attack hit the region early on Wednesday, Moscow said.", "Moscow", timeline.StanceClaim, ""},
		{"Military analysts point out that the raids would give impetus to the counteroffensive.", "Military analysts", timeline.StanceClaim, "the raids would give impetus to the counteroffensive"},
		{"Officials confirm debris found near the wreck.", "Officials", timeline.StanceClaim, "debris found near the wreck"},
		{"Experts warn the rescue window is closing.", "Experts", timeline.StanceClaim, "the rescue window is closing"},
		{"Syrian forces shelled districts in Latakia on Monday, residents said.", "residents", timeline.StanceClaim, "Syrian forces shelled districts in Latakia on Monday"},
		{"Troops were in control of the port, the spokesman said.", "spokesman", timeline.StanceClaim, "Troops were in control of the port"},
		{"Euromaidanpress news website, citing unconfirmed sources, said that the raid was supported by artillery.", "Euromaidanpress news website", timeline.StanceClaim, "the raid was supported by artillery"},
		{"Troops shelled the town, residents said, and thousands fled.", "residents", timeline.StanceClaim, "Troops shelled the town"},
		{"Mykhailo Podolyak, adviser to President Volodymyr Zelensky, denied any direct Kyiv involvement.", "Mykhailo Podolyak, adviser to President Volodymyr Zelensky", timeline.StanceDenial, "any direct Kyiv involvement"},
		{"Three buildings were damaged, said the regional governor.", "regional governor", timeline.StanceClaim, "Three buildings were damaged"},
		{"\"No one knows,\" said Dr. Allan Friedman, chief of neurosurgery.", "Dr. Allan Friedman", timeline.StanceClaim, "No one knows"},
		{"Gladkov, the governor of Belgorod, said forces were clearing the area.", "Gladkov, the governor of Belgorod", timeline.StanceClaim, "forces were clearing the area"},
		{"The Russian Freedom Legion rejected that version of events.", "Russian Freedom Legion", timeline.StanceDenial, "that version of events"},
		{"The ministry said that security forces killed 70 fighters.", "ministry", timeline.StanceClaim, "security forces killed 70 fighters"},
		{"Two paramilitary factions have claimed responsibility for the raid.", "Two paramilitary factions", timeline.StanceClaim, "responsibility for the raid"},
		// a relative clause between the speaker and the verb
		{"Stockton Rush, who is one of five people aboard the submersible lost on its dive to the Titanic, said in 2022 that safety is a waste.", "Stockton Rush", timeline.StanceClaim, "in 2022 that safety is a waste"},
		{"Azmeh Dawood, whose brother perished on board the Titan, says she is angry.", "Azmeh Dawood", timeline.StanceClaim, "she is angry"},
		// an aside that opens with a preposition
		{"Tony Blair, in power at the time of the attacks, said in a statement that the operation shows justice will be done.", "Tony Blair", timeline.StanceClaim, "in a statement that the operation shows justice will be done"},
		// a claim's noun before the verb
		{"Unconfirmed reports say militiamen entered the village.", "Unconfirmed reports", timeline.StanceClaim, "militiamen entered the village"},
		// a day or a clock time before the speaker says when, not who
		{"On Monday the United States said it was moving ships closer.", "United States", timeline.StanceClaim, "it was moving ships closer"},
		{"04:12 BST A senior White House official said talks had stalled.", "senior White House official", timeline.StanceClaim, "talks had stalled"},
		// a place names where the speaker is, not who speaks
		{"A woman in Tripoli says she was woken by a loud explosion.", "woman in Tripoli", timeline.StanceClaim, "she was woken by a loud explosion"},
		{"Residents in Homs said the shelling went on all night.", "Residents in Homs", timeline.StanceClaim, "the shelling went on all night"},
		{"Officials at the Pentagon said the strike hit its target.", "Officials at the Pentagon", timeline.StanceClaim, "the strike hit its target"},
		{"The BBC's Jon Leyne in Cairo says the army is in control.", "BBC's Jon Leyne", timeline.StanceClaim, "the army is in control"},
		// a participle clause between the speaker and the verb
		{"Col. Ahmed Bani, speaking at a news conference in Benghazi on Wednesday, said his forces were outgunned.", "Col. Ahmed Bani", timeline.StanceClaim, "his forces were outgunned"},
		// a name after a particle ("el-", "al-")
		{"Hala el-Khatib, secretary general of the Egyptian Hotels Association, said occupancy was down.", "Hala el-Khatib, secretary general of the Egyptian Hotels Association", timeline.StanceClaim, "occupancy was down"},
		// a pronoun before the verb stands alone; a capital "The" after a
		// word opens a sentence run into the one before
		{"They mourned a man they said was shot by soldiers.", "they", timeline.StanceClaim, ""},
		{"A video appears to show the arrest of a woman The prime minister denies the charges.", "prime minister", timeline.StanceDenial, "the charges"},
		{"If Libya, why not Syria The United States rejects the idea that Libya set a precedent.", "United States", timeline.StanceDenial, ""},
	}
	for _, tt := range tests {
		as := attributionsOf(tt.sentence)
		if len(as) == 0 {
			t.Errorf("attributionsOf(%q) found no speaker, want %q", tt.sentence, tt.speaker)
			continue
		}
		a := as[0]
		if a.Speaker != tt.speaker || a.Stance != tt.stance || tt.says != "" && a.Says != tt.says {
			t.Errorf("attributionsOf(%q)[0] = %q %s %q, want %q %s %q", tt.sentence, a.Speaker, a.Stance, a.Says, tt.speaker, tt.stance, tt.says)
		}
	}
}

func TestNoAttribution(t *testing.T) {
	for _, s := range []string{
		"Journalists attempting to cover the unrest in Egypt reported being beaten by police.",
		"I'm says Pelosi and Reid pressed the secretary.",
		"The group is said to have shelled around 20 residential areas.",
		"Fierce fighting has been ongoing near the border since Monday.",
		"The alleged attack left 12 people injured.",
		"It was reported that the bridge collapsed.",
		"The Kremlin attacked the United States and Europe on Wednesday.",
		"This indicates the local authorities' efforts to help.",
		"Before Friday's announcement, the agency had kept the towers open.",
		"Police could not confirm the report.",
		"The strikes add to pressure on the government.",
	} {
		if as := attributionsOf(s); len(as) != 0 {
			t.Errorf("attributionsOf(%q) = %+v, want none", s, as)
		}
	}
}

func TestSameSpeaker(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Podolyak", "Mykhailo Podolak, an advisor to President Zelensky", true},
		{"Russian Defense Ministry", "Russia's defence ministry", true},
		{"Gladkov, the governor of Belgorod", "Belgorod Governor Vyacheslav Gladkov", true},
		{"Kremlin spokesman Dmitry Peskov", "Peskov", true},
		{"Volodymyr Zelensky", "Olena Zelenska", false},
		{"Russian Volunteer Corps", "Russian Freedom Legion", false},
		{"Moscow", "Kremlin", false},
		{"Russian officials", "Russia", false},
	}
	for _, tt := range tests {
		if got := sameSpeaker(tt.a, tt.b); got != tt.want {
			t.Errorf("sameSpeaker(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSpeakerContext(t *testing.T) {
	var sc SpeakerContext
	first := sc.Resolve(1, attributionsOf("According to Russia's defense ministry, the attackers retreated."))
	if len(first) != 1 || first[0].Speaker != "Russia's defense ministry" {
		t.Fatalf("first sentence: %+v", first)
	}
	got := sc.Resolve(2, attributionsOf("The ministry stated that it conducted air strikes."))
	if len(got) != 1 || got[0].Speaker != "Russia's defense ministry" {
		t.Errorf("the ministry: %+v, want Russia's defense ministry", got)
	}
	got = sc.Resolve(5, attributionsOf("He said the talks had failed."))
	if len(got) != 0 {
		t.Errorf("a pronoun three sentences after any speaker: %+v, want dropped", got)
	}
}

func TestPersonName(t *testing.T) {
	for _, c := range []struct{ name, first, last string }{
		{"Belgorod Governor Vyacheslav Gladkov", "Vyacheslav", "Gladkov"},
		{"Col. Ahmed Bani", "Ahmed", "Bani"},
		{"Hala el-Khatib, secretary general of the association", "Hala", "el-Khatib"},
		// the name after a description and a preposition is a place or a body
		{"Medical sources at Misratah Medical Complex", "", ""},
		// a possessive ends the name: whose it is, not who
		{"Abu Musab al-Zarqawi's al-Qaeda", "", ""},
		{"Secretary of State Hillary Clinton", "Hillary", "Clinton"},
		// a title joined by a hyphen is a title still
		{"United Nations Secretary-General Ban Ki-moon", "Ban", "Ki-moon"},
		{"United Nations", "", ""},
		{"Syria's Local Coordination Committees", "", ""},
	} {
		if first, last := PersonName(c.name); first != c.first || last != c.last {
			t.Errorf("PersonName(%q) = %q %q, want %q %q", c.name, first, last, c.first, c.last)
		}
	}
}

func TestSpeakerNames(t *testing.T) {
	got := SpeakerNames([]string{"Podolyak", "Mykhailo Podolak", "Gladkov", "Belgorod Governor Vyacheslav Gladkov", "Kyiv",
		"Musa Ibrahim", "spokesman Moussa Ibrahim", "Mohamed Ibrahim", "Ali", "Salah Ali", "Firas Ali",
		"United States", "United State", "United States"})
	want := map[string]string{
		"Podolyak": "Mykhailo Podolak", "Mykhailo Podolak": "Mykhailo Podolak",
		"Gladkov": "Belgorod Governor Vyacheslav Gladkov", "Belgorod Governor Vyacheslav Gladkov": "Belgorod Governor Vyacheslav Gladkov",
		"Kyiv": "Kyiv",
		// a first name spelled two ways is one person; another with its initial is not
		"Musa Ibrahim": "Musa Ibrahim", "spokesman Moussa Ibrahim": "Musa Ibrahim", "Mohamed Ibrahim": "Mohamed Ibrahim",
		// a surname alone of two people names neither
		"Ali": "Ali", "Salah Ali": "Salah Ali", "Firas Ali": "Firas Ali",
		// of two names as full, the one more sources write
		"United State": "United States",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("speakerNames: %q named %q, want %q", k, got[k], v)
		}
	}
}

func TestSpeakerNamesOrganisations(t *testing.T) {
	got := SpeakerNames([]string{"Coast Guard", "United States Coast Guard", "Coast Guard official",
		"Russian Defense Ministry", "Ukrainian Defense Ministry", "ministry", "police", "city police",
		"Libyan government", "spokesman for the Libyan government", "Libyan government officials",
		"National Council", "National Council and Libyan government officials",
		"Security Council", "Security Council Resolution 1973",
		"Human Rights Watch", "Sidney Kwiram of Human Rights Watch",
		"Defense Ministry", "British Defense Ministry", "Dutch Defense Ministry",
		"USCG", "NTC", "National Transitional Council", "National Tourism Council", "ICC"})
	for _, same := range [][]string{
		{"Coast Guard", "United States Coast Guard", "Coast Guard official", "USCG"},
		{"Libyan government", "spokesman for the Libyan government", "Libyan government officials"},
	} {
		for _, n := range same[1:] {
			if got[n] != got[same[0]] {
				t.Errorf("%q named %q, %q named %q: want one name", n, got[n], same[0], got[same[0]])
			}
		}
	}
	for _, apart := range [][2]string{
		{"Russian Defense Ministry", "Ukrainian Defense Ministry"},
		{"Russian Defense Ministry", "ministry"},
		{"police", "city police"},
		{"National Council", "Libyan government"}, // both in a name of two speakers
		{"National Council", "National Council and Libyan government officials"},
		{"Security Council", "Security Council Resolution 1973"},      // what it names
		{"Human Rights Watch", "Sidney Kwiram of Human Rights Watch"}, // a person of it
		{"British Defense Ministry", "Dutch Defense Ministry"},
		{"NTC", "National Transitional Council"}, // or the National Tourism Council?
		{"NTC", "National Tourism Council"},
		{"Defense Ministry", "Dutch Defense Ministry"}, // which of the two?
	} {
		if got[apart[0]] == got[apart[1]] {
			t.Errorf("%q and %q both named %q", apart[0], apart[1], got[apart[0]])
		}
	}
}
