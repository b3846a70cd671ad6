package timex

import "strings"

// tenseWindow is how many tokens either side of an expression are read
// for a tense cue.
const tenseWindow = 40

// tense returns the tense of the clause of the expression [first, end):
// the expression's own words first ("next week", "two days ago"), then
// the nearest tense cue of its sentence.
func (f *finder) tense(first, end int) Tense {
	for k := first; k < end; k++ {
		switch f.toks[k].lex.word {
		case wNext:
			if !f.is(k-1, wThe) { // "the next year" may be told in the past
				return TenseFuture
			}
		case wComing, wUpcoming, wTomorrow:
			return TenseFuture
		case wLast, wAgo, wYesterday, wPast, wPrevious, wRecently:
			return TensePast
		}
	}
	if f.is(first-1, wSince) {
		return TensePast // "since Monday"
	}
	if f.frontedBefore(first) && f.punct(end, ',') {
		if c := f.cueAfter(end + 1); c != TenseUnknown {
			return c // "..., and on Tuesday, the Council was unable to agree"
		}
	}
	if f.presentVerbBefore(first) && !f.verbLike(end) && !f.verbLike(end+1) {
		return TensePresent // "expires Dec. 31", "ends on Friday", not "the vetoes on Saturday encouraged"
	}
	if f.deferredTo(first - 1) {
		return TenseFuture // "postponed until Saturday"
	}
	if f.startingAt(first - 1) {
		if c := f.cueAfter(end); c != TensePast {
			return TenseFuture // "declared three days of mourning starting Thursday"
		}
	}
	best, dist := TenseUnknown, tenseWindow+1
	for k, d := first-1, 0; k >= 0 && !f.punct(k, ';'); k-- {
		if d += f.distanceWeight(k); d >= dist {
			break
		}
		if c := f.cue(k); c != TenseUnknown {
			best, dist = c, d
			break
		}
	}
	if c := f.cueAhead(end, dist, best != TenseUnknown); c != TenseUnknown {
		return c
	}
	return best
}

// cueAhead returns the first tense cue after the expression ending
// before token end that is nearer than dist; found says whether one was
// found before the expression, which a second predicate or an
// attribution after it then does not override.
func (f *finder) cueAhead(end, dist int, found bool) Tense {
	comma := false
	for k, d := end, 0; k < len(f.toks) && !f.punct(k, ';'); k++ {
		if d += f.distanceWeight(k); d >= dist {
			break
		}
		if found && f.conjunction(k) {
			break // "reached Lebanon on Tuesday and is now safe": a second predicate
		}
		if f.is(k, wTo) {
			continue // "on Wednesday to pass a bill": the infinitive is the main verb's purpose
		}
		comma = comma || f.punct(k, ',')
		if comma && found && f.reporting(k) {
			continue // "… to admit them in early March, an official said": who tells it, not when
		}
		if c := f.cue(k); c != TenseUnknown {
			return c
		}
	}
	return TenseUnknown
}

// frontedBefore reports whether the expression starting at token first
// opens its clause, after its preposition if any: at the start of the
// sentence or after "and", "but" or a comma.
func (f *finder) frontedBefore(first int) bool {
	k := first - 1
	if f.isAny(k, wOn, wIn, wAt, wBy, wDuring, wEarly, wLate) {
		k--
	}
	return k < 0 || f.conjunction(k) || f.punct(k, ',') || f.punct(k, ';')
}

// conjunction reports whether token k is "and" or "but", which may
// join a second clause.
func (f *finder) conjunction(k int) bool {
	return f.is(k, wAnd) || strings.EqualFold(f.wordText(k), "but")
}

// cueAfter returns the first tense cue after the expression ending
// before token end, within its clause: "Starting Monday, the fighting
// intensified" is told in the past.
func (f *finder) cueAfter(end int) Tense {
	for k, d := end, 0; k < len(f.toks) && !f.punct(k, ';') && d <= tenseWindow; k++ {
		d += f.distanceWeight(k)
		if c := f.cue(k); c != TenseUnknown {
			return c
		}
	}
	return TenseUnknown
}

