package timex

import (
	"unicode"
	"unicode/utf8"
)

// tokenKind is what a token is.
type tokenKind uint8

const (
	tokWord        tokenKind = iota + 1 // a run of letters
	tokNumber                           // a run of digits, maybe with st/nd/rd/th or s
	tokPunct                            // one other character (or one invalid byte)
	tokNumericDate                      // 2023-05-23, 23.05.2023, 3/22/2013, with or without a time
	tokClock                            // 10:30, 15:00:05
)

// tokenFlag marks properties of a token.
type tokenFlag uint16

const (
	flagSpace     tokenFlag = 1 << iota // white space before the token
	flagNewline                         // a line break before the token
	flagParagraph                       // a blank line before the token
	flagCapital                         // a word that begins with an upper-case letter
	flagUpper                           // a word all in upper case, two letters or more
	flagOrdinal                         // a number written 21st, 2nd, 3rd, 4th
	flagDecade                          // a number written 1990s
	flagASCII                           // a word of ASCII letters only
)

// token is one word, number or character of the text.
type token struct {
	start, end int
	kind       tokenKind
	flags      tokenFlag
	digits     int8    // tokNumber: how many digits
	num        int     // tokNumber: the value (capped); tokPunct: the character
	lex        lexeme  // tokWord: what the lexicon knows of it
	nd         numeric // tokNumericDate, tokClock: the parsed fields
}

// maxLookup is the longest word looked up in the lexicon.
const maxLookup = 16

// scanner splits a text into tokens, left to right, in one pass.
type scanner struct {
	text string
	pos  int
}

// next reads the next token into t and reports whether there was one.
func (sc *scanner) next(t *token) bool {
	flags := sc.skipSpace()
	if sc.pos >= len(sc.text) {
		return false
	}
	*t = token{start: sc.pos, flags: flags}
	c := sc.text[sc.pos]
	switch {
	case c >= '0' && c <= '9':
		sc.number(t)
	case isASCIILetter(c):
		sc.word(t)
	case c < utf8.RuneSelf:
		t.kind, t.num = tokPunct, int(c)
		sc.pos++
	default:
		r, n := utf8.DecodeRuneInString(sc.text[sc.pos:])
		if r != utf8.RuneError && unicode.IsLetter(r) {
			sc.word(t)
		} else {
			t.kind, t.num = tokPunct, int(r)
			sc.pos += n
		}
	}
	t.end = sc.pos
	return true
}

// skipSpace moves past white space and says what it held.
func (sc *scanner) skipSpace() tokenFlag {
	var flags tokenFlag
	lines := 0
	for sc.pos < len(sc.text) {
		c := sc.text[sc.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
			sc.pos++
		case c == '\n':
			lines++
			sc.pos++
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(sc.text[sc.pos:])
			if r == utf8.RuneError || !(unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff') {
				return spaceFlags(flags, lines)
			}
			flags |= flagSpace
			sc.pos += n
			continue
		default:
			return spaceFlags(flags, lines)
		}
		flags |= flagSpace
	}
	return spaceFlags(flags, lines)
}

func spaceFlags(flags tokenFlag, lines int) tokenFlag {
	if lines > 0 {
		flags |= flagNewline
	}
	if lines > 1 {
		flags |= flagParagraph
	}
	return flags
}

// word reads a run of letters and looks it up.
func (sc *scanner) word(t *token) {
	t.kind = tokWord
	ascii, upper, lower := true, 0, 0
	var buf [maxLookup]byte
	n, h := 0, uint32(fnvOffset) // h hashes buf[:n] for lexTable
	for i := 0; sc.pos < len(sc.text); i++ {
		c := sc.text[sc.pos]
		if isASCIILetter(c) {
			if c <= 'Z' {
				upper++
				if i == 0 {
					t.flags |= flagCapital
				}
				c += 'a' - 'A'
			} else {
				lower++
			}
			if n < maxLookup {
				buf[n] = c
				h = (h ^ uint32(c)) * fnvPrime
			}
			n++
			sc.pos++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeRuneInString(sc.text[sc.pos:])
		if r == utf8.RuneError || !unicode.IsLetter(r) {
			break
		}
		if i == 0 && unicode.IsUpper(r) {
			t.flags |= flagCapital
		}
		ascii = false
		sc.pos += size
	}
	if upper > 1 && lower == 0 && ascii {
		t.flags |= flagUpper
	}
	if ascii && n <= maxLookup {
		t.flags |= flagASCII
		t.lex = lexTable.lookup(buf[:n], h)
	}
}

// number reads a run of digits, or a numeric date or clock time.
func (sc *scanner) number(t *token) {
	if nd, end, ok := scanNumeric(sc.text, sc.pos); ok {
		t.nd = nd
		t.kind = tokNumericDate
		if nd.form == formClock {
			t.kind = tokClock
		}
		sc.pos = end
		return
	}
	t.kind = tokNumber
	v, digits := 0, 0
	for sc.pos < len(sc.text) && isDigit(sc.text[sc.pos]) {
		if v < 1e9 {
			v = v*10 + int(sc.text[sc.pos]-'0')
		}
		digits++
		sc.pos++
	}
	t.num = v
	t.digits = int8(min(digits, 100))
	sc.suffix(t)
}

// suffix takes in an ordinal suffix ("21st") or a decade's s ("1990s").
func (sc *scanner) suffix(t *token) {
	rest := sc.text[sc.pos:]
	letters := 0
	for letters < len(rest) && letters < 3 && isASCIILetter(rest[letters]) {
		letters++
	}
	if letters == 3 || (letters < len(rest) && rest[letters] >= utf8.RuneSelf) {
		return
	}
	var a, b byte
	if letters > 0 {
		a = rest[0] | 0x20
	}
	if letters > 1 {
		b = rest[1] | 0x20
	}
	switch {
	case letters == 2 && (a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h'):
		t.flags |= flagOrdinal
	case letters == 1 && a == 's':
		t.flags |= flagDecade
	default:
		return
	}
	sc.pos += letters
}

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
func isAlnum(c byte) bool       { return isDigit(c) || isASCIILetter(c) }
