package site

import "strings"

// Text from the sources may carry the bidirectional formatting
// characters that reorder the text after them: embeddings and overrides
// (U+202A–U+202E) and isolates (U+2066–U+2069). The pages isolate every
// piece of source text that they show (a <bdi>, or unicode-bidi: isolate
// in style.css), so that such a character reorders nothing around it.
// Prose of the tool's own that quotes source text in one string (a date
// tip, a filter's option) cannot hold an element: it drops them.

// isBidiControl reports whether r is a bidirectional embedding,
// override or isolate character.
func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// hasBidiControl reports whether s holds a bidirectional embedding,
// override or isolate character.
func hasBidiControl(s string) bool {
	return strings.IndexFunc(s, isBidiControl) >= 0
}

// withoutBidiControls returns s without its bidirectional embedding,
// override and isolate characters.
func withoutBidiControls(s string) string {
	if !hasBidiControl(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		return r
	}, s)
}