// distanceWeight is how far token k puts a tense cue: a comma or a dash
// counts as several words, as it often closes a clause.
func (f *finder) distanceWeight(k int) int {
	t := f.at(k)
	if t.kind != tokPunct {
		return 1
	}
	switch t.num {
	case ',', ':', '(', ')', '\u2014', '\u2013', '"', '\u201c', '\u201d':
		return 5
	}
	return 1
}

// presentVerbBefore reports whether the expression at first follows a
// present-tense verb in -s: "expires Dec. 31", "ends on Friday".
func (f *finder) presentVerbBefore(first int) bool {
	k := first - 1
	if f.isAny(k, wOn, wIn, wAt) {
		k--
	}
	t := f.at(k)
	if t.kind != tokWord || t.flags&(flagCapital|flagASCII) != flagASCII || t.lex != (lexeme{}) {
		return false
	}
	w := f.wordText(k)
	n := len(w)
	v := k
	if n > 4 && strings.HasSuffix(w, "ly") {
		v-- // "meet separately Monday"
	}
	if scheduled[f.wordText(v)] && f.pluralSubjectBefore(v) && !f.verbEarlierInClause(v) {
		return true // "He and Arafat meet Monday", "talks resume Tuesday"
	}
	return n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i' && !f.glued(k) &&
		f.subjectBefore(k) && !f.verbEarlierInClause(k)
}

// scheduled are verbs that, in the present with a day after them, tell
// what is planned: "the leaders meet Monday".
var scheduled = map[string]bool{
	"meet": true, "resume": true, "begin": true, "start": true, "vote": true, "gather": true,
	"travel": true, "return": true, "open": true, "close": true, "arrive": true, "leave": true,
	"hold": true, "play": true, "visit": true, "convene": true, "reconvene": true, "face": true,
}

// pluralSubjectBefore reports whether the word before token k looks like
// a plural subject: a plural noun ("talks", "leaders") or a name after
// "and" ("He and Arafat").
func (f *finder) pluralSubjectBefore(k int) bool {
	p := f.at(k - 1)
	if p.kind != tokWord {
		return false
	}
	w := f.wordText(k - 1)
	if p.flags&flagCapital != 0 {
		for j := k - 2; j >= k-5 && j >= 0; j-- {
			if f.is(j, wAnd) {
				return true
			}
		}
		return false
	}
	return p.lex == (lexeme{}) && len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' || strings.EqualFold(w, "they") || strings.EqualFold(w, "we")
}

// verbEarlierInClause reports whether a verb with a tense stands before
// token k in its clause: then k is no verb but a noun ("they vetoed
// Security Council resolutions in October").
func (f *finder) verbEarlierInClause(k int) bool {
	for j := k - 1; j >= 0 && k-j <= tenseWindow; j-- {
		t := f.at(j)
		if t.kind == tokPunct && t.num != '\'' && t.num != '\u2019' && t.num != '-' {
			return false
		}
		if f.isAny(j, wThat) || f.subjectPronoun(j) {
			return false
		}
		if f.verbLike(j) {
			return true
		}
	}
	return false
}

// subjectBefore reports whether the word before token k looks like the
// subject of a verb at k, so that k is no plural noun: a name ("the
// Senate votes"), a pronoun ("it ends") or a noun after a determiner
// ("the offer expires"), not "including accounts".
func (f *finder) subjectBefore(k int) bool {
	p := f.at(k - 1)
	switch {
	case p.kind != tokWord:
		return false
	case p.flags&flagCapital != 0 || f.subjectPronoun(k-1):
		return true
	}
	return p.lex == (lexeme{}) && (f.isAny(k-2, wThe, wA, wAn, wThis, wThat, wPossessive))
}

