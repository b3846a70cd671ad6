package htmldoc

import (
	"fmt"
	"regexp"
	"strings"
)

// checkLanguage refuses a page that declares a language other than
// English: the tool's date and sentence readers read English.
func checkLanguage(lang string) error {
	l := strings.ToLower(strings.TrimSpace(lang))
	primary, _, _ := strings.Cut(strings.ReplaceAll(l, "_", "-"), "-")
	if primary == "" || primary == "en" {
		return nil
	}
	return fmt.Errorf("the page is in another language (lang %q); the tool reads English", lang)
}

// englishWords are common English function words: in English prose
// they are about a third of the words, in other languages' a few in a
// hundred (borrowed names, "a" and "in" in Italian).
var englishWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the of and to a in is was that for on with as by at from it
		he she they his her their its are were be been has have had not but or an this which who
		said will would after over into than about more also up out`) {
		englishWords[w] = true
	}
}

// minWordsForLanguage is the least number of words whose language is
// judged: a short text says too little.
const minWordsForLanguage = 60

// checkText refuses an article text that is not English or is only a
// paywall notice.
func checkText(blocks []Block) error {
	var words []string
	for _, b := range blocks {
		words = append(words, strings.FieldsFunc(strings.ToLower(b.Text), notLetter)...)
	}
	if len(words) >= minWordsForLanguage {
		common := 0
		for _, w := range words {
			if englishWords[w] {
				common++
			}
		}
		if common*100 < len(words)*8 {
			return fmt.Errorf("the text does not read as English (%d of its %d words are common English words); the tool reads English", common, len(words))
		}
	}
	return checkPaywall(blocks, len(words))
}

func notLetter(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r == '\'' || r > 127 && r != '’' && r != '“' && r != '”')
}

// paywallWords are what a paywall notice says.
var paywallWords = regexp.MustCompile(`(?i)\b(subscribe|subscription|subscriber|sign in|log in|create an account|premium|paywall|members only)\b`)

// paywallRead is a notice's promise of the rest of the article.
var paywallRead = regexp.MustCompile(`(?i)\b(to (continue|keep|start) reading|to read (the|this|more|on)|read the full|already a (subscriber|member)|unlock|full access|exclusive to (subscribers|members))\b`)

// maxPaywallWords is the longest text taken for a paywall notice: a
// notice is a few sentences; an article that mentions subscribing is
// longer.
const maxPaywallWords = 150

// checkPaywall refuses a short text that asks the reader to subscribe
// to read on: a page that is only a paywall notice.
func checkPaywall(blocks []Block, words int) error {
	if words > maxPaywallWords {
		return nil
	}
	var text strings.Builder
	for _, b := range blocks {
		text.WriteString(b.Text)
		text.WriteByte('\n')
	}
	s := text.String()
	if paywallWords.MatchString(s) && paywallRead.MatchString(s) {
		return fmt.Errorf("only a paywall notice (%d words: %q)", words, clip(s, 100))
	}
	return nil
}
