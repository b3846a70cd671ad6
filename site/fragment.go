package site

import (
	"fmt"
	"strings"
)

// fragmentWords is how many words a text fragment quotes at each end of
// a long sentence: enough to find it, short enough to survive small
// differences in the middle between the page as scraped and as served.
const fragmentWords = 5

// textFragmentLink returns the address of page with a text fragment
// (#:~:text=) that makes a browser scroll to quote and highlight it.
// A quote of more than 2×fragmentWords words is addressed by its first
// and last words (textStart,textEnd). Any fragment page had is dropped.
func textFragmentLink(page, quote string) string {
	if i := strings.IndexByte(page, '#'); i >= 0 {
		page = page[:i]
	}
	words := strings.Fields(quote)
	if len(words) == 0 {
		return page
	}
	directive := encodeFragmentText(strings.Join(words, " "))
	if len(words) > 2*fragmentWords {
		directive = encodeFragmentText(strings.Join(words[:fragmentWords], " ")) + "," +
			encodeFragmentText(strings.Join(words[len(words)-fragmentWords:], " "))
	}
	return page + "#:~:text=" + directive
}

// encodeFragmentText percent-encodes s for a text directive: every byte
// but ASCII letters, digits and ". _ ~" is escaped, so that "-", ",",
// "&" and "#", which mean something in a directive, stay text.
func encodeFragmentText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '.', c == '_', c == '~':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
