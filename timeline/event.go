package timeline

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline/timex"
)

// eventsOf merges mentions into the chronology's events, sorted and
// with their IDs.
func eventsOf(ms []*mention) []Event {
	names := nameSpeakers(ms)
	tt := numberTerms(ms)
	clusters := clusterMentions(ms, tt)
	var events []Event
	if len(clusters) > 0 {
		events = make([]Event, len(clusters))
	}
	eachIndex(len(clusters), func(i int) { events[i] = eventOf(clusters[i], tt, names) })
	sortEvents(events)
	eventIDs(events)
	return events
}

// maxTitleWords is the most words of an event title.
const maxTitleWords = 14

// eventOf makes the event of a cluster: its date from its best-dated
// mention, its citations in source order, its title from the most
// central mention, who claims it and whether its accounts differ.
func eventOf(c *cluster, tt *termTable, names canonicalNames) Event {
	mid, best := c.central(tt), c.best()
	members := slices.Clone(c.members)
	slices.SortFunc(members, func(a, b *mention) int {
		return cmp.Or(cmp.Compare(a.src.ID, b.src.ID), cmp.Compare(a.sentence.N, b.sentence.N))
	})
	e := Event{
		Date:       best.date,
		Precision:  eventPrecision(best.precision),
		PartOfDay:  commonPartOfDay(members),
		Title:      eventTitle(mid),
		Background: best.background,
		Dating:     datingOf(best),
	}
	e.ClaimedBy, e.Stance = claimsOf(members, names)
	accounts, disputed := accountsOf(members, names)
	if disputed {
		e.Disputed, e.Accounts = true, accounts
	}
	e.Citations = make([]Citation, 0, len(members))
	for _, m := range members {
		a := m.primary()
		e.Citations = append(e.Citations, Citation{
			Source:    m.src.ID,
			Sentence:  m.sentence.N,
			Quote:     m.quoted(),
			DateText:  collapseSpace(m.dateText()),
			DateBasis: m.basis,
			DatedBy:   m.datedBy,
			Speaker:   names.of(a),
			Stance:    a.stance,
		})
		if m.date != best.date && m.basis != DatedMatched {
			e.OtherDates = append(e.OtherDates, OtherDate{Source: m.src.ID, Date: m.date.String(), DateText: collapseSpace(m.dateText())})
		}
	}
	e.Summary = summaryOf(&e, mid)
	return e
}

// eventPrecision returns the precision an event shows: day, month or
// year (a week, season or quarter shows as its month, a decade as its
// year).
func eventPrecision(p timex.Precision) timex.Precision {
	switch {
	case p <= timex.PrecisionDay:
		return timex.PrecisionDay
	case p <= timex.PrecisionQuarter:
		return timex.PrecisionMonth
	}
	return timex.PrecisionYear
}

// summaryOf says what the sources together report: the central
// sentence, how many sources report it, and who disputes it.
func summaryOf(e *Event, mid *mention) string {
	var b strings.Builder
	b.WriteString(collapseSpace(mid.text()))
	if n := e.sourceCount(); n > 1 {
		fmt.Fprintf(&b, " Reported by %d sources.", n)
	}
	if e.Disputed {
		var sides []string
		for _, a := range e.Accounts {
			who := a.Speaker
			if who == "" {
				who = "the sources"
			}
			sides = append(sides, who+" ("+string(a.Stance)+")")
		}
		b.WriteString(" Accounts differ: " + strings.Join(sides, "; ") + ".")
	}
	return b.String()
}

// commonPartOfDay returns the part of day most mentions give, the
// first of equals; "" when none gives one.
func commonPartOfDay(ms []*mention) string {
	counts := map[string]int{}
	best := ""
	for _, m := range ms {
		if m.partOfDay == "" {
			continue
		}
		counts[m.partOfDay]++
		if counts[m.partOfDay] > counts[best] {
			best = m.partOfDay
		}
	}
	return best
}

// leadingWords are sentence openers a title does without.
var leadingWords = []string{"however", "but", "meanwhile", "in addition", "additionally", "also",
	"moreover", "furthermore", "and", "still", "yet", "so", "then"}

// datePrepositions stand before a date and go with it.
var datePrepositions = []string{"early on", "late on", "on", "this", "last"}

