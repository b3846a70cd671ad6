// Package words is the one word tokenizer of the timeline's stages: the
// words and tokens of a text as slices of it, the terms texts are
// compared by, stop words, stems, a few word classes (numbers, verbs,
// capitals) and white space collapsed. It knows nothing of sources:
// every stage imports it.
package words

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Split returns the words of s: runs of letters and digits, with inner
// apostrophes, hyphens, periods and commas kept ("Podolyak's", "U.S.",
// "9,300", "cross-border").
func Split(s string) []string {
	return Append(nil, s)
}

// Append appends the words of s to out and returns it.
func Append(out []string, s string) []string {
	for i := 0; ; {
		start, end := Next(s, i)
		if start < 0 {
			return out
		}
		out = append(out, s[start:end])
		i = end
	}
}

// Classes of ASCII bytes for the word scanners: letters and digits, and
// the marks a word keeps between two of them (Split's and AppendTokens').
const (
	classAlnum      = 1 << iota
	classWordInner  // ' - . , _
	classTokenInner // ' - .
)

// asciiClass is the class of each ASCII byte.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range rune(utf8.RuneSelf) {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			t[c] |= classAlnum
		}
		if strings.ContainsRune("'-.,_", c) {
			t[c] |= classWordInner
		}
		if strings.ContainsRune("'-.", c) {
			t[c] |= classTokenInner
		}
	}
	return t
}()

// Next returns the span of the first word of s at or after offset
// i; start is -1 when there is none.
func Next(s string, i int) (start, end int) {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiClass[c]&classAlnum != 0 {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if IsAlnum(r) {
			break
		}
		i += size
	}
	if i >= len(s) {
		return -1, len(s)
	}
	return i, wordEnd(s, i, classWordInner)
}

// wordEnd returns the end of the word that begins at offset i of s: the
// letters and digits that follow, and the marks of class inner (or '’')
// between two of them.
func wordEnd(s string, i int, inner uint8) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			k := asciiClass[c]
			if k&classAlnum == 0 && (k&inner == 0 || !alnumAt(s, i+1)) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !IsAlnum(r) && (r != '’' || !alnumAt(s, i+size)) {
			return i
		}
		i += size
	}
	return i
}

// alnumAt reports whether the rune at offset i of s is a letter or a
// digit; false at the end of s.
func alnumAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return asciiClass[c]&classAlnum != 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return IsAlnum(r)
}

// IsAlnum reports whether r is a letter or a digit.
func IsAlnum(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r]&classAlnum != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Count returns the number of words in s.
func Count(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		var a bool
		if c := s[i]; c < utf8.RuneSelf {
			a = asciiClass[c]&classAlnum != 0
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			a = IsAlnum(r)
			i += size
		}
		if a && !in {
			n++
		}
		in = a
	}
	return n
}

