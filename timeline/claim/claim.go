package claim

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/words"
)

// Claims: who a sentence says claims or denies what it reports. The
// forms read are "X said/told/claimed/denied… (that) …", "…, X said",
// "…, said X", "according to X, …" and "X's statement". X is the noun
// phrase before (or after) the verb: names, roles and the words that
// join them ("Belgorod Governor Vyacheslav Gladkov", "spokesman for
// Ukraine's intelligence service, Andrey Yusov", "the ministry").

// Attribution is one speaker the sentence names, and how.
type Attribution struct {
	// Speaker is the speaker's words as the sentence gives them, less a
	// leading article ("Russian Defense Ministry", "he").
	Speaker string
	// Stance is StanceClaim or StanceDenial.
	Stance timeline.Stance
	// Says is what the speaker is reported to say: the words after the
	// verb, up to the end of the sentence.
	Says string
	// Verb is the verb that attributes it, in lower case ("said",
	// "denied", "according").
	Verb string
}

// claimVerbs report what a speaker says, in the past, the third person
// and the plain form ("Officials confirm…", "Analysts point out…"); a
// plain form that is as often a noun ("a report", "the state", "a note",
// "a pledge") is left out.
var claimVerbs = words.SetOf(`said says say told tells claimed claims claim alleged alleges allege insisted
insists insist asserted asserts assert stated states announced announces confirmed confirms warned
warns added adds noted notes maintained maintains maintain argued argues wrote writes tweeted indicated
indicates assured assures stressed stresses explained explains acknowledged acknowledges admitted
admits accused accuses blamed blames declared declares estimated estimates reported reports
mentioned mentions highlighted highlights emphasized emphasised underlined recalled replied
suggested suggests contended contends vowed vows pledged promised pointed denounced denounces
condemned condemns point points warn add argue indicate explain acknowledge admit accuse declare
mention emphasize emphasise suggest denounce condemn confirm announce tell write contend assure`)

// DenialVerbs say that a speaker denies something.
var DenialVerbs = words.SetOf(`denied denies deny refuted refutes refute rejected rejects reject
dismissed dismisses dismiss disputed disputes dispute contested contests contest disowned
repudiated`)

// auxiliaries stand between a speaker and a verb ("has denied").
var auxiliaries = words.SetOf(`has have had also further later again earlier then previously repeatedly
publicly firmly strongly categorically quickly swiftly immediately`)

// SpeakerNouns are lower-case words that can name or describe a speaker.
var SpeakerNouns = words.SetOf(`officials official spokesman spokeswoman spokesperson spokespeople minister
ministry ministers governor president prime members member residents resident witnesses witness
police military army officer officers authorities authority leader leaders commander commanders
adviser advisor advisers advisors aide aides analyst analysts expert experts source sources
government group groups fighters militants militia militias saboteurs journalists journalist
correspondent reporter reporters agency media prosecutors prosecutor investigators investigator
deputy chief head secretary mayor lawmakers lawmaker senator senators forces troops service
intelligence defense defence foreign interior emergency emergencies office council committee
senior local regional federal state top former acting general border guard guards paramilitary
factions faction corps legion battalion unit units administration department statement
activists activist volunteers volunteer representatives representative envoy ambassador
diplomats diplomat staff soldiers soldier commission board company firm party opposition
observers monitors citizens people protesters organizers organisers mission reports
man men woman women doctor doctors nurse nurses rebel rebels worker workers student students embassy
news newspaper newspapers website websites broadcaster broadcasters magazine portal outlet daily channel`)

// speakerStops end a speaker phrase when reading back from its verb.
var speakerStops = words.SetOf(`that which who whom whose when while as and but or after before because
since if despite although though where whereas whether than so yet in on at from with by into
onto about over under against during without within through to also meanwhile however
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
gmt bst utc cet edt est et pt`) // a day or a clock's zone before a speaker says when, not who: "On Monday the United States said"

// pronouns that stand for a speaker named before.
var SpeakerPronouns = words.SetOf(`he she they it him her them`)

