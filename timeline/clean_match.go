package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
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

// isCopyright is copyrightLine.MatchString(text): every match holds
// "©", "(", or, in any case, "copyright" or "all right".
func isCopyright(text string) bool {
	if !strings.Contains(text, "©") && !strings.Contains(text, "(") &&
		!containsFoldASCII(text, "copyright") && !containsFoldASCII(text, "all right") {
		return false
	}
	return copyrightLine.MatchString(text)
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