// EndsSentence reports whether s ends as a sentence does: with . ! ? or
// an ellipsis, perhaps inside closing quotes or brackets.
func EndsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || IsClosing(r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// IsClosing reports whether r closes a quotation or a bracket.
func IsClosing(r rune) bool {
	return strings.ContainsRune(`"'”’»)]`, r)
}

// IsOpening reports whether r opens a quotation or a bracket.
func IsOpening(r rune) bool {
	return strings.ContainsRune(`"'“‘«([`, r)
}

// StartsUpper reports whether w begins with an upper-case letter.
func StartsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// stopWords are English function words and reporting verbs: they say
// nothing about what a text is about.
var stopWords = SetOf(`a about above after again against all also although am an and any are as at be
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

// SetOf returns the set of the words of list, separated by white space.
func SetOf(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}

// Term returns the form of word w under which texts are compared: lower
// case, possessive dropped, a plain English inflection cut ("attacks",
// "attacked", "attacking" → "attack"); "" for stop words and words
// shorter than three characters. Numbers are terms as they are.
func Term(w string) string {
	var buf [MaxASCII]byte
	t, same, ok := TermASCII(&buf, w)
	switch {
	case !ok:
		return TermOfUnicode(w)
	case same:
		return w[:len(t)]
	}
	return string(t)
}

// TermASCII is term for a word w that LowerASCII lowers, without
// allocating: the term's bytes (empty for ""), in buf or w's own, and
// whether they are a prefix of w's own bytes. ok is false, and buf
// unused, for any other word.
func TermASCII(buf *[MaxASCII]byte, w string) (t []byte, same, ok bool) {
	lw, same, ok := LowerASCII(buf, w)
	if !ok {
		return nil, false, false
	}
	// What TermOfUnicode does, on ASCII bytes: the term is w's own bytes
	// when nothing was lowered and no comma left.
	lw = bytes.TrimSuffix(lw, []byte("'s"))
	if bytes.IndexByte(lw, ',') >= 0 {
		lw, same = bytes.ReplaceAll(lw, []byte(","), nil), false
	}
	if len(lw) < 3 && !IsNumber(string(lw)) || stopWordTable.Has(lw) {
		return nil, same, true
	}
	for _, suffix := range []string{"ing", "ed", "es", "s"} {
		if bytes.HasSuffix(lw, []byte(suffix)) && len(lw)-len(suffix) >= 4 {
			lw = lw[:len(lw)-len(suffix)]
			break
		}
	}
	return lw, same, true
}

// stopWordTable holds stopWords, for looking words up as bytes.
var stopWordTable = NewTable(stopWords)

// TermOfUnicode is term for any word.
func TermOfUnicode(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	w = strings.ReplaceAll(w, ",", "")
	if stopWords[w] || utf8.RuneCountInString(w) < 3 && !IsNumber(w) {
		return ""
	}
	for _, suffix := range []string{"ing", "ed", "es", "s"} {
		if strings.HasSuffix(w, suffix) && utf8.RuneCountInString(w)-len(suffix) >= 4 {
			return strings.TrimSuffix(w, suffix)
		}
	}
	return w
}

// MaxASCII is the longest word LowerASCII lowers.
const MaxASCII = 64

// LowerASCII returns w in lower case in buf, and whether that is w
// itself (it had no upper-case letter); ok is false, and buf unused,
// when w is longer than buf or not ASCII. Looking the result up in a map
// as string(lw) allocates nothing.
func LowerASCII(buf *[MaxASCII]byte, w string) (lw []byte, same, ok bool) {
	if len(w) > len(buf) {
		return nil, false, false
	}
	same = true
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return nil, false, false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			same = false
		}
		buf[i] = c
	}
	return buf[:len(w)], same, true
}

// LowerBytes returns w in lower case: in buf when w is ASCII and fits.
func LowerBytes(buf *[MaxASCII]byte, w string) []byte {
	if lw, _, ok := LowerASCII(buf, w); ok {
		return lw
	}
	return []byte(strings.ToLower(w))
}

// InLower reports whether the lower-case form of w is in set.
func InLower(set map[string]bool, w string) bool {
	var buf [MaxASCII]byte
	if lw, _, ok := LowerASCII(&buf, w); ok {
		return set[string(lw)]
	}
	return set[strings.ToLower(w)]
}

// IsNumber reports whether w is digits, with periods and commas among
// them ("9,300", "3.5").
func IsNumber(w string) bool {
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

// Terms returns the distinct terms of the words ws in order of first
// appearance, in a slice of their number. set is room to gather them,
// emptied first: a caller that finds the terms of sentence after
// sentence gives the same set each time, and the set's list and map are
// made once, not grown again for each sentence.
func Terms(ws []string, set *TermSet) []string {
	set.reset()
	for _, w := range ws {
		set.add(Term(w))
		if strings.IndexByte(w, '-') > 0 {
			// "cross-border" is about a border too
			for part := range strings.SplitSeq(w, "-") {
				set.add(Term(part))
			}
		}
	}
	if len(set.list) == 0 {
		return nil
	}
	return slices.Clone(set.list)
}

// reset empties the set, keeping its room.
func (ts *TermSet) reset() {
	clear(ts.list)
	ts.list = ts.list[:0]
	if ts.mapped {
		clear(ts.seen)
		ts.mapped = false
	}
}

// TermSet gathers distinct terms in order: a few are compared one by
// one, many are kept in a map too.
type TermSet struct {
	list []string
	seen map[string]bool
	// mapped is whether seen holds the terms of list: it is kept, empty,
	// when the set is reset.
	mapped bool
}

// maxTermsWithoutMap is how many terms a TermSet holds before it keeps
// a map of them.
const maxTermsWithoutMap = 24

// add adds term t unless it is "" or already in the set.
func (ts *TermSet) add(t string) {
	switch {
	case t == "":
		return
	case ts.mapped:
		if ts.seen[t] {
			return
		}
		ts.seen[t] = true
	case slices.Contains(ts.list, t):
		return
	case len(ts.list) == maxTermsWithoutMap:
		if ts.seen == nil {
			ts.seen = make(map[string]bool, 2*maxTermsWithoutMap)
		}
		for _, u := range ts.list {
			ts.seen[u] = true
		}
		ts.seen[t] = true
		ts.mapped = true
	}
	ts.list = append(ts.list, t)
}

// CollapseSpace returns s with every run of white space made one space
// and no white space at either end.
func CollapseSpace(s string) string {
	if isCollapsed(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isCollapsed reports whether s is its own CollapseSpace: white space
// only as single spaces between other characters.
func isCollapsed(s string) bool {
	space := true // as if a space stood before s
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r != ' ' || space {
				return false
			}
			space = true
		} else {
			space = false
		}
	}
	return !space || s == ""
}

// Shorten returns the first n words of s, with an ellipsis when cut.
func Shorten(s string, n int) string {
	fields := strings.Fields(s)
	if len(fields) <= n {
		return s
	}
	return strings.Join(fields[:n], " ") + "…"
}

// Stem returns the first five letters of a word, with British spellings
// made American: "Russian" and "Russia" share "russi", "defence" and
// "defense" share "defen".
func Stem(w string) string {
	w = strings.ReplaceAll(w, "defence", "defense")
	if utf8.RuneCountInString(w) <= 5 {
		return w
	}
	return string([]rune(w)[:5])
}

// IsDigits reports whether s is ASCII digits only.
func IsDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Token is a word or a punctuation mark of a sentence.
type Token struct {
	Text       string
	Start, End int
	Word       bool
}

// AppendTokens appends the tokens of s to out and returns it.
func AppendTokens(out []Token, s string) []Token {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if IsAlnum(r) {
			end := wordEnd(s, i, classTokenInner)
			if end < len(s) && s[end] == '.' && Abbreviations[strings.ToLower(s[i:end])] {
				end++ // "Dr.", "Gov.": the stop is part of the word
			}
			out = append(out, Token{s[i:end], i, end, true})
			i = end
			continue
		}
		if !unicode.IsSpace(r) {
			text := s[i : i+size]
			if r == utf8.RuneError && size == 1 {
				text = string(utf8.RuneError) // not valid UTF-8: read as U+FFFD
			}
			out = append(out, Token{text, i, i + utf8.RuneLen(r), false})
		}
		i += size
	}
	return out
}

// Abbreviations end with a full stop that does not end a sentence
// (lower case, without the stop).
var Abbreviations = SetOf(`mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr gov sen rep rev
fr st mt ft jr sr inc ltd co corp bros vs etc al approx dept est fig vol pp ca cf ed eds jan feb mar
apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun hon pres supt insp
det atty gov't univ assn ave blvd rd`)

// BeforeApostrophe returns w up to its first apostrophe: "That" of
// "That's", "we" of "we're"; w itself when it has none or opens with one.
func BeforeApostrophe(w string) string {
	if i := strings.IndexAny(w, "'’"); i > 0 {
		return w[:i]
	}
	return w
}