// titleVerbs are the present-tense verbs a title gives a speaker.
var titleVerbs = map[string]string{"claimed": "claims", "claims": "claims", "alleged": "alleges",
	"alleges": "alleges", "insisted": "insists", "insists": "insists", "warned": "warns", "warns": "warns",
	"announced": "announces", "announces": "announces", "confirmed": "confirms", "confirms": "confirms",
	"accused": "accuses", "accuses": "accuses", "blamed": "blames", "blames": "blames", "vowed": "vows",
	"vows": "vows", "admitted": "admits", "admits": "admits", "declared": "declares", "declares": "declares",
}

// eventTitle makes an event's title from its central mention: "Speaker
// says what" where a speaker claims or denies it ("Kyiv denies any
// involvement in the incident"), else the sentence's main clause.
func eventTitle(m *mention) string {
	a := m.primary()
	if a.speaker == "" || speakerPronouns[strings.ToLower(a.speaker)] {
		return headline(m)
	}
	says, ok := saidWords(m, a)
	if !ok || a.verb == "according" {
		return headline(m)
	}
	who := shortSpeaker(a.speaker)
	verb := "says"
	switch {
	case denialVerbs[a.verb]:
		verb = "denies"
	case titleVerbs[a.verb] != "":
		verb = titleVerbs[a.verb]
	}
	if plural(who) {
		verb = pluralVerb(verb)
	}
	n := maxTitleWords - wordCount(who) - 1
	if wordCount(says) < 3 || n < 5 {
		return headline(m)
	}
	says = unquote(strings.TrimRight(cutAtClause(says, n), " .,;:!?"))
	return clipTitle(capitalize(who + " " + verb + " " + says))
}

// saidWords returns what a speaker says in a mention's sentence, with
// its dates and their prepositions taken out and an opening "that"
// dropped; false when the words are not found in the sentence.
func saidWords(m *mention, a attribution) (string, bool) {
	at := strings.Index(m.text(), a.says)
	if a.says == "" || at < 0 {
		return a.says, false
	}
	start := m.sentence.Span.Start + at
	says := tidyPunctuation(collapseSpace(withoutWhenWords(m.src.Text, Span{start, start + len(a.says)}, m.exprs)))
	says = strings.TrimLeft(strings.ReplaceAll(says, " ,", ","), ",;: ")
	if w, rest, ok := strings.Cut(says, " "); ok && strings.EqualFold(w, "that") && opensClause(rest) {
		says = rest
	}
	return says, true
}

// plural reports whether a speaker phrase is plural: its last word is
// a lower-case noun in -s ("Russian officials", "militia members").
func plural(sp string) bool {
	ws := words(sp)
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1]
	if len(ws) > 2 && strings.EqualFold(ws[0], "one") && strings.EqualFold(ws[1], "of") {
		return false // "one of the factions"
	}
	if lw := strings.ToLower(last); speakerNouns[lw] && strings.HasSuffix(lw, "s") && len(ws) == 1 {
		return true // "Officials"
	}
	return !startsUpper(last) && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss")
}

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

// whenWords stand before a date and go with it.
var whenWords = setOf(`on in at by since until till during from early late this last next`)

// withoutWhenWords returns the text of span with its temporal
// expressions left out, and the words that introduce them ("said on
// Tuesday that" → "said that").
func withoutWhenWords(text string, span Span, exprs []timex.Expr) string {
	var b strings.Builder
	pos := span.Start
	for _, e := range exprs {
		if e.Start >= span.End {
			break
		}
		if e.Start < pos || e.End > span.End {
			continue
		}
		before := text[pos:e.Start]
		for {
			trimmed := strings.TrimRightFunc(before, unicode.IsSpace)
			i := strings.LastIndexFunc(trimmed, unicode.IsSpace)
			if !whenWords[strings.ToLower(trimmed[i+1:])] {
				break
			}
			before = trimmed[:i+1]
		}
		b.WriteString(before)
		b.WriteByte(' ')
		pos = e.End
	}
	b.WriteString(text[pos:span.End])
	return b.String()
}

// punctuationRun matches commas, semicolons and colons left in a row
// where dates were taken out ("closed, , , and").
var punctuationRun = regexp.MustCompile(`([,;:])(?:\s*[,;:])+`)

