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
				if m.Role == roleHeadline || ownDate(m) != pass.own || claim.IsCaveat(m.Text()) || (standsAlone(m.Text()) && !ownWords(m.Text())) != pass.alone {
					continue
				}
				t, ok := sentenceTitle(m, names, limit)
				if pass.alone && !standsAlone(t) {
					continue // "Friday, it issued a communique…" made "It issued a communique…"
				}
				if try(m, t, ok) {
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
	for _, clause := range []bool{true, false} {
		for _, kind := range []boundaryKind{sentenceEnd, clauseMark, beforePreposition, anySpace} {
			if best := shortHead(s, max, kind, clause); best != "" {
				return capitalize(best)
			}
		}
	}
	return capitalize(s)
}

// shortHead returns the longest part of s within max runes that ends at
// a boundary of kind, holds four words or more, its quotation marks and
// brackets closed, and does not end on a function word or a number;
// with clause, only one that holds a clause (not "Former Prime Minister
// Tony Blair" of "…, said in a statement: …").
func shortHead(s string, max int, kind boundaryKind, clause bool) string {
	best := ""
	for i := range cutsWithin(s, max, kind) {
		head := strings.TrimRight(s[:i], " ,;:–—.")
		if words.Count(head) >= 4 && balanced(head) && !endsOnFunctionWord(head) && !endsOnNumber(head) &&
			(!clause || isClause(head) && !endsOnVerb(head)) {
			best = head
		}
	}
	return best
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
// around it: it is no question and does not open with a pronoun
// ("That's", "It was").
func standsAlone(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(strings.TrimRight(s, `"”’'`), "?") {
		return false
	}
	ws := words.Split(s)
	if len(ws) > 1 && strings.EqualFold(ws[0], "there") && existentialVerbs[strings.ToLower(ws[1])] {
		return true // "There were reports of fighting in the west"
	}
	return len(ws) > 0 && !contextWords[strings.ToLower(words.BeforeApostrophe(ws[0]))]
}

// existentialVerbs after "there" say that something is, not where.
var existentialVerbs = words.SetOf(`is are was were has have had will would may might could seems seemed appears appeared remain remains remained`)

// ownWords reports whether a sentence is someone's own words without
// quotation marks ("I think the problem is solved", "We heard from them
// today"): who says them is in another sentence or a transcript's
// label, and a title of them names no one.
func ownWords(s string) bool {
	quoted := false
	for i := 0; ; {
		start, end := words.Next(s, i)
		if start < 0 {
			return false
		}
		quoted = quotedAfter(s[i:start], quoted)
		w := words.BeforeApostrophe(s[start:end]) // "I'm", "we're"
		if !quoted && (w == "I" || speakerWords[w] || openingSpeakerWords[w]) {
			return true
		}
		i = end
	}
}

// quotedAfter reports whether the text after gap is inside quotation
// marks, given whether the text before it was.
func quotedAfter(gap string, quoted bool) bool {
	for _, r := range gap {
		switch r {
		case '"':
			quoted = !quoted
		case '“':
			quoted = true
		case '”':
			quoted = false
		}
	}
	return quoted
}

// openingSpeakerWords are speakerWords as a sentence or a transcript's
// line opens with them ("HOST: You must be tired"); not "US".
var openingSpeakerWords = words.SetOf(`We Our My You Your`)

// speakerWords are the words of one who speaks, or of whom they speak to.
var speakerWords = words.SetOf(`we us our me my you your`)

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
		return finishedTitle(t, ok)
	}
	before, after := withoutWhen(m)
	s := tidyPunctuation(words.CollapseSpace(before + " " + strings.TrimLeft(after, " ")))
	s = strings.ReplaceAll(s, " ,", ",")
	s = dateline.ReplaceAllString(s, "")
	s = dropClockLabel(dropBracketLabels(s))
	s = dropLeadingWords(dropLeadingAside(strings.TrimLeft(s, ",;: ")))
	s = attributionLead.ReplaceAllString(s, "")
	s = attributionAside.ReplaceAllString(s, "")
	s = dropPronounAttribution(strings.TrimRight(s, " "))
	s = dropOpeningPhrase(s)
	s = unquote(strings.TrimRight(s, " .,;:!?"))
	if s == "" {
		return "", false
	}
	c, ok := clauseWithin(dropDanglingPreposition(s), limit)
	return finishedTitle(capitalize(c), ok)
}

