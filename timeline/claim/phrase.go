package claim

import (
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline/words"
)

// Speaker phrases: the names, roles and the words that join them, read
// back from a speaker's verb or on from it.

// speakerBefore reads the speaker phrase that ends before toks[k]: back
// over names, roles and their joining words, and over one appositive
// between commas ("Gladkov, the governor of Belgorod,").
func speakerBefore(s string, toks []words.Token, k int) string {
	if c := relativeClauseBefore(toks, k); c > 0 {
		// "Stockton Rush, who is aboard … the Titanic, said": the speaker
		// stands before the relative clause, where one is named there
		if sp := speakerBefore(s, toks, c); sp != "" {
			return sp
		}
	}
	start := phraseStart(toks, k)
	if start == k {
		return ""
	}
	if who, ok := speakerAtPlace(toks, start); ok {
		start = who
	} else if who < start-1 {
		// "The BBC's Jon Leyne in Cairo says": the name is the speaker
		k = start - 1
		start = who
	} else if placeOfThing(toks, start) {
		return "" // "Journalists covering the unrest in Egypt reported": not Egypt
	}
	// "Gladkov, the governor of Belgorod, said": the phrase is an
	// appositive; the name stands before it.
	if start >= 2 && toks[start-1].Text == "," && k > 0 && toks[k-1].Text == "," {
		if nameStart := phraseStart(toks, start-1); nameStart < start-1 && allCapitalized(toks[nameStart:start-1]) {
			start = nameStart
		}
	}
	end := k
	for end > start && !toks[end-1].Word {
		end--
	}
	if end <= start {
		return ""
	}
	sp := cleanSpeaker(s[toks[start].Start:toks[end-1].End])
	if !looksLikeSpeaker(sp) {
		return ""
	}
	return sp
}

// speakerAtPlace reads back from a place's name that starts at
// toks[start] over a preposition of place to who is there: "A woman in
// Tripoli says", "Witnesses in Deraa told", "Officials at the Pentagon
// said". The place is where the speaker is, not who speaks. It returns
// the start of the phrase with its place and true where who is there is
// described ("woman in Tripoli"); where a name stands there ("Jon Leyne
// in Cairo") the start of the name alone and false; else start and
// false.
func speakerAtPlace(toks []words.Token, start int) (int, bool) {
	if start < 2 || !PlacePrepositions[strings.ToLower(toks[start-1].Text)] || !toks[start-2].Word || !words.StartsUpper(toks[start].Text) && !strings.EqualFold(toks[start].Text, "the") {
		return start, false
	}
	who := phraseStart(toks, start-1)
	if who == start-1 {
		return start, false
	}
	described, named := false, false
	for _, t := range toks[who : start-1] {
		if SpeakerNouns[strings.ToLower(t.Text)] {
			described = true
		} else if t.Word && words.StartsUpper(t.Text) {
			named = true
		}
	}
	switch {
	case named && allCapitalized(toks[who:start-1]):
		return who, false
	case described:
		return who, true
	}
	return start, false
}

// placeOfThing reports whether the place that starts at toks[start]
// is where a thing is, not a speaker: after a preposition of place that
// follows a lower-case word no speaker is ("the unrest in Egypt").
func placeOfThing(toks []words.Token, start int) bool {
	if start < 2 || !PlacePrepositions[strings.ToLower(toks[start-1].Text)] || !toks[start-2].Word {
		return false
	}
	w := toks[start-2].Text
	return !words.StartsUpper(w) && !SpeakerNouns[strings.ToLower(w)] && !SpeakerPronouns[strings.ToLower(w)]
}

// PlacePrepositions put a speaker in a place: "A woman in Tripoli".
var PlacePrepositions = words.SetOf(`in at near inside outside`)

// relativeClauseBefore returns, when a relative or participle clause
// between commas ends before toks[k] ("…, who is one of five people
// aboard, said", "…, speaking in Benghazi, said"), the index of the
// comma that opens it; else 0.
func relativeClauseBefore(toks []words.Token, k int) int {
	if k < 2 || toks[k-1].Text != "," {
		return 0
	}
	for c := k - 2; c > 0 && k-c < 40; c-- {
		if toks[c].Text != "," {
			continue
		}
		if c+1 < k && (relativePronouns[strings.ToLower(toks[c+1].Text)] || participle(toks[c+1].Text) || prepositionalAside(toks[c+1:k-1])) {
			return c
		}
		return 0 // another comma first: an appositive, a list
	}
	return 0
}

// prepositionalAside reports whether toks, between two commas, are a
// phrase about who was just named that opens with a preposition and
// holds no verb ("Tony Blair, in power at the time of the attacks,
// said").
func prepositionalAside(toks []words.Token) bool {
	if len(toks) < 2 || !asidePrepositions[toks[0].Text] {
		return false
	}
	return !slices.ContainsFunc(toks, func(t words.Token) bool { return t.Word && words.IsVerb(t.Text) })
}

// asidePrepositions open an aside about a speaker.
var asidePrepositions = words.SetOf(`in at with from for under since during after before like as`)