// tidyPunctuation makes each run of clause marks one mark.
func tidyPunctuation(s string) string { return punctuationRun.ReplaceAllString(s, "$1") }

// maxTitleBytes bounds a title however its words run.
const maxTitleBytes = 200

// clipTitle cuts a title longer than maxTitleBytes at a word boundary,
// with an ellipsis.
func clipTitle(s string) string {
	if len(s) <= maxTitleBytes {
		return s
	}
	cut := s[:maxTitleBytes]
	for !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	if i := strings.LastIndexByte(cut, ' '); i > maxTitleBytes/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// shortSpeaker returns a speaker's name short enough for a title: a
// person's name without the role when the phrase is long.
func shortSpeaker(sp string) string {
	if wordCount(sp) <= 5 && !strings.Contains(sp, ",") {
		return sp
	}
	if first, last := personName(sp); last != "" {
		return strings.TrimSpace(first + " " + last)
	}
	return shorten(sp, 5)
}

// headline makes a short title from a mention's sentence: the words
// that only say when taken out (the date stands beside the title),
// openers such as "However," dropped, and the sentence cut at a clause
// boundary.
func headline(m *mention) string {
	before, after := withoutWhen(m)
	s := tidyPunctuation(collapseSpace(before + " " + strings.TrimLeft(after, " ")))
	s = strings.ReplaceAll(s, " ,", ",")
	s = dropLeadingWords(strings.TrimLeft(s, ",;: "))
	s = attributionLead.ReplaceAllString(s, "")
	s = attributionAside.ReplaceAllString(s, "")
	s = cutAtClause(s, maxTitleWords)
	s = unquote(strings.TrimRight(s, " .,;:!?"))
	return clipTitle(capitalize(s))
}

// withoutWhen returns the mention's sentence before and after its date,
// with the date left out where it only says when: "on Monday", "said
// Tuesday", an opening "On Tuesday,"; "Monday's raid" becomes "the
// raid". Elsewhere ("worked through the night") the date stays.
func withoutWhen(m *mention) (before, after string) {
	text := m.src.Text
	if !m.sentence.Span.Contains(m.dateSpan) || m.dateSpan.Start == m.dateSpan.End {
		return collapseSpace(withoutDates(text, m.sentence.Span, m.exprs)), "" // dated by context or undated
	}
	before = strings.TrimRightFunc(text[m.sentence.Span.Start:m.dateSpan.Start], unicode.IsSpace)
	after = text[m.dateSpan.End:m.sentence.Span.End]
	for _, suffix := range []string{"'s", "’s"} {
		if strings.HasPrefix(after, suffix) || strings.HasSuffix(m.dateText(), suffix) {
			// "Following Monday's raid" → "Following the raid"
			return strings.TrimSpace(before + " the"), strings.TrimPrefix(after, suffix)
		}
	}
	trimmed, prep := trimDatePreposition(before)
	ws := words(trimmed)
	lastWord := ""
	if len(ws) > 0 {
		lastWord = strings.ToLower(ws[len(ws)-1])
	}
	lowerDate := strings.ToLower(m.dateText())
	switch {
	case strings.TrimSpace(trimmed) == "", len(ws) == 1 && strings.HasPrefix(strings.TrimSpace(after), ","):
		return "", strings.TrimLeft(after, " ,;:") // "On Tuesday, Moscow said", "By Tuesday morning, ..."
	case prep || speechVerbs[lastWord]:
		return trimmed, after // "said on Monday that", "said Tuesday that"
	case strings.HasPrefix(lowerDate, "on ") || strings.HasPrefix(lowerDate, "early on ") || strings.HasPrefix(lowerDate, "late on "):
		return before, after // "gave way early on Monday"
	}
	return before, text[m.dateSpan.Start:m.sentence.Span.End]
}

// trimDatePreposition removes a preposition that introduces a date from
// the end of s ("said on" → "said") and reports whether it did.
func trimDatePreposition(s string) (string, bool) {
	lower := strings.ToLower(s)
	for _, p := range datePrepositions {
		if lower == p || strings.HasSuffix(lower, " "+p) {
			return strings.TrimRightFunc(s[:len(s)-len(p)], unicode.IsSpace), true
		}
	}
	return s, false
}

func dropLeadingWords(s string) string {
	for changed := true; changed; {
		changed = false
		lower := strings.ToLower(s)
		for _, w := range leadingWords {
			if strings.HasPrefix(lower, w+",") || strings.HasPrefix(lower, w+" ") {
				s = strings.TrimLeft(s[len(w):], ", ")
				changed = true
				break
			}
		}
	}
	return s
}

// cutAtClause shortens s to at most n words: at the first clause
// boundary (a comma, semicolon or dash) after four or more words that
// hold a verb, else at n words with an ellipsis.
func cutAtClause(s string, n int) string {
	fields := strings.Fields(s)
	if len(fields) <= n {
		return s
	}
	for i := 3; i < n; i++ {
		f := fields[i]
		boundary := strings.HasSuffix(f, ",") || strings.HasSuffix(f, ";") ||
			i+1 < len(fields) && (fields[i+1] == "–" || fields[i+1] == "—")
		said := speechVerbs[strings.ToLower(strings.TrimRight(f, ",;"))] // "the governor said, 14 people..."
		if head := strings.Join(fields[:i+1], " "); boundary && !said && hasVerb(head) {
			return head
		}
	}
	return shorten(s, n)
}

// unquote removes quotation marks around the whole of s, and a dangling
// one at either end.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	for _, pair := range []string{`""`, "“”", "‘’", "''", "«»"} {
		open, close := string([]rune(pair)[0]), string([]rune(pair)[1])
		if strings.HasPrefix(s, open) && strings.HasSuffix(s, close) && strings.Count(s, open) == 1 {
			return strings.TrimSpace(s[len(open) : len(s)-len(close)])
		}
		if strings.HasPrefix(s, open) && !strings.Contains(s[len(open):], close) {
			s = strings.TrimSpace(s[len(open):])
		}
	}
	return s
}

