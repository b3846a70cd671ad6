package timex

import "strings"

// Rules for dates relative to the document or the narrative: weekdays,
// "yesterday", "last week", "the next day", "early on Wednesday", "the
// early hours of Monday".

// ruleWeekday matches "Monday", "last Friday", "Tuesday afternoon".
func ruleWeekday(f *finder, i int) (match, bool) {
	shift, j := f.shiftWord(i)
	t := f.at(j)
	if !f.isWeekday(j) || t.lex.flags&lexAbbrev != 0 || !f.weekdayStandsAlone(j) {
		return match{}, false
	}
	m := meaning{kind: kindWeekday, gran: unitDay, weekday: t.lex.weekday, shift: shift}
	end, typ := j+1, TypeDate
	if pod, ok := f.partOfDayAt(end); ok {
		m.pod, m.podCode = pod, true
		end, typ = end+1, TypeTime
	}
	return match{first: i, end: end, typ: typ, m: m}, true
}

// weekdayTense is the tense a weekday is resolved by: a possessive
// weekday in a present clause names what happened ("Friday's purchases
// are far below", "a premium over Thursday's closing price"), not what
// is scheduled.
func (f *finder) weekdayTense(m match, tense Tense) Tense {
	if m.m.kind != kindWeekday || tense != TensePresent || m.m.shift != shiftTense {
		return tense
	}
	if (f.punct(m.end, '\'') || f.punct(m.end, '\u2019')) && strings.EqualFold(f.wordText(m.end+1), "s") {
		return TensePast
	}
	return tense
}

// weekdayStandsAlone reports whether weekday j is a date, not part of a
// handle, a tag or a name ("@Monday_news", "Black Friday").
func (f *finder) weekdayStandsAlone(j int) bool {
	t := f.at(j)
	if t.start > 0 {
		switch f.text[t.start-1] {
		case '@', '#', '_', '/', '.', '-':
			return false
		}
	}
	if t.end < len(f.text) {
		switch f.text[t.end] {
		case '_', '@', '/':
			return false
		}
	}
	p := f.at(j - 1)
	return !(p.lex.word == wNamedDay && p.flags&flagCapital != 0)
}

// partOfDayAt reads "morning", "afternoon", "evening" or "night" at j.
func (f *finder) partOfDayAt(j int) (partOfDay, bool) {
	t := f.at(j)
	if t.kind != tokWord || t.lex.flags&lexPlural != 0 {
		return podNone, false
	}
	switch t.lex.pod {
	case podMorning, podAfternoon, podEvening, podNight:
		return t.lex.pod, true
	}
	return podNone, false
}

// ruleDeictic matches "today", "yesterday morning", "tonight", "last
// night", "this morning", "overnight", "the previous night", "the day
// before yesterday".
func ruleDeictic(f *finder, i int) (match, bool) {
	m := meaning{kind: kindDayOffset, gran: unitDay}
	end := i + 1
	switch f.at(i).lex.word {
	case wToday, wYesterday, wTomorrow:
		switch f.at(i).lex.word {
		case wYesterday:
			m.shift = -1
		case wTomorrow:
			m.shift = 1
		}
		if pod, ok := f.partOfDayAt(end); ok {
			m.pod, m.podCode, end = pod, true, end+1
		}
	case wTonight:
		m.pod, m.podCode = podNight, true
	case wOvernight:
		m.shift, m.pod, m.podCode = -1, podOvernight, true
	case wThis, wLast:
		pod, ok := f.partOfDayAt(end)
		if !ok || (f.is(i, wLast) && pod != podNight && pod != podEvening) {
			return match{}, false
		}
		if f.is(i, wLast) {
			m.shift = -1
		}
		m.pod, m.podCode, end = pod, true, end+1
	case wThe:
		return f.theDayBefore(i)
	default:
		return match{}, false
	}
	typ := TypeDate
	if m.podCode {
		typ = TypeTime
	}
	return match{first: i, end: end, typ: typ, m: m}, true
}

