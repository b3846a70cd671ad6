package timex

import "strings"

// comparisonWindow is how many tokens before a year back are read for
// the word that compares a figure with it ("from", "compared with").
const comparisonWindow = 24

// comparisonReach is how many bytes before a compared year back the
// quarter it repeats may be named: the sentence or the one
// before ("Third-quarter net rose 11%. Revenue fell from $3.2 billion a
// year ago").
const comparisonReach = 600

// yearBack reports whether m moves one year back from its anchor: "a
// year ago", "a year earlier", "last year", "the previous year".
func yearBack(m meaning) bool {
	return m.gran == unitYear && m.shift == -1 && !m.comparison && m.mod == modNone &&
		(m.kind == kindUnitOffset || m.kind == kindNarrative)
}

// markCompared marks a year back that a figure is compared with
// ("rose to $94 million from $85 million a year ago", "compared with a
// loss of $3 million last year", "up 13% from last year's $1.55
// billion"), and takes "'s quarter" into "last year's quarter".
func (f *finder) markCompared(m *match, next int) {
	if !yearBack(m.m) {
		return
	}
	if end, ok := f.possessivePeriod(m.end); ok && end <= next {
		// the same quarter a year before, as "the year-earlier quarter"
		m.end, m.m = end, meaning{kind: kindNarrative, gran: unitQuarter, shift: -4, comparison: true}
		return
	}
	m.m.periodBack = f.comparedFigure(m.first, m.end)
}

// possessivePeriod matches "'s quarter" or "'s period" after a year back
// ("last year's quarter") and returns where it ends.
func (f *finder) possessivePeriod(k int) (int, bool) {
	if !(f.punct(k, '\'') || f.punct(k, '\u2019')) || !strings.EqualFold(f.wordText(k+1), "s") {
		return 0, false
	}
	u := f.at(k + 2)
	if u.kind == tokWord && u.lex.flags&lexPlural == 0 &&
		(u.lex.unit == unitQuarter || strings.EqualFold(f.wordText(k+2), "period")) {
		return k + 3, true
	}
	return 0, false
}

// comparedFigure reports whether the year back at [first, end) is what a
// figure is compared with: a comparing word before it in its clause and
// an amount before it or right after it.
func (f *finder) comparedFigure(first, end int) bool {
	compared, figure := false, false
	for k := end; k < end+4 && k < len(f.toks); k++ {
		figure = figure || f.at(k).kind == tokNumber
	}
	for k, n := first-1, 0; k >= 0 && n < comparisonWindow && !f.punct(k, ';'); k, n = k-1, n+1 {
		figure = figure || f.at(k).kind == tokNumber
		compared = compared || f.comparingWord(k)
	}
	return compared && figure
}

// comparingWord reports whether token k introduces what a figure is
// compared with.
func (f *finder) comparingWord(k int) bool {
	switch strings.ToLower(f.wordText(k)) {
	case "from", "compared", "compares", "compare", "comparing", "versus", "vs", "than":
		return true
	}
	return false
}

// lastPeriod is the last quarter or half the text named, which a
// compared year back repeats a year before.
type lastPeriod struct {
	date Date
	gran unit
	end  int // byte offset where its expression ends
}

// notePeriod records e's value v as the last period named when it is a
// quarter or half on the calendar, and forgets it when e names another
// time: "net for the nine months rose from $504 million last year"
// compares the nine months. A month is no such period: "wages rose 3.8
// percent from a year earlier" after "last month" compares years.
func (r *resolver) notePeriod(e Expr, v Value) {
	if e.m.periodBack || e.m.comparison {
		return
	}
	g := e.m.gran
	if e.m.within != unitNone {
		g = e.m.within
	}
	r.period = lastPeriod{}
	if !v.Date.IsZero() && (g == unitQuarter || g == unitHalf) && e.m.kind != kindDuration {
		r.period = lastPeriod{date: v.Date, gran: g, end: e.End}
	}
}

// periodBackValue resolves a compared year back as the last quarter or
// half named, a year before, when it was named just before.
func (r *resolver) periodBackValue(e Expr) (Value, bool) {
	p := r.period
	if p.date.IsZero() || e.Start-p.end > comparisonReach || e.Start < p.end {
		return Value{}, false
	}
	var back int
	switch p.gran {
	case unitQuarter:
		back = 4
	case unitHalf:
		back = 2
	default:
		return Value{}, false
	}
	v := r.periodValue(shiftPeriod(p.date, p.gran, -back), meaning{}, true)
	return v, true
}