// attributionLead matches an opening "According to X," which a title
// does without: the citation says who says it.
var attributionLead = regexp.MustCompile(`^(?i:according to) [^,]{1,60}, `)

// attributionAside matches an "according to X" between commas inside a
// sentence, which a title does without.
var attributionAside = regexp.MustCompile(`, (?i:according to) [^,]{1,60},`)

// shorten returns the first n words of s, with an ellipsis when cut.
func shorten(s string, n int) string {
	fields := strings.Fields(s)
	if len(fields) <= n {
		return s
	}
	return strings.Join(fields[:n], " ") + "…"
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// eventIDs gives every event an ID from its date, the first words of
// its title and a short hash of its first citation: the same sources
// give the same IDs, and a source added to the story changes the IDs of
// only the events it joins or founds. Two events with one ID (the same
// first citation cannot found two) are told apart by a number.
func eventIDs(events []Event) {
	used := make(map[string]int, len(events))
	for i := range events {
		events[i].ID = numberedID(baseEventID(&events[i]), used)
	}
}

// baseEventID returns an event's ID before it is told apart from others
// with the same: its date, the first words of its title and a short
// hash of its first citation.
func baseEventID(e *Event) string {
	h := fnv.New32a()
	if len(e.Citations) > 0 {
		fmt.Fprintf(h, "%s#%d", e.Citations[0].Source, e.Citations[0].Sentence)
	}
	return fmt.Sprintf("%s-%s-%06x", e.DateString(), slug(e.Title, 6), h.Sum32()&0xffffff)
}

// numberedID returns id, numbered when used has seen it before, and
// counts it there.
func numberedID(id string, used map[string]int) string {
	used[id]++
	if n := used[id]; n > 1 {
		return fmt.Sprintf("%s-%d", id, n)
	}
	return id
}

// slug returns up to n words of s in lower case joined by hyphens,
// letters and digits only.
func slug(s string, n int) string {
	var parts []string
	for _, w := range words(s) {
		if len(parts) == n {
			break
		}
		var b strings.Builder
		for _, r := range strings.ToLower(w) {
			if r < 128 && isAlnum(r) {
				b.WriteRune(r)
			}
		}
		if b.Len() > 0 {
			parts = append(parts, b.String())
		}
	}
	if len(parts) == 0 {
		return "event"
	}
	return strings.Join(parts, "-")
}
