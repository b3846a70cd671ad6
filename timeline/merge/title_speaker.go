package merge

import (
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/claim"
	"github.com/timeline-project/timeline/timeline/words"
)

// Speakers in titles: "Speaker says …", the speaker's name short enough,
// the verb agreeing with it.

// titleVerbs are the present-tense verbs a title gives a speaker.
var titleVerbs = map[string]string{"claimed": "claims", "claims": "claims", "alleged": "alleges",
	"alleges": "alleges", "insisted": "insists", "insists": "insists", "warned": "warns", "warns": "warns",
	"announced": "announces", "announces": "announces", "confirmed": "confirms", "confirms": "confirms",
	"accused": "accuses", "accuses": "accuses", "blamed": "blames", "blames": "blames", "vowed": "vows",
	"vows": "vows", "admitted": "admits", "admits": "admits", "declared": "declares", "declares": "declares",
}

// saidWords returns what a speaker says in a mention's sentence, with
// its dates and their prepositions taken out and an opening "that"
// dropped; false when the words are not found in the sentence.
func saidWords(m *Mention, a claim.Attribution) (string, bool) {
	at := strings.Index(m.Text(), a.Says)
	if a.Says == "" || at < 0 {
		return a.Says, false
	}
	start := m.Sentence.Span.Start + at
	says := tidyPunctuation(words.CollapseSpace(withoutWhenWords(m.Src.Text, timeline.Span{Start: start, End: start + len(a.Says)}, m.Exprs)))
	says = strings.TrimLeft(strings.ReplaceAll(says, " ,", ","), ",;: ")
	says = afterWhere(says)
	if w, rest, ok := strings.Cut(says, " "); ok && strings.EqualFold(w, "that") && claim.OpensClause(rest) {
		says = rest
	}
	return says, true
}

// afterWhere returns what is said without the phrase before it that says
// where or how it was said, a phrase with no verb up to a colon, and
// without the quotation mark that opens it ("in a statement: \"The
// operation shows…\"" is what the operation shows); says whole
// otherwise.
func afterWhere(says string) string {
	w, _, _ := strings.Cut(says, " ")
	i := strings.Index(says, ":")
	if i < 0 || words.Count(says[:i]) > 20 || words.HasVerb(says[:i]) || !titlePrepositions[strings.ToLower(w)] {
		return says
	}
	after := strings.TrimLeft(says[i+1:], " ")
	rest := strings.TrimLeft(after, `"“‘'`)
	if words.Count(rest) < 3 || ownWords(rest) {
		return says // "in Brussels: \"I'm astonished…\"" stays quoted
	}
	if len(rest) < len(after) {
		rest = strings.TrimRight(rest, `"”’'`) // the quotation's close with its open
	}
	return rest
}

// onlyWhere reports whether what a speaker says is only where or how
// it was said, a phrase with no verb ("in a statement"): the title says
// nothing then.
func onlyWhere(says string) bool {
	w, _, _ := strings.Cut(says, " ")
	return titlePrepositions[strings.ToLower(w)] && !words.HasVerb(says)
}

// plural reports whether a speaker phrase is plural: its last word is
// a lower-case noun in -s ("Russian officials", "militia members").
func plural(sp string) bool {
	ws := words.Split(sp)
	if len(ws) == 0 {
		return false
	}
	if len(ws) > 2 && strings.EqualFold(ws[0], "one") && strings.EqualFold(ws[1], "of") {
		return false // "one of the factions"
	}
	if q := slices.IndexFunc(ws, func(w string) bool { return headEnders[w] }); q > 0 {
		ws = ws[:q] // "Activists in Syria", "members of the council": the head is before
	}
	last := ws[len(ws)-1]
	if lw := strings.ToLower(last); (claim.SpeakerNouns[lw] || pluralAgents[lw]) && strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && len(ws) == 1 {
		return true // "Officials", "Engineers" opening a sentence
	}
	return !words.StartsUpper(last) && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss")
}

// headEnders end the head of a speaker phrase: what follows says where
// or of what.
var headEnders = words.SetOf(`of in at near inside outside from`)

// pluralAgents are plural nouns for people that open a sentence with a
// capital, and are no name ("Engineers warned…").
var pluralAgents = words.SetOf(`engineers doctors scientists researchers rescuers workers firefighters
teachers students farmers lawyers judges nurses paramedics medics survivors victims families relatives
neighbours neighbors locals villagers passengers analysts economists investors traders demonstrators
rebels insurgents protesters organisers organizers campaigners critics supporters opponents voters
parents pilots crews divers historians inspectors auditors regulators lawmakers ministers leaders`)

// pluralVerb returns the plural present of a title verb: "says" → "say",
// "denies" → "deny".
func pluralVerb(v string) string {
	switch {
	case strings.HasSuffix(v, "ies"):
		return strings.TrimSuffix(v, "ies") + "y"
	case strings.HasSuffix(v, "sses"), strings.HasSuffix(v, "shes"):
		return strings.TrimSuffix(v, "es")
	}
	return strings.TrimSuffix(v, "s")
}

// shortSpeaker returns a speaker's name short enough for a title: a
// person's name alone when only names stand before it ("United Nations
// Susan Rice", a body's name run into a person's) or without the role
// when the phrase is long, else the
// phrase before its first comma or before what qualifies its head
// ("Opposition National Transitional Council" of "… Council of Syria");
// "" when no part of two to five words names the speaker alone, as a
// cut name ("One of Mr Assad's…") would misname them.
func shortSpeaker(sp string) string {
	if first, last := claim.PersonName(sp); first != "" {
		if before, _, _ := strings.Cut(sp, first+" "); before != "" && !slices.ContainsFunc(words.Split(before), func(w string) bool {
			return !words.StartsUpper(w) || claim.IsRole(w)
		}) {
			return first + " " + last
		}
	}
	if words.Count(sp) <= 5 && !strings.Contains(sp, ",") {
		return sp
	}
	if first, last := claim.PersonName(sp); last != "" {
		return strings.TrimSpace(first + " " + last)
	}
	head, _, _ := strings.Cut(sp, ",")
	ws := strings.Fields(head)
	if len(ws) <= 7 && head == sp && slices.ContainsFunc(ws[1:], func(w string) bool { return claim.PlacePrepositions[w] }) {
		return sp // "Medical sources at Misratah Medical Complex": who, and where
	}
	for i, w := range ws {
		if i > 0 && speakerQualifiers[strings.ToLower(w)] {
			ws = ws[:i]
			break
		}
	}
	if len(ws) < 2 || len(ws) > 5 || !namesAlone(ws) {
		return ""
	}
	return strings.Join(ws, " ")
}

// namesAlone reports whether the words of a speaker's shortened name
// still tell who speaks: a name in capitals after the first word ("White
// House statement"), or one unnamed speaker ("a senior official"); not
// "the deputy head", which leaves out of what.
func namesAlone(ws []string) bool {
	if first := strings.ToLower(ws[0]); first == "a" || first == "an" {
		return true
	}
	for _, w := range ws[1:] {
		if words.StartsUpper(w) {
			return true
		}
	}
	return false
}

// speakerQualifiers open what follows the head of a speaker's name: a
// place, a membership, a time or a clause ("of", "at", "who").
var speakerQualifiers = words.SetOf(`of for in at on from with by and who which that after before
since during released published`)
