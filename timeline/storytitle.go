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

// StoryTitle returns a title made from the story's events, for a story
// that names none: its most reported names and words ("Titanic sub,
// missing"), or "" when its events have none. The words are those of
// the titles of its events, each weighed by how many sources the event
// cites, so that the most reported count the most; two chosen words that
// stand side by side in enough of those titles are kept as a phrase.
// Background events, numbers and function words do not count.
func StoryTitle(events []Event) string {
	tally := newTitleTally()
	for i := range events {
		if e := &events[i]; !e.Background {
			tally.add(e.Title, citedSources(e))
		}
	}
	return tally.title()
}

// citedSources returns how many sources e cites, at least 1.
func citedSources(e *Event) int {
	seen := make(map[string]bool, len(e.Citations))
	for _, c := range e.Citations {
		seen[c.Source] = true
	}
	return max(1, len(seen))
}

// titleTally counts the terms, and pairs of terms side by side, of
// event titles, each once an event, by the event's weight, with the
// forms the titles write them in.
type titleTally struct {
	score map[string]int
	forms map[string]map[string]int
}

func newTitleTally() *titleTally {
	return &titleTally{score: map[string]int{}, forms: map[string]map[string]int{}}
}

// add counts the terms and pairs of title with weight w.
func (t *titleTally) add(title string, w int) {
	seen := map[string]bool{}
	// A form is counted twice where the word does not open its clause:
	// an opening word is upper case whatever it is.
	count := func(key, form string, opening bool) {
		if t.forms[key] == nil {
			t.forms[key] = map[string]int{}
		}
		if opening {
			t.forms[key][form]++
		} else {
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

// isClauseMark reports whether r ends a run of words that may form a
// phrase: a pair of words is never counted across it.
func isClauseMark(r rune) bool {
	return strings.ContainsRune(",;:|()[]{}\"“”«»!?–—", r)
}

// title returns the most counted terms, a pair of them that the titles
// write side by side as a phrase, joined by commas, the first letter
// upper case.
func (t *titleTally) title() string {
	var terms []string
	for key := range t.score {
		if !strings.Contains(key, " ") {
			terms = append(terms, key)
		}
	}
	slices.SortFunc(terms, func(a, b string) int { return cmp.Or(cmp.Compare(t.score[b], t.score[a]), cmp.Compare(a, b)) })
	terms = t.clearlyFirst(terms)
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

// clearlyFirst returns the first of terms, sorted by score, in groups
// of about one score (see storyTitleMargin): as many whole groups as
// make storyTitleTerms at most, each in the order of the alphabet; when
// the first group alone is more, its first storyTitleTerms (a story of
// a few sources, whose words all count about the same).
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
	best, n := "", 0
	for f, c := range t.forms[key] {
		if c > n || c == n && f < best {
			best, n = f, c
		}
	}
	return best
}
