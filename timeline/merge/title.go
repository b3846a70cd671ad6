package merge

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/claim"
	"github.com/timeline-project/timeline/timeline/words"
)

// Titles a reader takes for headlines: a complete clause of about
// maxTitleChars at most, never cut short. A source's own headline is the
// best material; otherwise a sentence's main clause, "Speaker says …"
// where someone speaks, with the words that only say when left out
// (the date stands beside the title).

// maxTitleChars is about the longest title a reader takes in at a glance;
// longTitleChars the longest sought when no sentence of an event makes a
// complete title so short.
const (
	maxTitleChars  = 90
	longTitleChars = 120
)

// titleCandidates is how many of an event's most central sentences a
// title is sought in.
const titleCandidates = 12

// eventTitle returns the title of an event whose members are given most
// central first, and the member it was made from: the first headline,
// else the first sentence, that makes a complete title within
// maxTitleChars, else within longTitleChars; when none does, the
// shortest complete one.
func eventTitle(members []*Mention, names canonicalNames) (string, *Mention) {
	var fallback string
	var from *Mention
	for _, limit := range []int{maxTitleChars, longTitleChars} {
		try := func(m *Mention, t string, ok bool) bool {
			if t == "" {
				return false
			}
			if ok {
				fallback, from = t, m
				return true
			}
			if fallback == "" || utf8.RuneCountInString(t) < utf8.RuneCountInString(fallback) {
				fallback, from = t, m
			}
			return false
		}
		for _, m := range members {
			if m.Role == roleHeadline && standsAlone(m.Text()) {
				if t, ok := headlineTitle(m.Text(), limit); try(m, t, ok) {
					return fallback, from
				}
			}
		}
		// sentences that stand alone first, with their own date first
		for _, pass := range []struct{ alone, own bool }{{true, true}, {true, false}, {false, true}, {false, false}} {
			for _, m := range members[:min(len(members), titleCandidates)] {
				if m.Role == roleHeadline || ownDate(m) != pass.own || claim.IsCaveat(m.Text()) || standsAlone(m.Text()) != pass.alone {
					continue
				}
				if t, ok := sentenceTitle(m, names, limit); try(m, t, ok) {
					return fallback, from
				}
			}
		}
	}
	if fallback == "" && len(members) > 0 {
		from = members[0]
		fallback = strings.TrimRight(capitalize(words.CollapseSpace(from.Text())), " .")
	}
	if utf8.RuneCountInString(fallback) > junkTitleChars {
		fallback = shortTitle(fallback, maxTitleChars)
	}
	return fallback, from
}

// shortTitle cuts s, a title longer than junkTitleChars in which no
// complete clause short enough was found (most often a table, a list or
// a caption read as one sentence), to at most max runes: where a
// sentence or a clause ends, else before a preposition, else between
// two words, keeping at least four words and never ending on a function
// word or a number, nor with a quotation mark or bracket left open. s is
// returned whole when no cut keeps four words.
func shortTitle(s string, max int) string {
	s = strings.TrimLeft(s, `"“‘' `)
	for _, kind := range []boundaryKind{sentenceEnd, clauseMark, beforePreposition, anySpace} {
		best := ""
		for i := range s {
			if utf8.RuneCountInString(s[:i]) > max {
				break
			}
			if kind == anySpace && s[i] != ' ' || kind != anySpace && !clauseBoundary(s, i, kind) {
				continue
			}
			head := strings.TrimRight(s[:i], " ,;:–—.")
			if words.Count(head) >= 4 && balanced(head) && !endsOnFunctionWord(head) && !endsOnNumber(head) {
				best = head
			}
		}
		if best != "" {
			return capitalize(best)
		}
	}
	return capitalize(s)
}

// junkTitleChars is the length past which a sentence is no title a
// reader would take for a headline, even whole: a title so long is cut
// (see shortTitle), though not where a clause ends.
const junkTitleChars = 200

// contextWords open a sentence that needs the one before it to be
// understood ("It…", "They…", "This…"), or that speaks in the first
// person of someone the reader does not know.
var contextWords = words.SetOf(`i we you he she it they this these that those his her their its our my there
such another also`)

// standsAlone reports whether a sentence can be read without the ones
// around it: it is no question and does not open with a pronoun.
func standsAlone(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(strings.TrimRight(s, `"”’'`), "?") {
		return false
	}
	ws := words.Split(s)
	return len(ws) > 0 && !contextWords[strings.ToLower(ws[0])]
}

