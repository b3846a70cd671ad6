package merge

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline/claim"
	"github.com/timeline-project/timeline/timeline/words"
)

// Where a title may end: the clauses, phrases and sentences of a long
// headline or sentence, and the signs that a cut left a fragment.

// clauseWithin returns s, or the longest part of it that ends at a
// clause boundary and holds a clause (see isClause), when s is longer
// than max runes: the end of a sentence where s holds more than one,
// else a boundary before a clause mark or a word that opens a clause,
// else before a preposition. It returns false when s is longer and no
// such part is short enough, s itself returned then.
func clauseWithin(s string, max int) (string, bool) {
	if utf8.RuneCountInString(s) <= max {
		return s, isClause(s)
	}
	for _, kind := range []boundaryKind{sentenceEnd, clauseMark, beforePreposition} {
		if head := lastClauseAt(s, max, kind); head != "" {
			return head, true
		}
	}
	return s, false
}

// boundaryKind is how strongly a title may end at a place of a text.
type boundaryKind int

const (
	sentenceEnd       boundaryKind = iota // after a sentence's full stop
	clauseMark                            // before a comma, a dash, a word opening a clause
	beforePreposition                     // before a preposition too
	anySpace                              // between any two words: shortTitle's last resort
)

// cutsWithin returns the offsets of s, in order, where a part of s
// within max runes may end at a boundary of kind.
func cutsWithin(s string, max int, kind boundaryKind) iter.Seq[int] {
	return func(yield func(int) bool) {
		runes := 0 // the runes of s[:i], counted as i goes
		for i := range s {
			if runes > max {
				return
			}
			runes++
			if (kind == anySpace && s[i] == ' ' || kind != anySpace && clauseBoundary(s, i, kind)) && !yield(i) {
				return
			}
		}
	}
}

// lastClauseAt returns the longest part of s within max runes that ends
// at a boundary of kind and holds a clause, or "".
func lastClauseAt(s string, max int, kind boundaryKind) string {
	best := ""
	for i := range cutsWithin(s, max, kind) {
		head := strings.TrimRight(s[:i], " ,;:–—")
		if kind == sentenceEnd {
			head = strings.TrimSuffix(head, ".")
		} else {
			head = dropStrandedTail(head)
		}
		if isClause(head) && !endsOnFunctionWord(head) && !endsOnVerb(head) && !endsBeforeWhatIsSaid(head) && !endsInsideThatClause(head) && !spanCut(head, s[i:]) &&
			(kind != beforePreposition || !endsOnNumber(head)) {
			best = head
		}
	}
	return best
}

// endsOnVerb reports whether s ends on its only verb, which the
// preposition after it completes ("called for", "announced in a
// statement"), or on a second verb joined to a first with its object
// ("condemned the violence and called" of "… and called for calm");
// not "one person was killed and eight injured", nor "were killed and
// wounded".
func endsOnVerb(s string) bool {
	ws := words.Split(s)
	n := len(ws)
	if n == 0 || !words.IsVerb(ws[n-1]) {
		return false
	}
	if n >= 3 && (ws[n-2] == "and" || ws[n-2] == "but") && !words.IsVerb(ws[n-3]) && slices.ContainsFunc(ws[:n-3], words.IsVerb) {
		return true
	}
	return !slices.ContainsFunc(ws[:n-1], words.IsVerb)
}

// spanCut reports whether a cut of head before rest leaves a span of
// time without what it is counted from: "The strike came a day" of
// "…came a day after…", "when it crashes minutes" of "…minutes after
// take-off".
func spanCut(head, rest string) bool {
	ws := words.Split(head)
	if len(ws) == 0 || !timeUnits[strings.ToLower(ws[len(ws)-1])] {
		return false
	}
	next, _, _ := strings.Cut(strings.TrimLeft(rest, " ,"), " ")
	if !spanAnchors[strings.ToLower(next)] {
		return false
	}
	k := len(ws) - 2
	for k >= 0 && (spanCounts[strings.ToLower(ws[k])] || words.IsNumber(ws[k]) || claim.IsNumberWord(strings.ToLower(ws[k]))) {
		k--
	}
	// "trapped for 12 days", "in recent weeks", "last month": a span
	// or a date of its own
	return k < 0 || !spanOwners[strings.ToLower(ws[k])]
}

