package read

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline"
)

// isTrimmed reports whether r is a rune trimSpan takes off a span's ends.
func isTrimmed(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }

// FuzzSentences checks the sentence splitter on any text and any block
// of it, trimmed and not empty, as the segmenter and the Markdown reader
// make blocks:
// the sentences are in order, apart, inside the block, trimmed,
// and together hold every character of the block but the white space
// between them.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"It began on Monday. Troops withdrew.", "Dr. Smith met Gov. Gladkov. U.S. officials said so.",
		"“We will win.” Gladkov wrote on Telegram. He left.", "a... b… (…) c?! “d.” E", "No. 10. no. 5",
		"\u202eevil. \u200bTwo. \ufeffThree.", "x.\xff Y. \xc3", strings.Repeat(". ", 50), "A.\u00a0B.\u2028C.",
	} {
		f.Add(s, uint16(0), uint16(len(s)), uint8(timeline.Paragraph))
	}
	f.Fuzz(func(t *testing.T, text string, start, end uint16, kind uint8) {
		s, e := int(start), int(end)
		if s > e || e > len(text) {
			s, e = 0, len(text)
		}
		s, e = trimSpan(text, s, e)
		if s == e {
			return // no block is empty
		}
		b := timeline.Block{Span: timeline.Span{Start: s, End: e}, Kind: timeline.BlockKind(kind % 5)}
		last := s
		for _, sp := range splitSentences(text, b) {
			if sp.Start < last || sp.Start >= sp.End || !b.Span.Contains(sp) {
				t.Fatalf("sentence %v after %d in block %v of %q", sp, last, b.Span, text)
			}
			if b.Kind != timeline.Heading && b.Kind != timeline.Code {
				first, _ := utf8.DecodeRuneInString(text[sp.Start:sp.End])
				lastRune, _ := utf8.DecodeLastRuneInString(text[sp.Start:sp.End])
				if isTrimmed(first) || isTrimmed(lastRune) {
					t.Fatalf("sentence %q not trimmed", text[sp.Start:sp.End])
				}
			}
			if between := text[last:sp.Start]; strings.TrimFunc(between, isTrimmed) != "" {
				t.Fatalf("%q between sentences is lost", between)
			}
			last = sp.End
		}
		if rest := text[last:e]; strings.TrimFunc(rest, isTrimmed) != "" {
			t.Fatalf("%q after the last sentence is lost", rest)
		}
	})
}
