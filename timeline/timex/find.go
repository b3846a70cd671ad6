package timex

import "strings"

// maxSegment is the most tokens matched together. A sentence longer than
// that (a text with no punctuation) is cut, so memory stays bounded.
const maxSegment = 400

// match is an expression found by a rule: the tokens [first, end).
type match struct {
	first, end int
	typ        Type
	m          meaning
}

// rule tries to match an expression starting at token i.
type rule func(f *finder, i int) (match, bool)

// rules are tried at each token; the longest match wins, the earlier
// rule on a tie.
var rules = []rule{
	ruleNumericDate,
	ruleCalendar,
	ruleHoliday,
	ruleClock,
	rulePartOfDayOf,
	ruleEdge,
	ruleEdgePartOfDay,
	ruleUnitEnd,
	ruleWeekday,
	ruleDeictic,
	ruleRelativeUnit,
	ruleNarrative,
	ruleYearEarlier,
	ruleYear,
	ruleCentury,
	ruleSeason,
	ruleQuarter,
	ruleUnitEnded,
	ruleSecondDay,
	ruleSet,
	ruleDuration,
	ruleReference,
}

// finder holds one segment (about a sentence) of tokens at a time.
type finder struct {
	text string
	toks []token
	out  []Expr
	// spans are the token ranges of the expressions of the segment.
	spans []match
	// order is what the text's numeric dates say of their order.
	order orderEvidence
	// clockHeads is true when the four-digit labels that head the text's
	// lines are clock times, not years (see clockLabels).
	clockHeads bool
}

// find reads text token by token, a sentence at a time, and returns its
// expressions, its ambiguous numeric dates settled by the text's other
// numeric dates or else by locale.
func find(text string, locale DateOrder) []Expr {
	f := finder{text: text, toks: make([]token, 0, 64), clockHeads: clockLabels(text)}
	sc := scanner{text: text}
	var t token
	for sc.next(&t) {
		if len(f.toks) > 0 && f.boundaryBefore(&t) {
			f.flush()
		}
		if t.kind == tokNumericDate {
			f.order.note(&t.nd)
		}
		f.toks = append(f.toks, t)
		if len(f.toks) >= maxSegment {
			f.flush()
		}
	}
	f.flush()
	settleOrder(f.out, f.order.order(locale))
	return f.out
}

// boundaryBefore reports whether a sentence ends before t.
func (f *finder) boundaryBefore(t *token) bool {
	if t.flags&flagParagraph != 0 {
		return true
	}
	n := len(f.toks)
	last := &f.toks[n-1]
	if last.kind != tokPunct || t.flags&flagSpace == 0 {
		return false
	}
	if closingQuote(last.num) && t.flags&flagCapital != 0 {
		// "… entirely inaccurate.'' White House on Thursday": the
		// sentence ends inside the quotation marks
		for n > 1 && f.toks[n-1].kind == tokPunct && closingQuote(f.toks[n-1].num) {
			n--
		}
		last = &f.toks[n-1]
		if last.kind != tokPunct || last.num != '.' && last.num != '!' && last.num != '?' {
			return false
		}
	}
	switch last.num {
	case '!', '?':
		return true
	case '.':
		if n < 2 {
			return true
		}
		prev := &f.toks[n-2]
		if prev.end != last.start || prev.kind != tokWord {
			return true
		}
		abbrev := prev.end-prev.start == 1 || prev.lex.flags&(lexAbbrev|lexTitle) != 0
		return !abbrev
	}
	return false
}

// closingQuote reports whether a punctuation mark may close a quotation.
func closingQuote(r int) bool {
	return r == '"' || r == '\'' || r == '\u201d' || r == '\u2019'
}

