package merge

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/claim"
	"github.com/timeline-project/timeline/timeline/read"
	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/words"
)

// eventOf makes the event of a happening: its date from its best-dated
// mention, its citations in source order (at most maxPerSource of a
// source, the most central), its title from the most central mention,
// who claims it and whether its accounts differ.
func eventOf(h *happening, tt *termTable, names canonicalNames) timeline.Event {
	members, central := centralMembers(h, tt)
	title, from := eventTitle(central, names)
	best := h.best
	e := timeline.Event{
		Date:       h.date,
		Precision:  eventPrecision(h.prec),
		PartOfDay:  commonPartOfDay(members),
		Title:      title,
		Background: best.Background,
		Dating:     datingOf(best),
	}
	e.ClaimedBy, e.Stance = claimsOf(members, names)
	accounts, disputed := accountsOf(members, central, names)
	e.Disputed = disputed
	if disputed || spokenBySeveral(accounts) {
		e.Accounts = accounts
	}
	e.Citations = make([]timeline.Citation, 0, len(members))
	for _, m := range members {
		a := m.primary()
		e.Citations = append(e.Citations, timeline.Citation{
			Source:    m.Src.ID,
			Sentence:  m.Sentence.N,
			Quote:     m.quoted(),
			DateText:  words.CollapseSpace(m.dateText()),
			DateBasis: m.Basis,
			DatedBy:   m.DatedBy,
			Speaker:   names.of(a),
			Stance:    a.Stance,
		})
		if m.Date != h.date && m.Basis != timeline.DatedMatched && m.Basis != timeline.DatedReported {
			e.OtherDates = append(e.OtherDates, timeline.OtherDate{Source: m.Src.ID, Date: m.Date.String(), DateText: words.CollapseSpace(m.dateText())})
		}
	}
	e.Outlets = outletCount(members)
	e.Summary = summaryOf(&e, central, from)
	return e
}

// centralMembers returns the members a happening's event cites: at most
// maxPerSource of each source, those most similar to the happening,
// sorted by source and sentence; and the same from the most similar
// to the least (the first of equals first).
func centralMembers(h *happening, tt *termTable) (bySource, central []*Mention) {
	sims := make(map[*Mention]float64, len(h.members))
	for _, m := range h.members {
		sims[m] = h.similarityTo(tt.vectorOf([]*Mention{m}))
	}
	central = slices.Clone(h.members)
	slices.SortStableFunc(central, func(a, b *Mention) int { return cmp.Compare(sims[b], sims[a]) })
	per := map[*timeline.Source]int{}
	central = slices.DeleteFunc(central, func(m *Mention) bool {
		per[m.Src]++
		return per[m.Src] > maxPerSource
	})
	bySource = slices.Clone(central)
	slices.SortFunc(bySource, func(a, b *Mention) int {
		return cmp.Or(cmp.Compare(a.Src.ID, b.Src.ID), cmp.Compare(a.Sentence.N, b.Sentence.N))
	})
	return bySource, central
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

// maxSummarySides is how many accounts a summary names.
const maxSummarySides = 3

// summaryOf says what the sources together report: the most central
// sentence other than the one the title was made from (of those that
// stand alone and are no one's own words, where there are some), how
// many outlets report it, and who disputes it.
func summaryOf(e *timeline.Event, central []*Mention, from *Mention) string {
	var b strings.Builder
	if m := summarySentence(central, from); m != nil {
		b.WriteString(m.quoted())
	}
	if n := e.Outlets; n > 1 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "Reported by %d outlets.", n)
	}
	if e.Disputed {
		var sides []string
		for _, a := range e.Accounts {
			if len(sides) == maxSummarySides {
				sides = append(sides, fmt.Sprintf("%d more", len(e.Accounts)-maxSummarySides))
				break
			}
			who := a.Speaker
			if who == "" {
				who = "the sources"
			}
			sides = append(sides, who+" ("+string(a.Stance)+")")
		}
		b.WriteString(" Accounts differ: " + strings.Join(sides, "; ") + ".")
	}
	return strings.TrimSpace(b.String())
}

// summarySentence returns the most central sentence of central, but
// from, headlines and caveats, that stands alone and is no one's own
// words; else the most central of them; nil when there is none.
func summarySentence(central []*Mention, from *Mention) *Mention {
	var first *Mention
	for _, m := range central {
		if m == from || m.Role == roleHeadline || claim.IsCaveat(m.Text()) {
			continue
		}
		if standsAlone(m.Text()) && !ownWords(m.Text()) {
			return m
		}
		if first == nil {
			first = m
		}
	}
	return first
}

// commonPartOfDay returns the part of day most mentions give, the
// first of equals; "" when none gives one.
func commonPartOfDay(ms []*Mention) string {
	counts := map[string]int{}
	best := ""
	for _, m := range ms {
		if m.PartOfDay == "" {
			continue
		}
		counts[m.PartOfDay]++
		if counts[m.PartOfDay] > counts[best] {
			best = m.PartOfDay
		}
	}
	return best
}

// leadingWords are sentence openers a title does without.
var leadingWords = []string{"however", "but", "meanwhile", "in addition", "additionally", "also",
	"moreover", "furthermore", "and", "still", "yet", "so", "then"}

// datePrepositions stand before a date and go with it.
var datePrepositions = []string{"early on", "late on", "on", "this", "last"}

// whenWords stand before a date and go with it.
var whenWords = words.SetOf(`on in at by since until till during from early late this last next`)