// theDayBefore matches "the day before yesterday", "the day after
// tomorrow", "the previous night", "the night before".
func (f *finder) theDayBefore(i int) (match, bool) {
	m := meaning{kind: kindDayOffset, gran: unitDay}
	switch {
	case f.is(i+1, wDay) && f.is(i+2, wBefore) && f.is(i+3, wYesterday):
		m.shift = -2
	case f.is(i+1, wDay) && f.is(i+2, wAfter) && f.is(i+3, wTomorrow):
		m.shift = 2
	case f.is(i+1, wPrevious) && f.is(i+2, wNight):
		m.shift, m.pod, m.podCode = -1, podNight, true
		return match{first: i, end: i + 3, typ: TypeTime, m: m}, true
	case f.is(i+1, wNight) && f.is(i+2, wBefore) && !f.startsNounPhrase(i+3):
		m.shift, m.pod, m.podCode = -1, podNight, true
		return match{first: i, end: i + 3, typ: TypeTime, m: m}, true
	default:
		return match{}, false
	}
	return match{first: i, end: i + 4, typ: TypeDate, m: m}, true
}

// startsNounPhrase reports whether token j begins what "before" or "after"
// could govern: a determiner, a name, a number.
func (f *finder) startsNounPhrase(j int) bool {
	t := f.at(j)
	if t.kind == tokNumber || (t.kind == tokWord && t.flags&flagCapital != 0) {
		return true
	}
	return f.isAny(j, wThe, wA, wAn, wThis, wThat, wThese)
}

// objectAt reports whether token j, after "the day before", is what
// "before" or "after" governs, a clause or a noun ("the day before
// authorities issued a warrant", "the day before returning home"),
// rather than the next words of the sentence ("the day before and",
// "the day before to prepare").
func (f *finder) objectAt(j int) bool {
	t := f.at(j)
	if t.kind != tokWord || t.lex != (lexeme{}) {
		return false
	}
	switch strings.ToLower(f.wordText(j)) {
	case "and", "or", "but", "to", "when", "as", "so", "because", "while", "at", "in", "on", "with":
		return false
	}
	return true
}

// ruleRelativeUnit matches "this week", "last year", "next month", "the
// coming week", "the current quarter", "this weekend".
func ruleRelativeUnit(f *finder, i int) (match, bool) {
	j := i
	hasThe := f.is(j, wThe)
	if hasThe {
		j++
		if f.at(j).lex.unit != unitNone || (f.is(j, wFiscal) || strings.EqualFold(f.wordText(j), "full")) && f.at(j+1).lex.unit == unitYear {
			return f.theUnitAlone(i)
		}
	}
	w := f.at(j).lex.word
	k := j + 1
	if w == wThis && f.is(k, wPast) && !hasThe {
		w, k = wLast, k+1 // "this past week"
	}
	if f.is(k, wFiscal) {
		k++
	}
	u := f.at(k)
	if u.kind != tokWord || u.lex.unit < unitDay || u.lex.unit == unitFortnight || u.lex.flags&lexPlural != 0 {
		return match{}, false
	}
	un := u.lex.unit
	m := meaning{kind: kindUnitOffset, gran: un}
	switch w {
	case wThis:
		if hasThe {
			return match{}, false
		}
		m.byTense = un == unitWeekend
	case wCurrent, wPresent:
	case wLast:
		m.shift = -1
	case wLatest:
		if !hasThe {
			return match{}, false
		}
		m.shift = -1 // "the latest quarter": the last one reported
	case wNext, wComing, wUpcoming:
		m.shift = 1
		m.narrativeIfPast = hasThe && w == wNext // "In 1996 ... The next year, they rose."
	case wPast:
		m = meaning{kind: kindDuration, gran: un, amount: 1}
	default:
		return match{}, false
	}
	if un == unitDay && m.kind == kindUnitOffset {
		return match{}, false // "the next day" is narrative; "this day" is rare
	}
	typ := TypeDate
	if m.kind == kindDuration || (hasThe && un >= unitDecade && m.shift != 0) {
		m = meaning{kind: kindDuration, gran: un, amount: 1}
		typ = TypeDuration
	}
	return match{first: i, end: k + 1, typ: typ, m: m}, true
}

