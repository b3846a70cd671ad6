package read

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline/words"
)

// The cleaner tests every block of every source against a few regular
// expressions; Go's regexp takes microseconds a block for them, which
// is most of the time of reading a large story. The tests below answer
// the same as the expressions, faster: a substring every match must
// hold, checked before the expression, or a hand-written matcher.

// isEmbeddedPost is embeddedPostLink.MatchString(text): every match
// holds "t.co/" or ".com/".
func isEmbeddedPost(text string) bool {
	return (strings.Contains(text, ".com/") || strings.Contains(text, "t.co/")) && embeddedPostLink.MatchString(text)
}

// isCopyright is copyrightLine.MatchString(text). Its first three
// alternatives are tested by hand: "©"; "(c)", in any case, white space
// and four digits; "copyright", in any case, after no ASCII letter,
// digit or '_' (no letter of "copyright" folds to a letter outside
// ASCII). Every match of the last one holds "all right" in any case.
func isCopyright(text string) bool {
	switch {
	case strings.Contains(text, "©"), yearAfterC(text), hasWordStartFold(text, "copyright"):
		return true
	case containsFoldASCII(text, "all right"):
		return copyrightLine.MatchString(text)
	}
	return false
}

// yearAfterC reports whether text holds `(?i)\(c\)\s*\d{4}`.
func yearAfterC(text string) bool {
	for i := strings.Index(text, "("); i >= 0; {
		if i+2 < len(text) && text[i+1]|0x20 == 'c' && text[i+2] == ')' {
			q := i + 3
			for q < len(text) && isRegexpSpace(text[q]) {
				q++
			}
			if q+4 <= len(text) && words.IsDigits(text[q:q+4]) {
				return true
			}
		}
		next := strings.Index(text[i+1:], "(")
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

// isRegexpSpace reports whether c is in regexp's \s: [\t\n\f\r ].
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// hasWordStartFold reports whether s holds word, ASCII letters' case
// ignored, at a word start of regexp's \b: after the start of s or a
// byte that is not an ASCII letter, digit or '_'. word is as for
// containsFoldASCII.
func hasWordStartFold(s, word string) bool {
	first := word[0]
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == first && (i == 0 || !isWordByte(s[i-1])) && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// isWordByte reports whether c is in regexp's \w: [0-9A-Za-z_].
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z'
}

// isEndMarker is endMarkerLine.MatchString(text). Every match of its
// alternatives but one begins the text with "(", a digit, white space
// or one of endMarkerFirst in any case, followed by no ASCII letter;
// the other holds "contributed". Letters outside ASCII ("ſ" folds to
// "s") are left to the expression.
func isEndMarker(text string) bool {
	n := 0
	for n < len(text) && 'a' <= text[n]|0x20 && text[n]|0x20 <= 'z' {
		n++
	}
	switch {
	case n < len(text) && text[n] >= utf8.RuneSelf,
		n == 0 && text != "" && (text[0] == '(' || '0' <= text[0] && text[0] <= '9' || isRegexpSpace(text[0])),
		n > 0 && words.InLower(endMarkerFirst, text[:n]),
		containsFoldASCII(text, "contributed"):
		return endMarkerLine.MatchString(text)
	}
	return false
}

// endMarkerFirst are the first words of endMarkerLine's alternatives.
var endMarkerFirst = words.SetOf(`reporting writing editing additional compiled with leave post add write view
show load read comment comments share about related recent latest popular recommended trending more see
you most tag tags topic topics filed`)

// isPostSignature is postSignature.MatchString(text): every match
// begins with one of "-", "—" and "–".
func isPostSignature(text string) bool {
	return (strings.HasPrefix(text, "-") || strings.HasPrefix(text, "—") || strings.HasPrefix(text, "–")) &&
		postSignature.MatchString(text)
}

// mayBePublicationLine is false when publicationWord cannot match s:
// s holds none of publicationStems, in any case, nor a "ſ", which
// regexp's case folding takes for an "s".
func mayBePublicationLine(s string) bool {
	return mayNamePublication(s) || strings.Contains(s, "ſ")
}

// containsFoldASCII reports whether s holds word, ASCII letters' case
// ignored; word is lower case ASCII whose letters fold to no other
// letter (no k, no s).
func containsFoldASCII(s, word string) bool {
	first := word[0]
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == first && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// hasSentenceBreak is sentenceBreak.MatchString(text): three letters,
// one or more of ".!?", closing quotes or brackets, white space, and
// something that is not white space.
func hasSentenceBreak(text string) bool {
	for p := strings.IndexAny(text, ".!?"); p >= 0; {
		q := p
		for q < len(text) && strings.IndexByte(".!?", text[q]) >= 0 {
			q++
		}
		if lettersBefore(text, p, 3) && spaceThenText(text, skipClosers(text, q)) {
			return true
		}
		next := strings.IndexAny(text[q:], ".!?")
		if next < 0 {
			return false
		}
		p = q + next
	}
	return false
}

// lettersBefore reports whether the n runes before offset p are letters.
func lettersBefore(text string, p, n int) bool {
	for range n {
		r, size := utf8.DecodeLastRuneInString(text[:p])
		if size == 0 || !unicode.IsLetter(r) {
			return false
		}
		p -= size
	}
	return true
}

// skipClosers returns the offset after the quotes and brackets that
// close a sentence from q on.
func skipClosers(text string, q int) int {
	for q < len(text) {
		r, size := utf8.DecodeRuneInString(text[q:])
		if r != '"' && r != '”' && r != '’' && r != ')' {
			break
		}
		q += size
	}
	return q
}

// spaceThenText reports whether text from q on is one or more of
// regexp's \s ([\t\n\f\r ]) and then one byte that is not.
func spaceThenText(text string, q int) bool {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	if q >= len(text) || !isSpace(text[q]) {
		return false
	}
	for q < len(text) && isSpace(text[q]) {
		q++
	}
	return q < len(text)
}
