package read

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/words"
)

// line is one line of a text source.
type line struct {
	span   timeline.Span // the line without its indentation, marker and trailing space
	bullet bool          // it began with a list marker
	blank  bool
}

// splitLines returns the lines of text with their spans trimmed of white
// space and of a leading list marker.
func splitLines(text string) []line {
	var lines []line
	for _, l := range lineSpans(text, timeline.Span{Start: 0, End: len(text)}) {
		lines = append(lines, lineAt(text, l.Start, l.End))
	}
	return lines
}

// lineSpans returns the lines of the part span of text, without their
// newlines; an empty part is one empty line.
func lineSpans(text string, span timeline.Span) []timeline.Span {
	var out []timeline.Span
	for start := span.Start; start <= span.End; {
		end := strings.IndexByte(text[start:span.End], '\n')
		if end < 0 {
			end = span.End
		} else {
			end += start
		}
		out = append(out, timeline.Span{Start: start, End: end})
		start = end + 1
	}
	return out
}

func lineAt(text string, start, end int) line {
	s, e := trimSpan(text, start, end)
	if s == e {
		return line{span: timeline.Span{Start: s, End: s}, blank: true}
	}
	l := line{span: timeline.Span{Start: s, End: e}}
	if n := listMarkerLen(text[s:e]); n > 0 {
		l.bullet = true
		l.span.Start, _ = trimSpan(text, s+n, e)
	}
	return l
}

// trimSpan narrows [start, end) of text to exclude white space at both ends.
func trimSpan(text string, start, end int) (int, int) {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		end -= size
	}
	return start, end
}

// listMarkers begin a list item when a space follows them.
var listMarkers = []string{"•", "·", "▪", "●", "◦", "‣", "■", "□", "►", "▶", "-", "*", "+"}

// listMarkerLen returns the length of a list marker and the space after
// it at the start of s ("• ", "- ", "12. ", "3) "), or 0.
func listMarkerLen(s string) int {
	for _, m := range listMarkers {
		if strings.HasPrefix(s, m) && len(s) > len(m) && isSpaceByte(s[len(m)]) {
			return len(m) + 1
		}
	}
	digits := 0
	for digits < len(s) && digits < 3 && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits+1 < len(s) && (s[digits] == '.' || s[digits] == ')') && isSpaceByte(s[digits+1]) {
		return digits + 2
	}
	return 0
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' }

// segmentText splits a text source into blocks. Blank lines separate
// blocks; within a run of lines each line is a block of its own (scraped
// text puts a paragraph on a line) unless the text is hard-wrapped or the
// next line plainly continues the sentence. List items are blocks of
// their own, without their markers.
func segmentText(text string) []timeline.Block {
	lines := splitLines(text)
	wrap := wrapWidth(text, lines)
	var blocks []timeline.Block
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.blank {
			continue
		}
		b := timeline.Block{Span: l.span, Kind: timeline.Paragraph}
		if l.bullet {
			b.Kind = timeline.ListItem
		}
		for i+1 < len(lines) && continues(text, lines[i], lines[i+1], wrap) {
			i++
			b.Span.End = lines[i].span.End
		}
		blocks = append(blocks, b)
	}
	return blocks
}

// continues reports whether next goes on with the paragraph of prev.
func continues(text string, prev, next line, wrap int) bool {
	if next.blank || next.bullet {
		return false
	}
	p, n := prev.span.Of(text), next.span.Of(text)
	if words.EndsSentence(p) {
		// In hard-wrapped text a sentence may end mid-paragraph; a
		// paragraph's last line is the short one.
		return wrap > 0 && utf8.RuneCountInString(p) > wrap*7/10 && !startsLikeHeading(n)
	}
	r, _ := utf8.DecodeRuneInString(n)
	if unicode.IsLower(r) {
		return true
	}
	return wrap > 0 && utf8.RuneCountInString(p) > wrap*7/10
}

// startsLikeHeading reports whether a line looks like the start of a
// new section rather than the rest of a sentence.
func startsLikeHeading(s string) bool {
	return len(s) > 0 && !words.EndsSentence(s) && words.Count(s) <= 10
}

// wrapWidth returns the width at which text is hard-wrapped, or 0 when
// it is not: when most lines that are followed by another line fall in
// a narrow band of lengths at most 100 characters.
func wrapWidth(text string, lines []line) int {
	var widths []int
	for i := 0; i+1 < len(lines); i++ {
		if !lines[i].blank && !lines[i+1].blank && !lines[i].bullet {
			widths = append(widths, utf8.RuneCountInString(lines[i].span.Of(text)))
		}
	}
	if len(widths) < 4 {
		return 0
	}
	slices.Sort(widths)
	p90 := widths[len(widths)*9/10]
	median := widths[len(widths)/2]
	if p90 > 100 || median < 40 || p90-median > 20 {
		return 0
	}
	return p90
}
