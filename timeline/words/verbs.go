package words

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// finiteVerbs are common verbs whose past or present form does not end
// in -ed: news reports something with them.
var finiteVerbs = SetOf(`said says told tells is are was were has have had took takes made makes
began begins came comes went goes saw sees hit hits shot struck fled left leaves led leads held
holds met meets sent sends won wins lost loses gave gives got gets fell falls broke brought built
caught chose drove fought found flew grew heard hid kept knew laid meant paid put ran rose sold set
shook spoke spent stood stole swore thought threw understood wrote writes will would can could
insists denies claims warns shows remains continues seeks tries calls
may might must should shall did does withdrew drew ate blew bought dug drank dealt felt forgot froze
hung overran overtook overthrew rang rode sank sat sang slept slid sprang stuck swept swam swung
taught tore undertook upheld woke wore wept withheld arose awoke became befell bled burst clung crept
flung forbade forgave foresaw leapt lent mistook sought shone shrank slew sped strove knelt spun
stank stung strode rebuilt overcame underwent`)

// HasVerb reports whether s has a word that looks like a finite verb: a
// common irregular one, or a word in -ed.
func HasVerb(s string) bool {
	for i := 0; ; {
		start, end := Next(s, i)
		if start < 0 {
			return false
		}
		if IsVerb(s[start:end]) {
			return true
		}
		i = end
	}
}

// IsVerb reports whether word w looks like a finite verb. "May" is the
// month; "may" a verb.
func IsVerb(w string) bool {
	if w == "May" || w == "MAY" {
		return false
	}
	var buf [MaxASCII]byte
	if lw, _, ok := LowerASCII(&buf, w); ok {
		return finiteVerbs[string(lw)] || bytes.HasSuffix(lw, []byte("ed")) && len(lw) > 4
	}
	lw := strings.ToLower(w)
	return finiteVerbs[lw] || strings.HasSuffix(lw, "ed") && utf8.RuneCountInString(lw) > 4
}

// IsCommonVerb reports whether w, in any case, is one of the common
// verbs whose forms do not end in -ed ("said", "took"): a verb even with
// a capital, where a capitalised word in -ed most often ends a name
// ("Mohammed", "United").
func IsCommonVerb(w string) bool {
	if w == "May" || w == "MAY" {
		return false
	}
	return finiteVerbs[strings.ToLower(w)]
}
