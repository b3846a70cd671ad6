package timeline

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline/words"
)

// storyTitleTerms is the most names and words a story's title has.
const storyTitleTerms = 3

// storyTitleMargin is how much more a word must count than the next to
// be chosen without it (a tenth): of words counted about as often, which
// one source more or less puts one before the other, none is chosen
// over the other, and their order is that of the alphabet. A title
// that changed whenever a source was added would change every page.
const storyTitleMargin = 1.1

// StoryTitle returns a title made from the story's sources and events,
// for a story that names none: its most reported names and words
// ("Titanic sub, missing"), or "" when there are none. Each source
// counts each word once: the words of its headline, or, for a source
// without one, of the title of the largest entry that cites it; so a
// source added changes a word's count by one at most, and the title
// holds as the story grows. Of words counted as often, those of the
// entries' titles that cite the most sources come first (in a story of
// a few sources, whose headlines share few words). Two chosen words
// that stand side by side in enough headlines are kept as a phrase.
// Background entries, numbers and function words do not count.
func StoryTitle(sources []*Source, events []Event) string {
	fallback := largestEventTitles(events)
	bySources := newTitleTally()
	for _, src := range sources {
		if title := cmp.Or(headline(src), fallback[src.ID]); title != "" {
			bySources.add(title, 1)
		}
	}
	byEvents := newTitleTally()
	for i := range events {
		if e := &events[i]; !e.Background {
			byEvents.add(e.Title, citedSources(e))
		}
	}
	bySources.addForms(byEvents)
	bySources.spell = func(w string) string { return spelling(sources, w) }
	return bySources.title(byEvents.score)
}

// headline returns the source's title where it heads its text, as a
// feed item's, a page's or a Markdown file's title does; "" for a title
// made of its first sentence, which is no headline.
func headline(src *Source) string {
	text, _ := headlineBlock(src)
	return text
}

// bodyStart returns where the source's text after its headline begins.
func bodyStart(src *Source) int {
	_, end := headlineBlock(src)
	return end
}

// headlineBlock returns the headline of the source and where its block
// ends; "" and 0 when it has none.
func headlineBlock(src *Source) (string, int) {
	for _, b := range src.Blocks {
		if b.Span.Start < 0 || b.Span.Start > b.Span.End || b.Span.End > len(src.Text) {
			return "", 0 // a broken source: no headline read from it
		}
		text := words.CollapseSpace(b.Span.Of(src.Text))
		if text == "" {
			continue
		}
		if b.Kind == Heading && text == words.CollapseSpace(src.Title) {
			return text, b.Span.End
		}
		return "", 0
	}
	return "", 0
}

// largestEventTitles returns, for each source an entry cites, the title
// of the entry citing it that cites the most sources (the first of
// those as large), background entries left out.
func largestEventTitles(events []Event) map[string]string {
	titles := map[string]string{}
	size := map[string]int{}
	for i := range events {
		e := &events[i]
		if e.Background {
			continue
		}
		n := citedSources(e)
		for _, c := range e.Citations {
			if n > size[c.Source] {
				titles[c.Source], size[c.Source] = e.Title, n
			}
		}
	}
	return titles
}

// titleTally counts the terms, and pairs of terms side by side, of
// event titles, each once an event, by the event's weight, with the
// forms the titles write them in.
type titleTally struct {
	score map[string]int
	forms map[string]map[string]int
	// spell returns how a word the titles write only in title case is
	// written elsewhere; nil to keep it as it is.
	spell func(word string) string
}

func newTitleTally() *titleTally {
	return &titleTally{score: map[string]int{}, forms: map[string]map[string]int{}}
}

// add counts the terms and pairs of title with weight w.
func (t *titleTally) add(title string, w int) {
	seen := map[string]bool{}
	// A form is counted twice where the word does not open its clause:
	// an opening word is upper case whatever it is; in a title in title
	// case ("Russia Declares Victory Over Belgorod Insurgents") every
	// word is, and no form counts.
	capitalized := titleCase(title)
	count := func(key, form string, opening bool) {
		if t.forms[key] == nil {
			t.forms[key] = map[string]int{}
		}
		switch {
		case capitalized:
			t.forms[key][form] += 0
		case opening:
			t.forms[key][form]++
		default:
			t.forms[key][form] += 2
		}
		if !seen[key] {
			seen[key] = true
			t.score[key] += w
		}
	}
	for _, clause := range strings.FieldsFunc(title, isClauseMark) {
		prev, prevForm := "", ""
		for i, w := range words.Split(clause) {
			form := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
			key := words.Term(w)
			if key == "" || strings.ContainsFunc(form, unicode.IsDigit) {
				prev = ""
				continue
			}
			count(key, form, i == 0)
			if prev != "" && prev != key {
				count(prev+" "+key, prevForm+" "+form, i == 1)
			}
			prev, prevForm = key, form
		}
	}
}