// spanAnchors count a span of time from what follows them.
var spanAnchors = words.SetOf(`after before later earlier since`)

// spanCounts count a span of time ("less than two months", "just days").
var spanCounts = words.SetOf(`a an few several less more than just only nearly about some many two recent`)

// spanOwners make a span of time a phrase of its own.
var spanOwners = words.SetOf(`for in over last past next this every per during within the each`)

// endsBeforeWhatIsSaid reports whether the last verb of s says that
// someone speaks, what they say cut off after it ("Saleh told a group of
// invited reporters", "Nevertheless, Mr Blair told MPs"); not where what
// is said stands before a comma or a quotation mark ("Six people were
// arrested, police said").
func endsBeforeWhatIsSaid(s string) bool {
	ws := words.Split(s)
	for i := len(ws) - 1; i >= 0; i-- {
		if !words.IsVerb(ws[i]) || i > 0 && determiners[strings.ToLower(ws[i-1])] {
			continue // "a group of invited reporters": a participle as an adjective
		}
		if !speechVerbs[strings.ToLower(ws[i])] {
			return false
		}
		if i+2 < len(ws) && subjectPronouns[strings.ToLower(ws[i+1])] {
			return false // "A witness said he fears a massacre": a verb in -s after a pronoun
		}
		if !listenerVerbs[strings.ToLower(ws[i])] && slices.ContainsFunc(ws[max(0, i-3):i], func(w string) bool { return beForms[strings.ToLower(w)] }) {
			return false // "It is not explicitly stated", "have been added": no one speaks
		}
		before := s[:strings.LastIndex(s, ws[i])]
		cut := max(strings.LastIndex(before, ","), strings.LastIndexAny(before, `"”’`))
		return cut < 0 || !words.HasVerb(before[:cut])
	}
	return false
}

// endsInsideThatClause reports whether s ends inside the clause that a
// "that" or "whether" after a verb opens, before the clause's verb:
// "Gates reiterated that any intervention" of "…that any intervention
// in Libya would require broad backing".
func endsInsideThatClause(s string) bool {
	ws := words.Split(s)
	for i := len(ws) - 1; i > 0; i-- {
		if lw := strings.ToLower(ws[i]); lw == "that" || lw == "whether" {
			return words.IsVerb(ws[i-1]) && !slices.ContainsFunc(ws[i+1:], words.IsVerb)
		}
	}
	return false
}

// determiners stand before a noun, and a participle after them is an
// adjective ("the wounded", "of invited reporters").
var determiners = words.SetOf(`a an the of his her their its our this that these those some many`)

// beForms make a passive of the verb after them.
var beForms = words.SetOf(`is are was were be been being`)

// subjectPronouns open a clause as its subject.
var subjectPronouns = words.SetOf(`i you he she it we they`)

// speechVerbs say that someone speaks; what follows them is what is said.
var speechVerbs = words.SetOf(`said says say told tells tell added adds wrote writes stated states explained explains`)

// listenerVerbs name whom something is told before what ("had been told
// by an official").
var listenerVerbs = words.SetOf(`told tells tell`)

// dropStrandedTail returns head without the words after its last comma
// where the cut left them stranded: the start of a phrase the cut ends,
// a lone lower-case word ("…, just" of "…, just before"), a span of
// time ("…, a day" of "…, a day after rebels withdrew"), a
// coordination ("…, and residents") or a subordinate clause ("…, while
// artists"), with no verb. A name or a number after the comma ("the
// capital, Doha"; "July 31, 2009") stays.
func dropStrandedTail(head string) string {
	i := strings.LastIndex(head, ", ")
	if i < 0 {
		return head
	}
	tail := words.Split(head[i+2:])
	if len(tail) == 0 || len(tail) > 3 || slices.ContainsFunc(tail, words.IsVerb) {
		return head
	}
	first, last := tail[0], strings.ToLower(tail[len(tail)-1])
	switch {
	case words.StartsUpper(first) || !unicode.IsLetter(rune(first[0])):
		return head
	case len(tail) == 1, timeUnits[last], first == "and" || first == "or" || first == "but", clauseOpeners[first]:
		return head[:i]
	}
	return head
}

