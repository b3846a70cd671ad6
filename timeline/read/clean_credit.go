package read

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline/words"
)

// A photograph's credit, which text taken from a web page glues to the
// caption before it or to the article's line after it: "Photograph: Jim
// Watson/AFP/Getty", "Photo: AP", "(By Michael Fein -- Bloomberg News)".

// furnitureCredit is the reason the cleaner gives for a credit.
const furnitureCredit = "photograph's credit"

// creditLabels open a credit.
var creditLabels = []string{"Photograph: ", "Photographs: ", "Photo: ", "Photos: ", "Picture: ", "Pictures: ",
	"Image: ", "Illustration: ", "Credit: "}

// maxCreditWords is the most words of a credit's names.
const maxCreditWords = 8

// creditEnd returns, when s opens with a photograph's credit followed by
// a sentence, or is one, the offset where the credit ends; 0 otherwise.
// A credit in brackets ("(By Michael Fein -- Bloomberg News)", "(Photo:
// Reuters)") ends at its closing bracket. After a label the credit is
// capitalised names: through the last name joined by a slash
// ("Watson/AFP/Getty", "Handout/PA"); else an agency in capitals ("AP");
// else a first name and a surname. A capital inside a word after three
// small letters ("Zed NelsonNext week") is where the text begins.
func creditEnd(s string) int {
	if strings.HasPrefix(s, "(") {
		inner := s[1:]
		if !strings.HasPrefix(inner, "By ") && !strings.HasPrefix(inner, "Photo") && !strings.HasPrefix(inner, "Credit") {
			return 0
		}
		if end := strings.IndexByte(s, ')'); end > 0 && end < 100 && !strings.Contains(s[:end], ";") && !sentenceStop(s[:end]) {
			return atCreditEnd(s, end+1)
		}
		return 0
	}
	from := 0
	for _, l := range creditLabels {
		if strings.HasPrefix(s, l) {
			from = len(l)
			break
		}
	}
	if from == 0 {
		return 0
	}
	end, names, slashed := 0, 0, false
	for i := from; names < maxCreditWords; names++ {
		start, e := words.Next(s, i)
		if start < 0 || !words.StartsUpper(s[start:e]) && s[start:e] != "via" || i > from && s[i:start] != " " && s[i-1] != '/' {
			break
		}
		if k := innerCapital(s[start:e]); k > 0 {
			return start + k // "Zed NelsonNext week": the text begins inside the word
		}
		if e < len(s) && s[e] == '/' || s[start-1] == '/' {
			end, slashed = e, true
		}
		switch {
		case slashed:
		case names == 0 && isCapitals(s[start:e]):
			end = e // "AP", "EPA"
		case names == 1 && end == 0:
			end = e // a first name and a surname
		}
		i = e
		for i < len(s) && s[i] == '/' {
			i++ // the names a slash joins are one credit
		}
	}
	if end == 0 {
		return 0
	}
	return atCreditEnd(s, end)
}

// atCreditEnd returns end when the credit that ends there stands alone
// or heads a sentence, a capital or a quotation mark after a space; 0
// otherwise.
func atCreditEnd(s string, end int) int {
	rest := s[end:]
	if strings.TrimSpace(rest) == "" {
		return len(s)
	}
	t := strings.TrimLeft(rest, " ")
	r, _ := utf8.DecodeRuneInString(t)
	if len(t) == len(rest) || !unicode.IsUpper(r) && !strings.ContainsRune(`"“'‘`, r) {
		return 0
	}
	return end
}

// innerCapital returns the offset of a capital inside w after at least
// three small letters ("NelsonNext"), where two words were glued; 0
// when there is none ("McDonald", "YouTube", "iPhone" have fewer).
func innerCapital(w string) int {
	small := 0
	for i, r := range w {
		switch {
		case unicode.IsLower(r):
			small++
		case unicode.IsUpper(r) && i > 0 && small >= 3:
			return i
		default:
			small = 0
		}
	}
	return 0
}

// sentenceStop reports whether s holds a full stop after a word of
// small letters, which ends a sentence, not an initial ("M. Spencer
// Green").
func sentenceStop(s string) bool {
	for i := strings.Index(s, ". "); i >= 0; {
		if i >= 2 && unicode.IsLower(rune(s[i-1])) && unicode.IsLower(rune(s[i-2])) {
			return true
		}
		j := strings.Index(s[i+1:], ". ")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// isCapitals reports whether w is two or more letters, all capitals.
func isCapitals(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// isCredit reports whether text is a photograph's credit standing alone.
func isCredit(text string) bool {
	return len(text) < 120 && creditEnd(text) == len(text)
}
