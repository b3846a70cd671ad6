package timeline

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline/timex"
)

// maxTitleWords is the most words of an event title.
const maxTitleWords = 14

// eventOf makes the event of a cluster: its citations in source order,
// its title from the most central mention, its summary.
func eventOf(c *cluster, idf map[string]float64) Event {
	mid := c.central(idf)
	members := slices.Clone(c.members)
	slices.SortFunc(members, func(a, b *mention) int {
		if x := cmp.Compare(a.src.ID, b.src.ID); x != 0 {
			return x
		}
		return cmp.Compare(a.sentence.N, b.sentence.N)
	})
	e := Event{
		Date:      mid.date,
		Precision: timex.PrecisionDay,
		PartOfDay: commonPartOfDay(members),
		Title:     headline(mid),
		Summary:   collapseSpace(mid.text()),
	}
	for _, m := range members {
		e.Citations = append(e.Citations, Citation{
			Source:   m.src.ID,
			Sentence: m.sentence.N,
			Quote:    collapseSpace(m.text()),
			DateText: collapseSpace(m.dateText()),
		})
	}
	if n := e.sourceCount(); n > 1 {
		e.Summary += fmt.Sprintf(" (Reported by %d sources.)", n)
	}
	return e
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

// headline makes a short title from a mention's sentence: the words
// that only say when taken out (the date stands beside the title),
// openers such as "However," dropped, and the sentence cut at a clause
// boundary.
func headline(m *mention) string {
	before, after := withoutWhen(m)
	s := collapseSpace(before + " " + strings.TrimLeft(after, " "))
	s = strings.ReplaceAll(s, " ,", ",")
	s = dropLeadingWords(strings.TrimLeft(s, ",;: "))
	s = attributionLead.ReplaceAllString(s, "")
	s = cutAtClause(s, maxTitleWords)
	s = unquote(strings.TrimRight(s, " .,;:!?"))
	return capitalize(s)
}

// withoutWhen returns the mention's sentence before and after its date,
// with the date left out where it only says when: "on Monday", "said
// Tuesday", an opening "On Tuesday,"; "Monday's raid" becomes "the
// raid". Elsewhere ("worked through the night") the date stays.
func withoutWhen(m *mention) (before, after string) {
	text := m.src.Text
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

// eventIDs gives every event an ID from its date and title, made unique
// with a number in the events' order.
func eventIDs(events []Event) {
	used := map[string]int{}
	for i := range events {
		base := events[i].DateString() + "-" + slug(events[i].Title, 6)
		used[base]++
		id := base
		if n := used[base]; n > 1 {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		events[i].ID = id
	}
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