// tokenize returns the words and punctuation marks of s with their
// byte offsets in s.
func tokenize(s string) []words.Token {
	return words.AppendTokens(make([]words.Token, 0, len(s)/4+1), s)
}

// attributionsOf returns the speakers a sentence names, in order.
func attributionsOf(s string) []Attribution {
	return AttributionsIn(s, tokenize(s))
}

// claimOrDenialVerbs holds claimVerbs and DenialVerbs, for looking a
// token up in both at once.
var claimOrDenialVerbs = words.NewTable(claimVerbs, DenialVerbs)

// AttributionsIn is attributionsOf given the tokens of s.
func AttributionsIn(s string, toks []words.Token) []Attribution {
	if IsCaveat(s) {
		// "The ministry's statement could not be independently
		// verified": the reporter speaks, of what no one can check
		return nil
	}
	var out []Attribution
	var buf [words.MaxASCII]byte
	for i, t := range toks {
		if !t.Word {
			continue
		}
		lw := words.LowerBytes(&buf, t.Text)
		switch {
		case string(lw) == "according" && i+1 < len(toks) && strings.EqualFold(toks[i+1].Text, "to"):
			if a, ok := accordingTo(s, toks, i+2); ok {
				out = append(out, a)
			}
		case claimOrDenialVerbs.Has(lw) && (i == 0 || !words.StartsUpper(t.Text)) && !beforeVerb(toks, i): // not "the United States"
			if a, ok := speakerOfVerb(s, toks, i); ok {
				out = append(out, a)
			}
		case (string(lw) == "statement" || string(lw) == "announcement") && i > 0 && isPossessive(toks[i-1].Text):
			if sp := speakerBefore(s, toks, i); sp != "" {
				sp = strings.TrimSuffix(strings.TrimSuffix(sp, "'s"), "’s")
				out = append(out, Attribution{Speaker: sp, Stance: timeline.StanceClaim, Says: clauseAfter(s, toks, i+1), Verb: "says"})
			}
		}
	}
	return out
}

// beforeVerb reports whether a claim or denial verb at toks[i] stands
// right before another: it is a noun then, which the other's speaker
// holds ("Unconfirmed reports say", "Official estimates suggest").
func beforeVerb(toks []words.Token, i int) bool {
	var buf [words.MaxASCII]byte
	return i+1 < len(toks) && toks[i+1].Word && claimOrDenialVerbs.Has(words.LowerBytes(&buf, toks[i+1].Text))
}