// finishedTitle returns title without the prepositions its dates left at
// its end, and whether it is complete: ok, more than who speaks ("The
// prime minister's office said"), and not ending on a word that needs
// more after it ("…a move toward that" may end a sentence; "…would close
// the chain over the" may not).
func finishedTitle(title string, ok bool) (string, bool) {
	title = dropDanglingPreposition(title)
	ws := words.Split(title)
	if len(ws) == 0 {
		return title, false
	}
	last := strings.ToLower(ws[len(ws)-1])
	onlyWhoSpeaks := speechVerbs[last] && !strings.ContainsAny(title, `,"“”`) && !words.HasVerb(strings.Join(ws[:len(ws)-1], " "))
	return title, ok && !onlyWhoSpeaks && !titleEndWords[last]
}

// titleEndWords are words no complete title ends on.
var titleEndWords = words.SetOf(`a an the and or but to from for with into than whose`)

// danglingWords end a sentence whose date was taken out after them
// ("…marched in Alexandria for", "…down by 15 percent compared to").
var danglingWords = words.SetOf(`to from for since until till during compared`)

// dropDanglingPreposition returns s without the prepositions left at
// its end where the dates after them went ("the emails are said to date
// from to" of "…from 2005 to 2011").
func dropDanglingPreposition(s string) string {
	for {
		i := strings.LastIndexByte(s, ' ')
		if i < 0 || !danglingWords[strings.ToLower(s[i+1:])] {
			return s
		}
		s = strings.TrimRight(s[:i], " ,")
	}
}

// leadingAside matches what a title cannot open with: a label in
// capitals ("NEW: ", "UPDATE: "), or an aside between dashes ("-- soon
// after the plant reopened -- ") left at the front where the date
// before it was taken out.
var leadingAside = regexp.MustCompile(`^([A-Z]{3,}:\s+|(--|[–—])\s[^–—]{1,80}?\s(--|[–—])\s+|(--|[–—])\s*)`)

// dropLeadingAside returns s without a leading label or aside.
func dropLeadingAside(s string) string {
	if rest := leadingAside.ReplaceAllString(s, ""); rest != "" {
		return rest
	}
	return s
}

// dateline matches what a wire story opens with before its first
// sentence: a bullet, the place ("KYIV, Ukraine – "), the place and the
// agency ("CAIRO (Reuters) - ", with a stamp before it), or a live
// blog's time ("At 5:29 pm | ").
var dateline = regexp.MustCompile(`^(\s*[-–—•*]\s+|[A-Z][A-Z .'-]{2,30}(, [A-Z][A-Za-z .]{1,30})? [–—-]+ |.{0,80}?\([A-Z][A-Za-z .]{1,20}\)\s*[-–—]+\s+|(?i:at )?\d{1,2}[:.]\d{2}\s*(?i:[ap]\.?m\.?)?(\s+[A-Z]{2,4})?\s*[|:–—-]\s+)`)

