package timex

import "strings"

// A number of four digits that heads a line before a colon ("1917: The
// BBC's David Willis says...") is the label of an entry: a year in a
// chronology ("1988: The Anfal campaign begins"), a clock time in a live
// blog, whose entries are stamped with the time they were posted. The
// labels of one text say which: a clock time has at most 23 hours and 59
// minutes, and a live blog puts its latest entry first.

// minClockLabels is how many line labels a text needs before their order
// can say they are clock times.
const minClockLabels = 3

// clockLabels reports whether the four-digit numbers that head the lines
// of text before a colon are clock times rather than years: they all
// read as a time of day, and some could be no year of news (0927, 2215),
// or at least minClockLabels of them run backwards, latest first, as a
// live blog's do (a chronology runs forwards). It reads text once.
func clockLabels(text string) bool {
	n, prev := 0, -1
	descending, notYear := true, false
	for i := 0; i < len(text); {
		v, ok := lineLabel(text, i)
		if ok {
			if v/100 > 23 || v%100 > 59 {
				return false // 1988: a year
			}
			notYear = notYear || v < 1000 || v > 2099
			if prev >= 0 && v > prev {
				descending = false
			}
			prev = v
			n++
		}
		next := strings.IndexByte(text[i:], '\n')
		if next < 0 {
			break
		}
		i += next + 1
	}
	return n > 0 && notYear || n >= minClockLabels && descending
}

// lineLabel reads four digits at the start of the line that begins at
// text[i:], after its indentation, and a colon after them, or a space
// and a capital ("1901 The BBC's Matt Frei says": a live page saved as
// text keeps its labels without their colons).
func lineLabel(text string, i int) (int, bool) {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	v, n := digitRun(text, i, 5)
	if n != 4 || i+n+1 >= len(text) {
		return 0, false
	}
	switch c := text[i+n]; {
	case c == ':':
		return v, !isDigit(text[i+n+1])
	case c == ' ':
		return v, text[i+n+1] >= 'A' && text[i+n+1] <= 'Z'
	}
	return 0, false
}

// headsLine reports whether token i begins a line of the text.
func (f *finder) headsLine(i int) bool {
	t := f.at(i)
	return t.start == 0 || t.flags&flagNewline != 0
}

// lineLabelAt reports whether number token i is a label heading a line:
// four digits at the start of a line, glued to a colon or before a
// capitalised word.
func (f *finder) lineLabelAt(i int) bool {
	t := f.at(i)
	next := f.at(i + 1)
	return t.kind == tokNumber && t.digits == 4 && t.flags&(flagOrdinal|flagDecade) == 0 && f.headsLine(i) &&
		(f.punct(i+1, ':') && f.glued(i+1) || next.kind == tokWord && next.flags&(flagCapital|flagNewline) == flagCapital && !f.glued(i+1))
}