// participle reports whether a word is a present participle that opens
// a clause about who was just named ("Col. Ahmed Bani, speaking at a
// news conference in Benghazi, said").
func participle(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ing") && !words.StartsUpper(w)
}

// relativePronouns open a relative clause about who was just named.
var relativePronouns = words.SetOf(`who whose whom which`)

// phraseStart returns where the speaker phrase ending before toks[k]
// begins: at most ten words back, stopping at a stop word, a clause
// mark or a lower-case word that cannot describe a speaker. A comma
// is crossed only into a name ("…Service, Andrey Yusov,").
func phraseStart(toks []words.Token, k int) int {
	if k > 0 && SpeakerPronouns[strings.ToLower(toks[k-1].Text)] {
		return k - 1 // a pronoun stands alone: "a man they said was shot"
	}
	i := k
	for n := 0; i > 0 && n < 10; n++ {
		t := toks[i-1]
		if !t.Word {
			if t.Text == "," && i < k && toks[k-1].Text == "," && allCapitalized(toks[i:k]) && i >= 2 && toks[i-2].Word {
				i-- // the comma before an appositive name
				continue
			}
			if t.Text == "," && i == k { // "Yusov, insisted"
				i--
				continue
			}
			break
		}
		lw := strings.ToLower(t.Text)
		if t.Text == "The" && i >= 2 && toks[i-2].Word && !nameQualifiers[strings.ToLower(toks[i-2].Text)] {
			// "…the rape of a woman The Libyan prime minister denies", "If
			// Libya, why not Syria The United States rejects": a sentence run
			// into the one before
			i--
			break
		}
		if lw == "of" || lw == "for" || lw == "to" || lw == "the" {
			i-- // "adviser to President Volodymyr Zelensky"
			continue
		}
		if speakerStops[lw] {
			break
		}
		if !nameWord(t.Text) && !SpeakerNouns[lw] && !SpeakerPronouns[lw] && !isPossessive(t.Text) && !IsNumberWord(lw) {
			break
		}
		i--
	}
	for i < k && (toks[i].Text == "," || strings.EqualFold(toks[i].Text, "of") || strings.EqualFold(toks[i].Text, "for") || strings.EqualFold(toks[i].Text, "to")) {
		i++
	}
	return i
}

// speakerAfter reads the speaker phrase that starts at toks[from]: "said
// the governor", "said Vyacheslav Gladkov, the governor".
func speakerAfter(s string, toks []words.Token, from int) string {
	end := from
	for end < len(toks) && toks[end].Word && end-from < 8 {
		lw := strings.ToLower(toks[end].Text)
		if speakerStops[lw] && lw != "of" && lw != "for" || !words.StartsUpper(toks[end].Text) && !SpeakerNouns[lw] && lw != "the" {
			break
		}
		end++
	}
	if end == from {
		return ""
	}
	sp := cleanSpeaker(s[toks[from].Start:toks[end-1].End])
	if !looksLikeSpeaker(sp) {
		return ""
	}
	return sp
}

func allCapitalized(toks []words.Token) bool {
	n := 0
	for _, t := range toks {
		if !t.Word {
			continue
		}
		if !nameWord(t.Text) {
			return false
		}
		n++
	}
	return n > 0
}

// cleanSpeaker drops a leading article or an opening word that is not
// part of the speaker ("However", "But"), and trailing commas.
func cleanSpeaker(sp string) string {
	sp = strings.Trim(sp, " ,")
	for {
		w, rest, ok := strings.Cut(sp, " ")
		if !ok {
			break
		}
		lw := strings.ToLower(w)
		if lw == "the" || lw == "a" || lw == "an" || lw == "however" || lw == "but" || lw == "and" || lw == "meanwhile" || lw == "also" {
			sp = rest
			continue
		}
		break
	}
	return sp
}

// looksLikeSpeaker reports whether a phrase can name a speaker: it holds
// a capitalized word that is not only the first of the sentence's words,
// a word that describes a speaker, or it is a pronoun.
func looksLikeSpeaker(sp string) bool {
	ws := words.Split(sp)
	if len(ws) == 0 {
		return false
	}
	if len(ws) == 1 && SpeakerPronouns[strings.ToLower(ws[0])] {
		return true
	}
	first := strings.ToLower(ws[0])
	if len(ws) == 1 {
		first = strings.ToLower(words.BeforeApostrophe(ws[0])) // "I'm says", "we're told"
	}
	if notSpeakers[first] {
		return false
	}
	for _, w := range ws {
		lw := strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(w), "'s"), "’s")
		if SpeakerNouns[lw] || words.StartsUpper(w) && !speakerStops[lw] && !timeWords[lw] {
			return true
		}
	}
	return false
}

// timeWords are capitalized words that are not speakers.
var timeWords = words.SetOf(`monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december today yesterday on in`)

// notSpeakers are capitalized words that begin a phrase that names no
// speaker ("This indicates…", "There said…").
var notSpeakers = words.SetOf(`this that these those there here which what such another each every some
any it's we i you us`)