// flush finds the expressions of the current segment.
func (f *finder) flush() {
	f.spans = f.spans[:0]
	for i := 0; i < len(f.toks); {
		m, ok := f.matchAt(i)
		if !ok {
			i++
			continue
		}
		f.spans = append(f.spans, m)
		i = m.end
	}
	for k := range f.spans {
		next := len(f.toks)
		if k+1 < len(f.spans) {
			next = f.spans[k+1].first
		}
		f.markCompared(&f.spans[k], next)
	}
	for _, m := range f.spans {
		f.out = append(f.out, Expr{
			Start: f.toks[m.first].start,
			End:   f.toks[m.end-1].end,
			Type:  m.typ,
			Tense: f.weekdayTense(m, f.tense(m.first, m.end)),
			m:     m.m,
		})
	}
	f.toks = f.toks[:0]
}

// matchAt returns the longest match starting at token i.
func (f *finder) matchAt(i int) (match, bool) {
	t := &f.toks[i]
	if t.kind == tokWord && !t.lex.startsExpression() {
		return match{}, false
	}
	if t.kind == tokPunct && t.num != '\'' && t.num != '\u2019' {
		return match{}, false
	}
	var best match
	found := false
	for _, r := range rules {
		m, ok := r(f, i)
		if ok && m.first == i && m.end > i && m.end <= len(f.toks) && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	if found && best.m.kind == kindPoint && best.m.gran == unitDay && best.m.year == 0 && f.namedAfterDay(best.end) {
		return match{}, false // "the February 17 Martyrs Brigade", "the April 6 Movement": a name
	}
	return best, found
}

// namedByDay are the nouns of groups, places and events named after the
// day they began ("the April 6 Movement", "the 14 March Alliance").
var namedByDay = map[string]bool{"movement": true, "brigade": true, "brigades": true, "martyrs": true,
	"coalition": true, "alliance": true, "youth": true, "front": true, "group": true, "party": true,
	"square": true, "street": true, "bridge": true, "stadium": true}

// namedAfterDay reports whether token k is a capitalised noun of a name
// given after a day.
func (f *finder) namedAfterDay(k int) bool {
	t := f.at(k)
	return t.kind == tokWord && t.flags&flagCapital != 0 && namedByDay[strings.ToLower(f.wordText(k))]
}

// noToken stands for positions outside the segment.
var noToken = token{}

// at returns token i, or an empty token outside the segment.
func (f *finder) at(i int) *token {
	if i < 0 || i >= len(f.toks) {
		return &noToken
	}
	return &f.toks[i]
}

// is reports whether token i is the function word w.
func (f *finder) is(i int, w wordID) bool {
	t := f.at(i)
	return t.kind == tokWord && t.lex.word == w
}

// isAny reports whether token i is one of the function words ws.
func (f *finder) isAny(i int, ws ...wordID) bool {
	t := f.at(i)
	if t.kind != tokWord || t.lex.word == wNone {
		return false
	}
	for _, w := range ws {
		if t.lex.word == w {
			return true
		}
	}
	return false
}

// punct reports whether token i is the character r.
func (f *finder) punct(i int, r rune) bool {
	t := f.at(i)
	return t.kind == tokPunct && t.num == int(r)
}

// dash reports whether token i is a hyphen or a dash.
func (f *finder) dash(i int) bool {
	t := f.at(i)
	return t.kind == tokPunct && (t.num == '-' || t.num == '\u2013' || t.num == '\u2010' || t.num == '\u2011')
}

// glued reports whether token i follows token i-1 with no space between.
func (f *finder) glued(i int) bool {
	return i > 0 && i < len(f.toks) && f.toks[i].start == f.toks[i-1].end
}

// skipDot returns the index after an abbreviation's dot at j, if any.
func (f *finder) skipDot(j int) int {
	if f.punct(j, '.') && f.glued(j) {
		return j + 1
	}
	return j
}

// wordText returns the text of token i.
func (f *finder) wordText(i int) string {
	t := f.at(i)
	if t.end <= t.start {
		return ""
	}
	return f.text[t.start:t.end]
}

// closesQuotation reports whether token k is a mark that may close a
// quotation (see closingQuote).
func (f *finder) closesQuotation(k int) bool {
	t := f.at(k)
	return t.kind == tokPunct && closingQuote(t.num)
}