// dropClockLabel leaves out a live blog's time that opens s: with a
// colon ("22:45 Strange how…", "10:18 AM The deep contraction…"), or as
// four digits ("1643 The BBC's Andy Gallagher says…"), an hour and
// minutes where a year would seldom stand; a capital follows.
func dropClockLabel(s string) string {
	if m := clockLabel.FindString(s); m != "" && len(m) < len(s) && words.StartsUpper(s[len(m):]) {
		return s[len(m):] // "22:45 Strange how…", "10:18 AM The deep contraction…"
	}
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

// bracketLabel matches a label in brackets that opens a live page's
// update or a photograph's caption: a time ("( 10:55 a.m. ET)",
// "(Update 4:18 p.m. in Cairo, 9:18 a.m. ET)", "(Posted at 11:56 a.
// m)") or a credit ("(AP Photo/Evan Vucci)", "(Evan Vucci - AP)").
var bracketLabel = regexp.MustCompile(`^\((?:\s*(?:Update|Updated|Posted)\b[^()]{0,60}|[^()]{0,40}\d{1,2}(?::\d{2})?\s*[AaPp]\.?\s?[Mm]\b\.?[^()]{0,40}|[^()]{0,20}\bPhoto\b[^()]{0,30}|[A-Z][^()]{0,30} - (?:AP|AFP|Reuters|Getty Images)\s*)\)\s*`)

// dropBracketLabels leaves out the labels in brackets that open s, when
// a capital follows them.
func dropBracketLabels(s string) string {
	rest := s
	for {
		m := bracketLabel.FindString(rest)
		if m == "" {
			break
		}
		rest = rest[len(m):]
	}
	if rest == s || !words.StartsUpper(rest) {
		return s
	}
	return rest
}

// clockLabel matches a live page's clock time with a colon that opens
// a line, its half of the day and zone with it, maybe after a place and
// before the local time ("LIBYA, 3:29 p.m. ET, 10:29 p.m. local:"), or
// the local time alone where the date was taken out before it.
var clockLabel = regexp.MustCompile(`^([A-Z][A-Z .'-]{1,30}, )?\d{1,2}:\d{2}(\s*[AaPp]\.?[Mm]\.?)?(\s+(ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|BST|UTC|CET|local))?` +
	`(,\s*\d{1,2}:\d{2}(\s*[AaPp]\.?[Mm]\.?)?\s+local)?:?\s+`)

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
	if !ok || words.Count(says) < 3 || onlyWhere(says) {
		return "", false
	}
	who := shortSpeaker(names.of(a))
	if who == "" {
		who = shortSpeaker(a.Speaker)
	}
	if who == "" {
		return "", false
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
	says, ok = reported(unquote(strings.TrimRight(dateline.ReplaceAllString(says, ""), " .,;:!?")))
	if first, _, _ := strings.Cut(says, " "); !ok || words.IsVerb(first) || strings.HasSuffix(first, "ing") && !words.StartsUpper(first) {
		// "who activists said were killed…", "…, citing a report": no
		// subject of its own
		return "", false
	}
	c, ok := clauseWithin(says, limit-utf8.RuneCountInString(lead))
	if onlyWhere(c) {
		return "", false // "says in a farewell speech to officer cadets", what followed cut off
	}
	return capitalize(lead + c), ok
}

// reported returns words a speaker says as a title reports them after
// "says": a sentence of theirs without quotation marks loses its
// opening conjunction ("But the league cannot ignore…") and its
// capital ("The people who made these tools…"); in the first person
// ("We are capable of…") it is no report, and false.
func reported(says string) (string, bool) {
	w, rest, _ := strings.Cut(says, " ")
	switch {
	case w == "I" || openingSpeakerWords[w]:
		return says, false
	case w == "But" || w == "And" || w == "So" || w == "Yet":
		return reported(strings.TrimLeft(rest, ", "))
	case reportedOpeners[w]:
		return strings.ToLower(w) + says[len(w):], true
	}
	return says, true
}

// reportedOpeners are words that open a speaker's sentence with a
// capital, lower case after "says".
var reportedOpeners = words.SetOf(`The A An This That These Those There It Its Their His Her
Around About Among Some Many More Most Several Few Thousands Hundreds Dozens Scores At In On Over Nearly Almost
Only All Any Another Other Such Both Each Every No None Two Three Four Five Six Seven Eight Nine Ten`)

// capitalize returns s with its first letter in upper case.
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