// ownDate reports whether a mention carries its own date.
func ownDate(m *Mention) bool { return basisRank(m.Basis) <= basisRank(timeline.DatedInferred) }

// headlineLabel matches a short label before a colon that opens a
// headline ("Titanic sub: …", "LIVE: …") and words that mark live pages.
var (
	headlineLabel = regexp.MustCompile(`^[^:]{1,30}:\s+`)
	liveMark      = regexp.MustCompile(`(?i)(\s*[-–—|:]?\s*\blive( updates| blog)?\s*$|^\s*(live|breaking|watch( video)?|update[sd]?)\b\s*[-–—|:]\s*)`)
)

// headlineTitle makes a title of a source's headline: a label before a
// colon, a site's name after a bar or dash, and marks of live pages
// taken off. It reports whether the result makes a title within
// maxTitleChars.
func headlineTitle(h string, limit int) (string, bool) {
	s := dropClockLabel(dateline.ReplaceAllString(words.CollapseSpace(h), ""))
	s = liveMark.ReplaceAllString(s, "")
	if before, _, ok := strings.Cut(s, " | "); ok && words.Count(before) >= 3 {
		s = before
	}
	for _, dash := range []string{" - ", " – ", " — "} {
		if i := strings.LastIndex(s, dash); i > 0 {
			if tail := s[i+len(dash):]; words.Count(tail) <= 3 && words.StartsUpper(tail) && !words.HasVerb(tail) && words.Count(s[:i]) >= 3 {
				s = s[:i]
			}
		}
	}
	if loc := headlineLabel.FindStringIndex(s); loc != nil {
		if label, rest := s[:loc[1]], s[loc[1]:]; !words.HasVerb(label) && words.Count(label) <= 4 && words.Count(rest) >= 4 {
			s = rest
		}
	}
	s = strings.TrimRight(unquote(strings.TrimSpace(s)), " .,;:")
	if words.Count(s) < minHeadlineWords || endsOnFunctionWord(s) {
		return "", false
	}
	n := utf8.RuneCountInString(s)
	if n <= limit {
		return capitalize(s), true
	}
	for _, kind := range []boundaryKind{sentenceEnd, clauseMark} {
		if c := lastClauseAt(s, limit, kind); c != "" {
			return capitalize(c), true
		}
	}
	// a headline a little long reads better whole than cut before a
	// preposition
	if n <= limit+headlineSlack && isClause(s) {
		return capitalize(s), true
	}
	if c := lastClauseAt(s, limit, beforePreposition); c != "" {
		return capitalize(c), true
	}
	return capitalize(s), false
}

// headlineSlack is how many runes over the limit a source's headline may
// run, whole, rather than be cut before a preposition.
const headlineSlack = 10

// sentenceTitle makes a title of a sentence: "Speaker says what" where
// someone claims or denies it, else the sentence's main clause. It
// reports whether the result makes a complete title within
// maxTitleChars.
func sentenceTitle(m *Mention, names canonicalNames, limit int) (string, bool) {
	if t, ok := speakerTitle(m, names, limit); t != "" {
		return t, ok
	}
	before, after := withoutWhen(m)
	s := tidyPunctuation(words.CollapseSpace(before + " " + strings.TrimLeft(after, " ")))
	s = strings.ReplaceAll(s, " ,", ",")
	s = dateline.ReplaceAllString(s, "")
	s = dropClockLabel(s)
	s = dropLeadingWords(strings.TrimLeft(s, ",;: "))
	s = attributionLead.ReplaceAllString(s, "")
	s = attributionAside.ReplaceAllString(s, "")
	s = dropOpeningPhrase(s)
	s = unquote(strings.TrimRight(s, " .,;:!?"))
	if s == "" {
		return "", false
	}
	c, ok := clauseWithin(s, limit)
	return capitalize(c), ok
}

// dateline matches what a wire story opens with before its first
// sentence: a bullet, the place ("KYIV, Ukraine – "), the place and the
// agency ("CAIRO (Reuters) - ", with a stamp before it), or a live
// blog's time ("At 5:29 pm | ").
var dateline = regexp.MustCompile(`^(\s*[-–—•*]\s+|[A-Z][A-Z .'-]{2,30}(, [A-Z][A-Za-z .]{1,30})? [–—-]+ |.{0,80}?\([A-Z][A-Za-z .]{1,20}\)\s*[-–—]+\s+|(?i:at )?\d{1,2}[:.]\d{2}\s*(?i:[ap]\.?m\.?)?(\s+[A-Z]{2,4})?\s*[|:–—-]\s+)`)