// theUnitAlone matches "the weekend" ("over the weekend") and "the year"
// after a preposition ("earlier in the year", "for the year"), and "the
// day" after "later in" or "earlier in".
func (f *finder) theUnitAlone(i int) (match, bool) {
	o := 0
	if (f.is(i+1, wFiscal) || strings.EqualFold(f.wordText(i+1), "full")) && f.at(i+2).lex.unit == unitYear {
		o = 1 // "for the fiscal year", "for the full year"
	}
	u := f.at(i + 1 + o)
	un := u.lex.unit
	if u.lex.flags&lexPlural != 0 || !f.isAny(i-1, wIn, wDuring, wFor, wOver, wOf, wThrough, wAt, wOn, wSince, wUntil, wBy) {
		return match{}, false
	}
	if un == unitDay && f.is(i-1, wIn) && f.isAny(i-2, wLater, wEarlier) && !f.isAny(i+2+o, wOf, wBefore, wAfter) {
		// "later in the day": the day the narrative tells
		return match{first: i, end: i + 2 + o, typ: TypeDate, m: meaning{kind: kindNarrative, gran: unitDay}}, true
	}
	if un != unitWeekend && (un < unitWeek || un == unitFortnight || un > unitYear) {
		return match{}, false
	}
	if f.isAny(i+2+o, wOf, wBefore, wAfter, wAgo, wEarlier, wLater) || f.punct(i+2+o, '\'') || f.punct(i+2+o, '\u2019') ||
		(f.dash(i+2+o) && f.glued(i+2+o)) || (un == unitYear && f.at(i+2+o).kind == tokNumber) {
		return match{}, false // "in the year 0000": a year not taken is not this year
	}
	if un == unitYear && endedAt(f.wordText(i+2+o)) {
		// "for the year ended March 31": a fiscal year, told by its last
		// day, which is an expression of its own
		m := meaning{kind: kindDuration, gran: unitYear, amount: 1}
		return match{first: i, end: i + 2 + o, typ: TypeDuration, m: m}, true
	}
	if endedAt(f.wordText(i + 2 + o)) {
		return match{}, false // "the quarter ended Sept. 30": ruleUnitEnded's
	}
	m := meaning{kind: kindUnitOffset, gran: un, byTense: un == unitWeekend}
	if un == unitQuarter {
		m.kind = kindNarrative // "a gain in the quarter": the quarter the report just named
	}
	return match{first: i, end: i + 2 + o, typ: TypeDate, m: m}, true
}

// latestPeriod matches "the latest period", "the latest quarter", "the
// most recent quarter" of a financial report: the quarter it just named.
func (f *finder) latestPeriod(i int) (match, bool) {
	j := i + 1
	switch strings.ToLower(f.wordText(j)) {
	case "latest":
	case "most":
		if !strings.EqualFold(f.wordText(j+1), "recent") {
			return match{}, false
		}
		j++
	default:
		return match{}, false
	}
	u := f.at(j + 1)
	if u.kind != tokWord || u.lex.flags&lexPlural != 0 || u.lex.unit != unitQuarter && !strings.EqualFold(f.wordText(j+1), "period") {
		return match{}, false
	}
	return match{first: i, end: j + 2, typ: TypeDate, m: meaning{kind: kindNarrative, gran: unitQuarter}}, true
}