// titleCase reports whether title is written in title case: three words
// of four letters or more after the first, most of them capitalized.
func titleCase(title string) bool {
	long, upper := 0, 0
	for i, w := range words.Split(title) {
		if i == 0 || utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if words.StartsUpper(w) {
			upper++
		}
	}
	return long >= 3 && upper*4 >= long*3
}

// addForms adds the forms other counts to those of t, for the terms t
// has: the forms the entries' titles write words in, where headlines in
// title case tell none.
func (t *titleTally) addForms(other *titleTally) {
	for key, forms := range t.forms {
		for f, n := range other.forms[key] {
			forms[f] += n
		}
	}
}

// isClauseMark reports whether r ends a run of words that may form a
// phrase: a pair of words is never counted across it.
func isClauseMark(r rune) bool {
	return strings.ContainsRune(",;:|()[]{}\"“”«»!?–—", r)
}

// title returns the most counted terms, of terms counted as often those
// that tie counts more first, a pair of them that the titles write side
// by side as a phrase, joined by commas, the first letter upper case.
func (t *titleTally) title(tie map[string]int) string {
	var terms []string
	for key := range t.score {
		if !strings.Contains(key, " ") {
			terms = append(terms, key)
		}
	}
	slices.SortFunc(terms, func(a, b string) int {
		return cmp.Or(cmp.Compare(t.score[b], t.score[a]), cmp.Compare(tie[b], tie[a]), cmp.Compare(a, b))
	})
	terms = t.clearlyFirst(t.namesAndNouns(terms))
	if len(terms) == 0 {
		return ""
	}
	phrases := make([]string, 0, len(terms))
	joined := map[string]bool{}
	for i, a := range terms {
		if joined[a] {
			continue
		}
		phrase := t.form(a)
		for _, b := range terms[i+1:] {
			if joined[b] {
				continue
			}
			if pair, ok := t.pair(a, b); ok {
				phrase, joined[b] = pair, true
				break
			}
		}
		phrases = append(phrases, phrase)
	}
	s := strings.Join(phrases, ", ")
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// namesAndNouns returns terms, in order, without verbs ("took",
// "killed"), which say what happened rather than what the story is
// about, words of every story ("people", "thousands"), and with one
// form of a name, the shorter, where two are counted ("Syria" for
// "Syrian" and "Syria").
func (t *titleTally) namesAndNouns(terms []string) []string {
	var out []string
	for _, key := range terms {
		if headlineVerb(t.form(key)) || vagueWords[key] {
			continue
		}
		if i := slices.IndexFunc(out, func(k string) bool { return formOf(k, key) }); i >= 0 {
			if len(key) < len(out[i]) {
				out[i] = key // the name before its adjective: "Syria" of "Syrian"
			}
			continue
		}
		out = append(out, key)
	}
	return out
}

// vagueWords are words of every story that tell none what it is about.
var vagueWords = words.SetOf(`people thousand thousands hundred hundreds dozen dozens million millions
year years day days week weeks time new more first last`)

// headlineVerb reports whether a word, as the texts write it, is a verb
// (words.IsVerb); a word the texts capitalize is a name.
func headlineVerb(form string) bool {
	return form == strings.ToLower(form) && words.IsVerb(form)
}

// formOf reports whether two terms are forms of one name: one is the
// other with the ending of its people or adjective ("Syria", "Syrian";
// "Egypt", "Egyptians"; "Iraq", "Iraqi"), not another word that begins
// as it does ("Titan", "Titanic").
func formOf(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 4 && strings.HasPrefix(b, a) && nameEndings[b[len(a):]]
}

// nameEndings make a place's name its people's or its adjective.
var nameEndings = words.SetOf(`n an ian i ese s ns ans ians is`)

// clearlyFirst returns the first of terms, sorted by score, in groups
// of about one score (see storyTitleMargin): as many whole groups as
// make storyTitleTerms at most, and where the next group is too large,
// the first of it in the order of terms as long as two sources or more
// write them; when the first group alone is more, its first
// storyTitleTerms (a story of a few sources, whose words all count about
// the same). The chosen are in order of their bands, then alphabet.
func (t *titleTally) clearlyFirst(terms []string) []string {
	n := 0
	for end := 0; end < len(terms); {
		next := end + 1
		for next < len(terms) && float64(t.score[terms[next-1]]) < storyTitleMargin*float64(t.score[terms[next]]) {
			next++
		}
		if next > storyTitleTerms {
			break
		}
		n, end = next, next
	}
	if n == 0 {
		return terms[:min(len(terms), storyTitleTerms)]
	}
	if n < storyTitleTerms && n < len(terms) && t.score[terms[n]] > 1 {
		n = min(storyTitleTerms, len(terms)) // the next group in part: the first of it in the order given
	}
	chosen := slices.Clone(terms[:n])
	slices.SortStableFunc(chosen, func(a, b string) int {
		return cmp.Or(cmp.Compare(scoreBand(t.score[b]), scoreBand(t.score[a])), cmp.Compare(a, b))
	})
	return chosen
}

// storyTitleBand is the ratio of scores from one band to the next: the
// words chosen for a title are in order of their bands, then of the
// alphabet. Ordered by their scores alone, two words whose scores stay
// near each other would change places as sources are added one by one,
// and the title of every page with them; a score crosses into the next
// band once as the story grows.
const storyTitleBand = 1.5

// scoreBand returns the band of a score: its logarithm to the base
// storyTitleBand, rounded down.
func scoreBand(score int) int {
	return int(math.Floor(math.Log(float64(max(score, 1))) / math.Log(storyTitleBand)))
}

// pair returns the form of terms a and b side by side, in the order the
// titles write them, when they stand so in enough of them: a third of
// the weight of the rarer of the two.
func (t *titleTally) pair(a, b string) (string, bool) {
	need := (min(t.score[a], t.score[b]) + 2) / 3
	best, form := 0, ""
	for _, key := range []string{a + " " + b, b + " " + a} {
		if s := t.score[key]; s >= need && s > best {
			best, form = s, t.form(key)
		}
	}
	return form, best > 0
}

// form returns the form the titles most often write key in; of two as
// common, the one that sorts first.
func (t *titleTally) form(key string) string {
	best, n := "", -1
	for f, c := range t.forms[key] {
		if c > n || c == n && f < best {
			best, n = f, c
		}
	}
	if n > 0 || t.spell == nil {
		return best
	}
	ws := strings.Fields(best)
	for i, w := range ws {
		ws[i] = t.spell(w)
	}
	return strings.Join(ws, " ")
}

// spelling returns how the sources' texts write word most often inside
// a sentence, where a capital marks a name: "incursion" for
// "Incursion", which only headlines in title case capitalize; "Belgorod"
// as it is.
func spelling(sources []*Source, word string) string {
	lower := strings.ToLower(word)
	if lower == word {
		return word
	}
	n := 0
	for _, src := range sources[:min(len(sources), maxSpellingSources)] {
		start := bodyStart(src)
		body := src.Text[start:min(len(src.Text), start+maxSpellingBytes)]
		folded := strings.ToLower(body)
		if len(folded) != len(body) {
			continue // a letter whose lower case is of another length: offsets would not match
		}
		for i := 0; ; {
			j := strings.Index(folded[i:], lower)
			if j < 0 {
				break
			}
			at := i + j
			i = at + len(lower)
			if !wordAt(body, at, i) || opensSentence(body[:at]) {
				continue
			}
			if body[at:i] == lower {
				n++
			} else {
				n--
			}
		}
	}
	if n > 0 {
		return lower
	}
	return word
}

// maxSpellingSources and maxSpellingBytes bound what spelling reads:
// the first bytes of the text after the headline of the first sources,
// enough to tell how a story's words are written.
const (
	maxSpellingSources = 100
	maxSpellingBytes   = 4000
)

// wordAt reports whether text[start:end] is a whole word.
func wordAt(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	return (start == 0 || !unicode.IsLetter(before)) && (end == len(text) || !unicode.IsLetter(after))
}

// opensSentence reports whether a word after text opens a sentence or a
// line, where it is capitalized whatever it is.
func opensSentence(text string) bool {
	t := strings.TrimRight(text, " \t\"“‘'(")
	return t == "" || strings.HasSuffix(t, "\n") || strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") ||
		strings.HasSuffix(t, "?") || strings.HasSuffix(t, ":")
}

// citedSources returns how many sources e cites, at least 1.
func citedSources(e *Event) int {
	seen := make(map[string]bool, len(e.Citations))
	for _, c := range e.Citations {
		seen[c.Source] = true
	}
	return max(1, len(seen))
}