// cue returns the tense token k marks, if any.
func (f *finder) cue(k int) Tense {
	t := f.at(k)
	if t.kind != tokWord || t.flags&flagASCII == 0 {
		return TenseUnknown
	}
	if t.lex.tense != TenseUnknown {
		return f.lexicalCue(k)
	}
	if t.lex.word == wTo && f.infinitiveAt(k+1) && !f.is(k-1, wTo) {
		if f.pastGoverns(k) {
			return TensePast // "agreed to sell in October": the governing verb's time
		}
		return TenseFuture // "to run through June", "to visit on Friday"
	}
	if t.lex.month == 5 && t.flags&flagCapital == 0 {
		return TenseFuture // the modal "may": "it may cut jobs in May"
	}
	if f.perfectAuxiliary(k) && f.irregularParticiple(k+1) {
		return TensePast // "prices have come down from the middle of October": what began before now
	}
	if t.lex != (lexeme{}) || f.afterInfinitiveBe(k) {
		return TenseUnknown
	}
	var buf [maxLookup]byte
	w, ok := lowerWord(f.wordText(k), &buf)
	if !ok {
		return TenseUnknown
	}
	if pastVerbs[string(w)] {
		return TensePast
	}
	if n := len(w); n >= 5 && w[n-2] == 'e' && w[n-1] == 'd' && !edAdjectives[string(w)] {
		if f.is(k+1, wBy) && !f.isBe(k-1) && !f.perfectAuxiliary(k-1) && f.at(k-1).kind == tokWord && f.at(k-1).flags&flagCapital == 0 {
			return TenseUnknown // "new markets untouched by the crisis": a participle after its noun
		}
		return TensePast
	}
	if n := len(w); n >= 3 && w[n-1] == 's' && w[n-2] != 's' && f.subjectPronoun(k-1) {
		return TensePresent // "which ends", "it says"
	}
	return TenseUnknown
}

// lexicalCue checks the context a lexicon cue needs: "going to", "is
// due", "won't", "she'll".
func (f *finder) lexicalCue(k int) Tense {
	t := f.at(k)
	w := strings.ToLower(f.wordText(k))
	switch w {
	case "set":
		if f.isAny(k+1, wOn, wIn) && !f.isBe(k-1) {
			return TensePast // "its record high set on Aug. 6": a participle
		}
		if !f.is(k+1, wTo) {
			return TenseUnknown
		}
	case "going", "plans", "plan", "planning", "intends":
		if !f.is(k+1, wTo) {
			return TenseUnknown
		}
	case "expected", "expects", "expect", "forecast", "forecasts", "predicted", "predicts", "projected",
		"anticipated", "anticipates":
		// "expected the first hike in September" looks ahead; "rose more
		// than expected in March" does not
		if f.is(k-1, wThan) || strings.EqualFold(f.wordText(k-1), "as") {
			return TenseUnknown
		}
	case "could":
		if f.couldNot(k) {
			return TenseUnknown
		}
	case "due":
		if !f.isBe(k - 1) {
			return TenseUnknown
		}
		if f.pastPerfectBefore(k) {
			return TensePast // "had been due to expire Friday": a plan overtaken
		}
	case "planned":
		return f.plannedCue(k)
	case "scheduled", "slated":
		if f.pastPerfectBefore(k) {
			return TensePast // "had been scheduled to expire at midnight Friday"
		}
	case "ll":
		if !(f.punct(k-1, '\'') || f.punct(k-1, '\u2019')) || !f.glued(k) {
			return TenseUnknown
		}
	case "wo":
		if !f.glued(k+1) || f.wordText(k+2) != "t" {
			return TenseUnknown
		}
	case "next":
		if f.is(k+1, wTo) {
			return TenseUnknown
		}
	case "says", "say":
		return TenseUnknown // reporting: the reported clause's verb tells
	case "would":
		if strings.EqualFold(f.wordText(k+1), "have") {
			return TensePast // "would have turned 80 on Monday"
		}
	}
	return t.lex.tense
}

// objectWindow is how many words of an object may stand between a verb
// and the "to" of its infinitive: "extended their offers to acquire",
// "staged a number of celebrations to mark".
const objectWindow = 5

// directive are past verbs whose object is told to do what the
// infinitive after it says, later: "asked them to leave by Friday".
var directive = map[string]bool{
	"told": true, "asked": true, "ordered": true, "urged": true, "warned": true,
	"invited": true, "allowed": true, "encouraged": true, "advised": true, "instructed": true,
	"requested": true, "persuaded": true, "pressed": true, "begged": true, "authorized": true,
	"authorised": true, "permitted": true, "required": true, "wanted": true, "expected": true,
}