func isPossessive(w string) bool { return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") }

// accordingTo reads "according to X, …": X runs to the next comma or
// the end of the clause.
func accordingTo(s string, toks []words.Token, from int) (Attribution, bool) {
	end := from
	for end < len(toks) && toks[end].Word && end-from < 10 {
		end++
	}
	if end == from {
		return Attribution{}, false
	}
	sp := cleanSpeaker(s[toks[from].Start:toks[end-1].End])
	if !looksLikeSpeaker(sp) {
		return Attribution{}, false
	}
	says := ""
	if end < len(toks) && toks[end].Text == "," {
		says = clauseAfter(s, toks, end+1)
	} else if from > 2 {
		says = strings.TrimSpace(s[:toks[from-2].Start])
	}
	return Attribution{Speaker: sp, Stance: timeline.StanceClaim, Says: says, Verb: "according"}, true
}

// speakerOfVerb finds the speaker of the claim or denial verb at toks[v]:
// the noun phrase before it, else, when the verb follows a comma or a
// closing quote ("…, said the governor"), the one after it.
func speakerOfVerb(s string, toks []words.Token, v int) (Attribution, bool) {
	if isParticiple(toks, v) {
		return Attribution{}, false
	}
	stance := timeline.StanceClaim
	if DenialVerbs[strings.ToLower(toks[v].Text)] {
		stance = timeline.StanceDenial
	}
	k := v
	for k > 0 && toks[k-1].Word && auxiliaries[strings.ToLower(toks[k-1].Text)] {
		k--
	}
	sp := speakerBefore(s, toks, k)
	says := clauseAfter(s, toks, v+1+objectLength(toks, v))
	if sp == "" && v > 0 && (toks[v-1].Text == "," || words.IsClosing(rune(toks[v-1].Text[0]))) {
		// "…," said the governor: what is said stands before the verb.
		sp = speakerAfter(s, toks, v+1)
		says = strings.Trim(s[:toks[v-1].Start], " ,\"“”'‘’")
	}
	if sp == "" {
		return Attribution{}, false
	}
	if w, _, _ := strings.Cut(strings.TrimLeft(says, ", "), " "); says == "" || w == "and" || w == "but" || w == "or" {
		// "…, residents said.", "…, residents said, and thousands
		// joined a march": what is said stands before the speaker
		says = saidBefore(s[:toks[k].Start], sp)
	}
	if stance == timeline.StanceClaim && deniesInvolvement(says) {
		stance = timeline.StanceDenial
	}
	return Attribution{Speaker: sp, Stance: stance, Says: says, Verb: strings.ToLower(toks[v].Text)}, true
}

// saidBefore returns what a speaker who ends a sentence says: the words
// before the comma that opens the speaker's phrase ("Five were killed,
// residents said"); "" when no comma opens it.
func saidBefore(before, sp string) string {
	i := strings.LastIndex(before, sp)
	if i <= 0 {
		return ""
	}
	head := strings.TrimRight(before[:i], " ")
	for _, det := range []string{" the", " a", " an"} {
		head = strings.TrimSuffix(head, det) // ", the spokesman said"
	}
	if !strings.HasSuffix(head, ",") {
		return ""
	}
	return strings.Trim(head, " ,\"“”'‘’")
}

// isParticiple reports whether the verb at toks[v] is a participle
// rather than a speaker's verb: "was reported", "the alleged attack",
// "a claimed victory".
func isParticiple(toks []words.Token, v int) bool {
	if v == 0 {
		return false
	}
	prev := strings.ToLower(toks[v-1].Text)
	switch prev {
	case "was", "were", "is", "are", "be", "been", "being", "the", "a", "an", "its", "their", "his", "her", "widely":
		return true
	}
	return false
}

// negations turn a claim into a denial ("insisted Kyiv was not involved").
var negations = words.SetOf(`not no never nothing none neither nor`)

// denialMarks are what a negated statement denies when it is a denial:
// a part in the happening, or its truth.
var denialMarks = []string{"involv", "responsib", "behind", "role", "part in", "true", "truth",
	"false", "fake", "connection", "nothing to do", "took part", "participat"}

// deniesInvolvement reports whether what a speaker says denies a part in
// something or its truth: a negation in its first words, and a mark of
// denial ("insisted Kyiv was not involved", "said the reports were not
// true"), not any negative fact ("said Putin did not plan to").
func deniesInvolvement(says string) bool {
	neg := false
	for i, n := 0, 0; n < 8; n++ { // the first eight words
		start, end := words.Next(says, i)
		if start < 0 {
			break
		}
		i = end
		lw := strings.ToLower(says[start:end])
		if negations[lw] || strings.HasSuffix(lw, "n't") || strings.HasSuffix(lw, "n’t") {
			neg = true
		}
	}
	if !neg {
		return false
	}
	lower := strings.ToLower(says)
	for _, m := range denialMarks {
		if strings.Contains(lower, m) {
			return true
		}
	}
	return false
}

// objectVerbs take the person spoken to before what is said ("told
// reporters that…").
var objectVerbs = words.SetOf(`told tells tell informed informs assured assures warned warns`)

// objectLength returns how many tokens after the verb at toks[v] name
// whom it was said to: up to a "that" in the next six words, else one
// word after "told"; 0 for other verbs. A particle ("pointed out") is
// skipped as well.
func objectLength(toks []words.Token, v int) int {
	lw := strings.ToLower(toks[v].Text)
	if v+1 < len(toks) && strings.EqualFold(toks[v+1].Text, "out") {
		return 1
	}
	if !objectVerbs[lw] {
		return 0
	}
	for j := v + 1; j < len(toks) && j <= v+7; j++ {
		if strings.EqualFold(toks[j].Text, "that") {
			return j - v - 1
		}
		if !toks[j].Word {
			break
		}
	}
	if (lw == "told" || lw == "tells" || lw == "tell") && v+1 < len(toks) && toks[v+1].Word {
		return 1
	}
	return 0
}

// clauseAfter returns the words after toks[from] to the end of the
// sentence, less an opening "that" and a date's preposition.
func clauseAfter(s string, toks []words.Token, from int) string {
	if from >= len(toks) {
		return ""
	}
	says := strings.TrimSpace(s[toks[from].Start:])
	says = strings.TrimRight(says, " .")
	if w, rest, ok := strings.Cut(says, " "); ok && strings.EqualFold(w, "that") && OpensClause(rest) {
		says = rest
	}
	return says
}

// IsNumberWord reports whether w, in lower case, is a number: written as
// a word ("three") or in digits.
func IsNumberWord(w string) bool {
	if numberWords[w] > 0 {
		return true
	}
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// numberWords are numbers written out.
var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
	"ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24}

// clauseOpeners are words that begin a clause after "that", where
// "that" is a conjunction and not a determiner ("said that the…" but
// "denied that version").
var clauseOpeners = words.SetOf(`the a an it he she they we i you its his her their our there this these
those some no all more at only one two three four five six seven eight nine ten several many most
both each every any`)

// OpensClause reports whether s begins a clause, not a noun that "that"
// points at.
func OpensClause(s string) bool {
	w, _, _ := strings.Cut(s, " ")
	lw := strings.ToLower(strings.Trim(w, `"“‘'`))
	if clauseOpeners[lw] || words.StartsUpper(w) || IsNumberWord(lw) || (w != "" && !unicode.IsLetter([]rune(w)[0])) {
		return true
	}
	ws := words.Split(s) // "that security forces killed": a verb follows the noun
	for i := 1; i < len(ws) && i < 4; i++ {
		if lw := strings.ToLower(ws[i]); lw == "and" || lw == "or" || lw == "of" || lw == "to" {
			return false
		}
		if words.HasVerb(ws[i]) {
			return true
		}
	}
	return false
}

// caveat matches what a reporter adds about what cannot be checked:
// "could not be independently verified", "could not immediately verify
// the videos", "did not respond to a request for comment". Such a
// sentence reports no happening and no claim.
var caveat = regexp.MustCompile(`(?i)(\b(could|can|has|have|had|was|were|is|are)( not|n't)|\bcannot|\bcouldn't) (be |been )?(immediately |independently |yet )*(verified|confirmed|corroborated|reached for comment|verify|confirm|corroborate)\b|\b(did not|didn't|has not|have not) (immediately )?(respond|reply|return)\b|\bdeclined to comment\b`)

// caveatWords are what every caveat holds one of, looked for before the
// expression is run, in lower case and in capitals (a wire's editor's
// note: "Reuters CAN NOT INDEPENDENTLY VERIFY THE CONTENT OF THE VIDEO");
// caveatNegations what every caveat says was not done.
var (
	caveatWords = []string{"verif", "confirm", "corroborat", "comment", "respond", "reply", "return",
		"VERIF", "CONFIRM", "CORROBORAT", "COMMENT", "RESPOND", "REPLY", "RETURN"}
	caveatNegations = []string{"not", "n't", "declined", "NOT", "N'T", "DECLINED"}
)

// IsCaveat reports whether a sentence is a reporter's caveat.
func IsCaveat(s string) bool {
	if !slices.ContainsFunc(caveatNegations, func(w string) bool { return strings.Contains(s, w) }) {
		return false // every caveat says what was not done
	}
	for _, w := range caveatWords {
		if strings.Contains(s, w) {
			return caveat.MatchString(s)
		}
	}
	return false
}