// ruleNarrative matches "the next day", "the following week", "that
// day", "the same day", "that night", "the next morning", "the day
// before".
func ruleNarrative(f *finder, i int) (match, bool) {
	j := i
	shift := 0
	if f.is(i, wThe) {
		if m, ok := f.latestPeriod(i); ok {
			return m, true
		}
	}
	switch {
	case f.is(j, wThat):
		j++
	case f.is(j, wThe) && f.isAny(j+1, wNext, wFollowing):
		shift, j = 1, j+2
	case f.is(j, wThe) && f.is(j+1, wPrevious):
		shift, j = -1, j+2
	case f.is(j, wThe) && f.is(j+1, wSame):
		j += 2
	case f.is(j, wThe) && f.isAny(j+2, wBefore, wAfter) && !f.startsNounPhrase(j+3) && !f.objectAt(j+3):
		// "the day before", "the year after"
		u := f.at(j + 1)
		if u.lex.flags&lexPlural != 0 || u.lex.unit < unitDay || u.lex.unit == unitFortnight || u.lex.unit > unitYear {
			return match{}, false
		}
		shift = -1
		if f.is(j+2, wAfter) {
			shift = 1
		}
		m := meaning{kind: kindNarrative, gran: u.lex.unit, shift: shift}
		return match{first: i, end: j + 3, typ: TypeDate, m: m}, true
	default:
		return match{}, false
	}
	t := f.at(j)
	m := meaning{kind: kindNarrative, gran: t.lex.unit, shift: shift}
	if pod, ok := f.partOfDayAt(j); ok {
		m.gran, m.pod, m.podCode = unitDay, pod, true
		return match{first: i, end: j + 1, typ: TypeTime, m: m}, true
	}
	if t.lex.flags&lexPlural != 0 || m.gran < unitDay || m.gran == unitFortnight {
		return match{}, false
	}
	if m.gran >= unitDecade {
		if shift <= 0 {
			return match{}, false
		}
		m = meaning{kind: kindDuration, gran: m.gran, amount: 1}
		return match{first: i, end: j + 1, typ: TypeDuration, m: m}, true
	}
	return match{first: i, end: j + 1, typ: TypeDate, m: m}, true
}

// ruleYearEarlier matches the comparisons of financial reports: "the
// year-earlier quarter", "the year-ago period", "year-earlier levels":
// the same quarter or month a year before the one the narrative last
// named (else the document's), or the year before the document's for
// other nouns.
func ruleYearEarlier(f *finder, i int) (match, bool) {
	j := i
	if f.is(j, wThe) {
		j++
	}
	if f.at(j).lex.unit != unitYear || f.at(j).lex.flags&lexPlural != 0 || !f.dash(j+1) || !f.glued(j+1) ||
		!f.glued(j+2) || !(f.is(j+2, wEarlier) || f.is(j+2, wAgo)) {
		return match{}, false
	}
	end := j + 3
	// a year back from the document's: "the year-ago results" after "the
	// 1988 period" is still the year before the report's
	m := meaning{kind: kindUnitOffset, gran: unitYear, shift: -1}
	if n, k, ok := f.ordinalAt(end); ok && n >= 1 && n <= 4 && f.at(k).lex.unit == unitQuarter && f.at(k).lex.flags&lexPlural == 0 {
		// "the year-ago third quarter": that quarter of the year before
		m = meaning{kind: kindPoint, gran: unitQuarter, part: int8(n), relYear: true, yearOffset: -1}
		return match{first: i, end: k + 1, typ: TypeDate, m: m}, true
	}
	switch u := f.at(end); {
	case u.lex.flags&lexPlural != 0:
	case u.lex.unit == unitQuarter:
		m = meaning{kind: kindNarrative, gran: unitQuarter, shift: -4, comparison: true}
		end++
	case u.lex.unit == unitMonth:
		m = meaning{kind: kindNarrative, gran: unitMonth, shift: -12, comparison: true}
		end++
	case strings.EqualFold(f.wordText(end), "period"):
		end++
	}
	return match{first: i, end: end, typ: TypeDate, m: m}, true
}