// clauseOpeners open a clause that needs its verb ("…, while artists"
// of "…, while artists in Los Angeles sang").
var clauseOpeners = words.SetOf(`while whereas although though when because since unless until as if`)

// timeUnits name spans of time ("a day after", "hours before").
var timeUnits = words.SetOf(`minute minutes hour hours day days week weeks month months year years`)

// clauseBoundary reports whether a title may end at offset i of s, by
// kind: after a full stop that ends a sentence; before a comma,
// semicolon, colon or dash, or before a word that opens a clause of its
// own ("which", "after", "as"); with beforePreposition, before a
// preposition too.
func clauseBoundary(s string, i int, kind boundaryKind) bool {
	rest := s[i:]
	if kind == sentenceEnd {
		return endsSentence(s[:i], rest)
	}
	switch {
	case strings.HasPrefix(rest, ", "):
		return opensPhrase(rest[2:])
	case strings.HasPrefix(rest, "; "), strings.HasPrefix(rest, ": "),
		strings.HasPrefix(rest, " – "), strings.HasPrefix(rest, " — "), strings.HasPrefix(rest, " - "):
		return true
	case strings.HasPrefix(rest, " "):
		w, _, _ := strings.Cut(rest[1:], " ")
		w = strings.ToLower(w)
		return titleClauseOpeners[w] || kind == beforePreposition && titlePrepositions[w]
	}
	return false
}

// endsSentence reports whether head, followed by rest, ends a sentence:
// a full stop, question or exclamation mark (a closing quotation mark
// may follow) after a word that is no abbreviation ("U.S.", "Capt."),
// and a capital after it.
func endsSentence(head, rest string) bool {
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest[1:], `"“‘'`))
	h := strings.TrimRight(head, `"”’'`)
	if !unicode.IsUpper(next) || !strings.HasSuffix(h, ".") && !strings.HasSuffix(h, "!") && !strings.HasSuffix(h, "?") {
		return false
	}
	ws := words.Split(h)
	if len(ws) == 0 {
		return false
	}
	last := strings.ToLower(strings.TrimRight(ws[len(ws)-1], ".!?"))
	return utf8.RuneCountInString(last) > 1 && !strings.Contains(last, ".") && !abbreviations[last]
}

// abbreviations end with a full stop that ends no sentence.
var abbreviations = words.SetOf(`mr mrs ms dr st capt gen col lt sgt cpl adm rev prof gov sen rep pres jr sr
inc corp co ltd no vs etc jan feb mar apr aug sept sep oct nov dec`)

// titlePrepositions open a phrase that a long title can leave out.
var titlePrepositions = words.SetOf(`about into near in on at for from during with without across along amid
around between beyond inside outside through toward towards under within off`)

// phraseOpeners open what may follow a comma at a clause's end: a
// conjunction, a preposition or a determiner.
var phraseOpeners = words.SetOf(`and but or nor so yet which who whom whose where when while as after before
because since although though unless until if according including with without in on at for from to
by into over under about against among the a an this that these those its his her their`)

// opensPhrase reports whether s, what follows a comma, opens a phrase of
// its own rather than going on with a list ("dark, grainy videos"): a
// word of phraseOpeners, a word in -ing or -ed, or a capital.
func opensPhrase(s string) bool {
	w, _, _ := strings.Cut(s, " ")
	lw := strings.ToLower(strings.Trim(w, `"“'‘(`))
	return phraseOpeners[lw] || strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ed") || words.StartsUpper(w)
}

// titleClauseOpeners open a clause that a title can leave out.
var titleClauseOpeners = words.SetOf(`which who whom whose where while as after before because since although though
when whereas amid despite following prompting sparking leaving saying adding including`)

