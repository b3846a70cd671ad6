package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// words returns the words of s: runs of letters and digits, with inner
// apostrophes, hyphens, periods and commas kept ("Podolyak's", "U.S.",
// "9,300", "cross-border").
func words(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		inner := start >= 0 && strings.ContainsRune("'’-.,_", r) && nextIsAlnum(s, i)
		if isAlnum(r) || inner {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func nextIsAlnum(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	r, _ := utf8.DecodeRuneInString(s[i+size:])
	return isAlnum(r)
}

// wordCount returns the number of words in s.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		a := isAlnum(r)
		if a && !in {
			n++
		}
		in = a
	}
	return n
}

// endsSentence reports whether s ends as a sentence does: with . ! ? or
// an ellipsis, perhaps inside closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || isClosing(r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// isClosing reports whether r closes a quotation or a bracket.
func isClosing(r rune) bool {
	return strings.ContainsRune(`"'”’»)]`, r)
}

// isOpening reports whether r opens a quotation or a bracket.
func isOpening(r rune) bool {
	return strings.ContainsRune(`"'“‘«([`, r)
}

// startsUpper reports whether w begins with an upper-case letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// stopWords are English function words and reporting verbs: they say
// nothing about what a text is about.
var stopWords = setOf(`a about above after again against all also although am an and any are as at be
because been before being below between both but by can could did do does doing down during each
few for from further had has have having he her here hers herself him himself his how however i if
in into is it its itself just me more most my myself no nor not now of off on once only or other
our ours out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours said says told according also even still yet
one two three four five six seven eight nine ten may might must shall it's that's there's
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week weeks day days
january february march april june july august september october november december year years
morning afternoon evening night overnight earlier later last next ago since`)

func setOf(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}

// term returns the form of word w under which texts are compared: lower
// case, possessive dropped, a plain English inflection cut ("attacks",
// "attacked", "attacking" → "attack"); "" for stop words and words
// shorter than three characters. Numbers are terms as they are.
func term(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	w = strings.ReplaceAll(w, ",", "")
	if stopWords[w] || utf8.RuneCountInString(w) < 3 && !isNumber(w) {
		return ""
	}
	for _, suffix := range []string{"ing", "ed", "es", "s"} {
		if strings.HasSuffix(w, suffix) && utf8.RuneCountInString(w)-len(suffix) >= 4 {
			return strings.TrimSuffix(w, suffix)
		}
	}
	return w
}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return true
}

// terms returns the distinct terms of s in order of first appearance.
func terms(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range words(s) {
		if t := term(w); t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}