// withoutWhenWords returns the text of span with its temporal
// expressions left out, and the words that introduce them ("said on
// Tuesday that" → "said that").
func withoutWhenWords(text string, span timeline.Span, exprs []timex.Expr) string {
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
		for _, suffix := range []string{"'s", "’s"} {
			if strings.HasPrefix(text[pos:span.End], suffix) {
				b.WriteString("the ") // "Friday's event" → "the event"
				pos += len(suffix)
			}
		}
	}
	b.WriteString(text[pos:span.End])
	return b.String()
}

// emptyBrackets are brackets that held only a date or a time taken out
// ("at 11:58 (08:58 GMT)").
var emptyBrackets = regexp.MustCompile(`\s*[(\[]\s*[)\]]`)

// tidyPunctuation makes each run of commas, semicolons and colons left
// in a row where dates were taken out ("closed, , , and") its first
// mark, the space between them left out; brackets left empty go.
func tidyPunctuation(s string) string {
	if strings.Contains(s, "(") || strings.Contains(s, "[") {
		s = emptyBrackets.ReplaceAllString(s, "")
	}
	var b strings.Builder
	last := 0 // s[:last] is written
	for i := 0; i < len(s); i++ {
		if !isClauseMark(s[i]) {
			continue
		}
		end := i + 1 // after the run's last mark
		for j := end; j < len(s); j++ {
			if isClauseMark(s[j]) {
				end = j + 1
			} else if !isRunSpace(s[j]) {
				break
			}
		}
		if end > i+1 {
			b.WriteString(s[last : i+1])
			last = end
		}
		i = end - 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// isClauseMark reports whether c is a comma, a semicolon or a colon.
func isClauseMark(c byte) bool { return c == ',' || c == ';' || c == ':' }

// isRunSpace reports whether c is white space between marks of a run.
func isRunSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// withoutWhen returns the mention's sentence before and after its date,
// with the date left out where it only says when: "on Monday", "said
// Tuesday", an opening "On Tuesday,"; "Monday's raid" becomes "the
// raid". Elsewhere ("worked through the night") the date stays.
func withoutWhen(m *Mention) (before, after string) {
	text := m.Src.Text
	if !m.Sentence.Span.Contains(m.DateSpan) || m.DateSpan.Start == m.DateSpan.End {
		// dated by context or undated: the days it names go, not how long
		// ("in the 25 years I have studied Libya")
		days := slices.DeleteFunc(slices.Clone(m.Exprs), func(e timex.Expr) bool { return e.Type != timex.TypeDate && e.Type != timex.TypeTime })
		return words.CollapseSpace(withoutDates(text, m.Sentence.Span, days)), ""
	}
	before = strings.TrimRightFunc(text[m.Sentence.Span.Start:m.DateSpan.Start], unicode.IsSpace)
	after = text[m.DateSpan.End:m.Sentence.Span.End]
	for _, suffix := range []string{"'s", "’s"} {
		if strings.HasPrefix(after, suffix) || strings.HasSuffix(m.dateText(), suffix) {
			// "Following Monday's raid" → "Following the raid"
			return strings.TrimSpace(before + " the"), strings.TrimPrefix(after, suffix)
		}
	}
	trimmed, prep := trimDatePreposition(before)
	ws := words.Split(trimmed)
	lastWord := ""
	if len(ws) > 0 {
		lastWord = strings.ToLower(ws[len(ws)-1])
	}
	lowerDate := strings.ToLower(m.dateText())
	switch {
	case strings.TrimSpace(trimmed) == "", len(ws) == 1 && strings.HasPrefix(strings.TrimSpace(after), ","):
		return "", strings.TrimLeft(after, " ,;:") // "On Tuesday, Moscow said", "By Tuesday morning, ..."
	case prep || read.SpeechVerbs[lastWord]:
		return trimmed, after // "said on Monday that", "said Tuesday that"
	case strings.HasPrefix(lowerDate, "on ") || strings.HasPrefix(lowerDate, "early on ") || strings.HasPrefix(lowerDate, "late on "):
		return before, after // "gave way early on Monday"
	}
	return before, text[m.DateSpan.Start:m.Sentence.Span.End]
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

// pronounAttribution matches a closing ", he said" whose speaker a title
// cannot name: the title does without it, as the citation says who
// speaks. Quoted words keep it, being no report of the reporter's.
var pronounAttribution = regexp.MustCompile(`, (?i:he|she|they|it|we) (?:said|says|added|adds|told reporters|explained|explains)[.]?$`)

// dropPronounAttribution returns s without a closing ", he said" where
// nothing in s is quoted.
func dropPronounAttribution(s string) string {
	if strings.ContainsAny(s, `"“”`) {
		return s
	}
	return pronounAttribution.ReplaceAllString(s, "")
}

// eventIDs gives every event an ID from its date, the first words of
// its title and a short hash of its first citation: the same sources
// give the same IDs, and a source added to the story changes the IDs of
// only the events it joins or founds. Two events with one ID (the same
// first citation cannot found two) are told apart by a number.
func eventIDs(events []timeline.Event) {
	used := make(map[string]int, len(events))
	for i := range events {
		events[i].ID = numberedID(baseEventID(&events[i]), used)
	}
}

// baseEventID returns an event's ID before it is told apart from others
// with the same: its date, the first words of its title and a short
// hash of its first citation.
func baseEventID(e *timeline.Event) string {
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
	for _, w := range words.Split(s) {
		if len(parts) == n {
			break
		}
		var b strings.Builder
		for _, r := range strings.ToLower(w) {
			if r < 128 && words.IsAlnum(r) {
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