// pastGoverns reports whether the verb that governs the infinitive whose
// "to" is token k is in the past: "agreed to sell in October", "extended
// their offers to acquire the company Friday". Words without a tense
// between them are its object; a tense cue nearer, a punctuation mark
// or a conjunction ends the search.
func (f *finder) pastGoverns(k int) bool {
	quotes := 0
	for j := k - 1; j >= 0 && k-j-quotes <= objectWindow+1; j-- {
		if f.closesQuotation(j) {
			quotes++
			continue // “… kidnapped along with the boy” to make the trip: quoted words govern too
		}
		if f.at(j).kind != tokWord || f.conjunction(j) || f.is(j, wTo) {
			return false
		}
		if c := f.cue(j); c != TenseUnknown {
			// "has decided to admit them in March": a present perfect
			// looks ahead from now; "urged residents to leave by
			// Friday": what one is told to do is to come
			return c == TensePast && !f.perfectAuxiliary(j-1) && !directive[strings.ToLower(f.wordText(j))]
		}
	}
	return false
}

// reporting reports whether token k is a verb that attributes what is
// told: "said", "told", "says".
func (f *finder) reporting(k int) bool {
	switch strings.ToLower(f.wordText(k)) {
	case "said", "says", "told", "added", "announced", "reported":
		return true
	}
	return false
}

// perfectAuxiliary reports whether token k is "has" or "have", the
// auxiliary of a present perfect.
func (f *finder) perfectAuxiliary(k int) bool {
	w := strings.ToLower(f.wordText(k))
	return w == "has" || w == "have"
}

// pastPerfectBefore reports whether token k follows "had been": what
// had been due or scheduled is told from a past time.
func (f *finder) pastPerfectBefore(k int) bool {
	return strings.EqualFold(f.wordText(k-1), "been") && strings.EqualFold(f.wordText(k-2), "had")
}

// infinitiveAt reports whether token k looks like the verb of "to VERB":
// a lower-case word that is no function word and no plural noun.
func (f *finder) infinitiveAt(k int) bool {
	t := f.at(k)
	if t.kind != tokWord || t.flags&(flagCapital|flagASCII) != flagASCII || t.lex.word != wNone ||
		t.lex.unit != unitNone || t.lex.pod != podNone || t.lex.month != 0 || t.lex.weekday != 0 {
		return false
	}
	w := f.wordText(k)
	n := len(w)
	if n < 2 || f.isBe(k) && w != "be" {
		return false
	}
	switch {
	case n > 2 && w[n-1] == 's' && w[n-2] != 's':
		return false // "to civilians"
	case n > 3 && (w[n-3:] == "ing" || w[n-2:] == "ed"):
		return false
	}
	return !f.cueWord(w)
}

// cueWord reports whether w is a past-tense verb form.
func (f *finder) cueWord(w string) bool {
	var buf [maxLookup]byte
	b, ok := lowerWord(w, &buf)
	return ok && pastVerbs[string(b)]
}

// afterInfinitiveBe reports whether token k follows "to be" or a modal's
// "be": "is due to be published" has no past tense.
func (f *finder) afterInfinitiveBe(k int) bool {
	return strings.EqualFold(f.wordText(k-1), "be") || strings.EqualFold(f.wordText(k-1), "been") &&
		strings.EqualFold(f.wordText(k-2), "have") && f.is(k-3, wTo)
}

// subjectPronoun reports whether token k is a pronoun that takes a verb
// in -s: "it", "he", "she", "which", "that", "who".
func (f *finder) subjectPronoun(k int) bool {
	switch strings.ToLower(f.wordText(k)) {
	case "it", "he", "she", "which", "that", "who", "this":
		return true
	}
	return false
}

// isBe reports whether token k is a form of "to be".
func (f *finder) isBe(k int) bool {
	switch strings.ToLower(f.wordText(k)) {
	case "is", "are", "was", "were", "be", "been", "am", "being":
		return true
	}
	return false
}

// verbLike reports whether token k looks like a verb with a tense.
func (f *finder) verbLike(k int) bool { return f.cue(k) != TenseUnknown }

// lowerWord lower-cases an ASCII word of at most maxLookup letters into buf.
func lowerWord(s string, buf *[maxLookup]byte) ([]byte, bool) {
	if len(s) > maxLookup {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)], true
}