// isClause reports whether s holds a clause a reader can take alone: at
// least three words, a verb that is no participle in apposition, and its
// quotation marks and brackets closed.
func isClause(s string) bool {
	if words.Count(s) < 3 || !balanced(s) {
		return false
	}
	k := 0
	titleCase := isTitleCase(s)
	for part := range strings.SplitSeq(s, ",") {
		ws := words.Split(part)
		if len(ws) > 0 && (relativeWords[strings.ToLower(ws[0])] || subordinators[strings.ToLower(ws[0])]) {
			k++
			continue // "who has written…", "If it does" say nothing alone
		}
		for i, w := range ws {
			// a verb opening the second part is a participle ("The
			// vessel, named Titan"); opening a later one, the predicate
			// after an apposition ("The vessel, named Titan, lost")
			if clauseVerb(w, titleCase) && (i > 0 || k >= 2) {
				return true
			}
		}
		k++
	}
	return false
}

// clauseVerb reports whether word w is a verb of a clause: one that
// looks like a finite verb, with a capital and in -ed only in a title
// set in title case: "The United States", "General Mohammed al-Dabi"
// hold no verb.
func clauseVerb(w string, titleCase bool) bool {
	if i := strings.LastIndexByte(w, '-'); i >= 0 && words.StartsUpper(w[i+1:]) {
		return false // "Rami al-Sayed": a name after a particle
	}
	return words.IsVerb(w) && (titleCase || !words.StartsUpper(w) || words.IsCommonVerb(w))
}

// isTitleCase reports whether s is set as a headline in title case: most
// words capitalised, a small word among them ("Rebels Seized Port After
// Long Battle"). A capital there does not mark a name; in "General
// Mohammed al-Dabi" or "The United States" it does.
func isTitleCase(s string) bool {
	ws := words.Split(s)
	upper, small := 0, false
	for i, w := range ws {
		if words.StartsUpper(w) {
			upper++
			small = small || i > 0 && functionWords[strings.ToLower(w)]
		}
	}
	return small && 2*upper > len(ws)
}

// subordinators open a clause that depends on another ("If it does,
// …", "Although the talks failed, …", "When the minister returned, …";
// not "after" or "since", which open a phrase as often: "After weeks of
// protests Ben Ali fled the country").
var subordinators = words.SetOf(`if unless although though because whereas whether when whenever while`)

// relativeWords open a relative clause.
var relativeWords = words.SetOf(`who whom whose which that where`)

// balanced reports whether the quotation marks and brackets of s close:
// single quotation marks too, told from apostrophes ("Rush's") by the
// letters around them.
func balanced(s string) bool {
	if strings.Count(s, "(") != strings.Count(s, ")") || strings.Count(s, "“") != strings.Count(s, "”") ||
		strings.Count(s, `"`)%2 != 0 {
		return false
	}
	open := 0
	rs := []rune(s)
	for i, r := range rs {
		if r != '\'' && r != '‘' && r != '’' {
			continue
		}
		before := i > 0 && (unicode.IsLetter(rs[i-1]) || unicode.IsDigit(rs[i-1]))
		after := i+1 < len(rs) && (unicode.IsLetter(rs[i+1]) || unicode.IsDigit(rs[i+1]))
		switch {
		case before && after:
			// an apostrophe: "Rush's", "don't"
		case after && r != '’':
			open++
		case before && open > 0 && (i < 1 || rs[i-1] != 's' || r == '’'):
			open--
		case before && open > 0:
			open-- // "officials' " may close a quotation too
		}
	}
	return open == 0
}

// functionWords cannot end a title.
var functionWords = words.SetOf(`a an the of to in on at by for from with and or but that which who as than
where when because since if although unless until whether whereas
its their his her our your my is are was were be been has have had will would can could into about
over under after before during while whose this these those such not no already also even just very
i we you he she they i'm we're you're he's she's it's they're we've they've we'll they'll`)

// endsOnFunctionWord reports whether the last word of s is a function
// word: a sign that s was cut in the middle of a phrase.
func endsOnFunctionWord(s string) bool {
	ws := words.Split(s)
	return len(ws) == 0 || functionWords[strings.ReplaceAll(strings.ToLower(ws[len(ws)-1]), "’", "'")]
}

// endsOnNumber reports whether the last word of s is a number ("two
// people and two"): a phrase cut before what it counts.
func endsOnNumber(s string) bool {
	ws := words.Split(s)
	if len(ws) == 0 {
		return false
	}
	last := strings.ToLower(ws[len(ws)-1])
	return words.IsNumber(last) || claim.IsNumberWord(last)
}