// dropClockLabel leaves out a live blog's time that opens s as four
// digits ("1643 The BBC's Andy Gallagher says…"): an hour and minutes
// followed by a capital, where a year would seldom stand.
func dropClockLabel(s string) string {
	if len(s) < 6 || s[4] != ' ' || !words.StartsUpper(s[5:]) {
		return s
	}
	for i := range 4 {
		if s[i] < '0' || s[i] > '9' {
			return s
		}
	}
	if h, m := (s[0]-'0')*10+s[1]-'0', (s[2]-'0')*10+s[3]-'0'; h > 23 || m > 59 || h >= 18 && h <= 20 {
		return s // no time, or as likely a year (1800s to 2000s)
	}
	return s[5:]
}

// openingWords open a phrase that sets a sentence's scene before its
// subject ("Following the raid, Moscow invoked…").
var openingWords = words.SetOf(`following after before despite amid amidst in during since as while with without
under at by for from among although though when because once upon throughout within`)

// maxOpening is the longest opening phrase a title leaves out.
const maxOpening = 80

// dropOpeningPhrase leaves out the phrase before the first comma of s
// when it opens with a preposition or a conjunction and what follows is
// a clause: the clause says what happened, the phrase when or why.
func dropOpeningPhrase(s string) string {
	first, _, _ := strings.Cut(s, " ")
	i := strings.Index(s, ", ")
	if !openingWords[strings.ToLower(first)] || i < 0 || i > maxOpening {
		return s
	}
	if rest := s[i+2:]; isClause(rest) {
		return capitalize(rest)
	}
	return s
}

// speakerTitle makes "Speaker says what" of a sentence where a speaker
// claims or denies it; "" when no speaker does, or what is said is too
// short to say anything.
func speakerTitle(m *Mention, names canonicalNames, limit int) (string, bool) {
	a := m.primary()
	if a.Speaker == "" || claim.SpeakerPronouns[strings.ToLower(a.Speaker)] || a.Verb == "according" {
		return "", false
	}
	says, ok := saidWords(m, a)
	if a.Verb == "told" || a.Verb == "tells" {
		// "told the BBC that …": what is said comes after whom it is
		// told; without "that", the words after the verb name a listener
		before, _, found := strings.Cut(m.Text(), a.Says)
		ok = ok && found && strings.HasSuffix(strings.TrimSpace(before), "that")
	}
	if !ok || words.Count(says) < 3 {
		return "", false
	}
	who := shortSpeaker(names.of(a))
	if who == "" {
		who = shortSpeaker(a.Speaker)
	}
	verb := "says"
	switch {
	case claim.DenialVerbs[a.Verb]:
		verb = "denies"
	case titleVerbs[a.Verb] != "":
		verb = titleVerbs[a.Verb]
	}
	if plural(who) {
		verb = pluralVerb(verb)
	}
	lead := who + " " + verb + " "
	says = unquote(strings.TrimRight(says, " .,;:!?"))
	c, ok := clauseWithin(says, limit-utf8.RuneCountInString(lead))
	return capitalize(lead + c), ok
}

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

// lastClauseAt returns the longest part of s within max runes that ends
// at a boundary of kind and holds a clause, or "".
func lastClauseAt(s string, max int, kind boundaryKind) string {
	best := ""
	for i := range s {
		if utf8.RuneCountInString(s[:i]) > max {
			break
		}
		if !clauseBoundary(s, i, kind) {
			continue
		}
		head := strings.TrimRight(s[:i], " ,;:–—")
		if kind == sentenceEnd {
			head = strings.TrimSuffix(head, ".")
		}
		if isClause(head) && !endsOnFunctionWord(head) && (kind != beforePreposition || !endsOnNumber(head)) {
			best = head
		}
	}
	return best
}

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
	for part := range strings.SplitSeq(s, ",") {
		ws := words.Split(part)
		if len(ws) > 0 && relativeWords[strings.ToLower(ws[0])] {
			k++
			continue // "who has written…" says nothing of the subject alone
		}
		for i, w := range ws {
			// a verb opening the second part is a participle ("The
			// vessel, named Titan"); opening a later one, the predicate
			// after an apposition ("The vessel, named Titan, lost")
			if words.IsVerb(w) && (i > 0 || k >= 2) {
				return true
			}
		}
		k++
	}
	return false
}

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
its their his her our your my is are was were be been has have had will would can could into about
over under after before during while whose this these those such not no
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

// capitalize returns s with its first letter in upper case.
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
