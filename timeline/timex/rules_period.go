package timex

import "strings"

// Rules for years and the periods around them: "in 2015", "2009-2010",
// "fiscal 2013", "the 1990s", "the '90s", "the 21st century", "last
// summer", "the summer of 2012", "the third quarter", "Q1 2013".

// ruleYear matches a year or a decade written in digits.
func ruleYear(f *finder, i int) (match, bool) {
	t := f.at(i)
	if y, e, ok := f.wordYearAt(i); ok {
		return match{first: i, end: e, typ: TypeDate, m: meaning{kind: kindPoint, gran: unitYear, year: y}}, true
	}
	switch {
	case t.kind == tokPunct:
		return f.apostropheYear(i)
	case f.is(i, wThe):
		if m, ok := f.decadeAt(i+1, true); ok {
			return match{first: i, end: i + 2, typ: TypeDate, m: m}, true
		}
		if m, ok := f.apostropheYear(i + 1); ok && m.m.gran == unitDecade {
			return match{first: i, end: m.end, typ: TypeDate, m: m.m}, true // "the '80s"
		}
		if f.is(i+1, wYear) {
			if y, e, ok := f.yearAfter(i + 2); ok && !f.punct(i+2, ',') {
				return match{first: i, end: e, typ: TypeDate, m: meaning{kind: kindPoint, gran: unitYear, year: y}}, true
			}
		}
	case f.is(i, wFiscal):
		j := i + 1
		if f.is(j, wYear) {
			j++
		}
		if y, e, ok := f.yearAfter(j); ok && !f.punct(j, ',') {
			return match{first: i, end: e, typ: TypeDate, m: meaning{kind: kindPoint, gran: unitYear, year: y}}, true
		}
	case t.kind == tokWord && t.lex.flags&lexDecade != 0:
		if m, ok := f.decadeAt(i, f.edgeBefore(i)); ok {
			return match{first: i, end: i + 1, typ: TypeDate, m: m}, true // "late nineties"
		}
	case t.kind == tokNumber && t.digits == 2 && f.rangeEnd(i):
		prev := f.at(i - 2).num
		y := prev/100*100 + t.num
		if y <= prev {
			y += 100
		}
		return match{first: i, end: i + 1, typ: TypeDate, m: meaning{kind: kindPoint, gran: unitYear, year: y}}, true
	case t.kind == tokNumber:
		if m, ok := f.decadeAt(i, f.edgeBefore(i)); ok {
			return match{first: i, end: i + 1, typ: TypeDate, m: m}, true
		}
		if f.isYear(i) {
			return match{first: i, end: i + 1, typ: TypeDate, m: meaning{kind: kindPoint, gran: unitYear, year: t.num}}, true
		}
	}
	return match{}, false
}

// rangeEnd reports whether number i ends a range of years: the "58" of
// "1957-58".
func (f *finder) rangeEnd(i int) bool {
	p := f.at(i - 2)
	return f.dash(i-1) && f.glued(i-1) && f.glued(i) && p.kind == tokNumber && p.digits == 4 &&
		p.flags&(flagOrdinal|flagDecade) == 0 && f.isYear(i-2) && f.numberAlone(i) && f.at(i).flags&(flagOrdinal|flagDecade) == 0
}

// decadeAt reads "1990s" at j, and where short is true (after "the" or
// "mid-") "90s" and "nineties" too: alone, "in their 90s" is an age.
func (f *finder) decadeAt(j int, short bool) (meaning, bool) {
	t := f.at(j)
	switch {
	case short && t.kind == tokWord && t.lex.flags&lexDecade != 0:
		return meaning{kind: kindPoint, gran: unitDecade, year: 1900 + int(t.lex.number)}, true
	case t.kind != tokNumber || t.flags&flagDecade == 0 || t.num%10 != 0 || !f.numberAlone(j):
	case t.digits == 4 && t.num >= 1000 && t.num <= 2990:
		return meaning{kind: kindPoint, gran: unitDecade, year: t.num}, true
	case short && t.digits == 2:
		return meaning{kind: kindPoint, gran: unitDecade, year: twoDigitYear(t.num)}, true
	}
	return meaning{}, false
}

// twoDigitYear is the year of "'58" or "'90s": the 2000s below 30.
func twoDigitYear(n int) int {
	if n < 30 {
		return 2000 + n
	}
	return 1900 + n
}

// edgeBefore reports whether token j follows an edge word: "mid-90s",
// "early 90s".
func (f *finder) edgeBefore(j int) bool {
	p := j - 1
	if f.dash(p) && f.glued(p) && f.glued(j) {
		p--
	}
	return f.isAny(p, wEarly, wLate, wMid)
}

// apostropheYear reads "'90s" (a decade) or "'58" after a date-like word.
func (f *finder) apostropheYear(i int) (match, bool) {
	if !f.punct(i, '\'') && !f.punct(i, '\u2019') {
		return match{}, false
	}
	t := f.at(i + 1)
	if t.kind != tokNumber || t.digits != 2 || !f.glued(i+1) || !f.numberAlone(i+1) || f.glued(i) {
		return match{}, false
	}
	y := twoDigitYear(t.num)
	if t.flags&flagDecade != 0 {
		if t.num%10 != 0 {
			return match{}, false
		}
		return match{first: i, end: i + 2, typ: TypeDate, m: meaning{kind: kindPoint, gran: unitDecade, year: y}}, true
	}
	if t.flags&flagOrdinal != 0 || !(f.isAny(i-1, wIn, wOf, wSince, wFrom, wUntil, wBy) || f.isMonth(i-1)) {
		return match{}, false
	}
	return match{first: i, end: i + 2, typ: TypeDate, m: meaning{kind: kindPoint, gran: unitYear, year: y}}, true
}

// isYear reports whether number token i is used as a year: "in 2015",
// "2010 was", not "2000 people" or "SS 366".
func (f *finder) isYear(i int) bool {
	t := f.at(i)
	if t.kind != tokNumber || t.digits != 4 || t.flags&(flagOrdinal|flagDecade) != 0 ||
		t.num < 1000 || t.num > 2099 || !f.numberAlone(i) {
		return false
	}
	if f.clockHeads && f.lineLabelAt(i) {
		return false // "1917: The BBC's David Willis says": a live blog's clock
	}
	if labelNouns[strings.ToLower(f.wordText(i-1))] || f.punct(i-1, '.') && strings.EqualFold(f.wordText(i-2), "no") {
		return false // "Resolution 1973", "Resolution No. 1973", "Flight 1549": a number that names ("that 1978 resolution" is of 1978)
	}
	if t.num < 1100 && !f.isAny(i-1, wIn, wSince, wYear) {
		return false // "killed between 1000 and 2000": an amount; the year 1000 is told "in 1000"
	}
	if f.isAny(i-1, wAnd, wOr) && f.at(i-2).kind == tokNumber && f.at(i-2).digits == 4 && !f.isYear(i-2) {
		return false // "between 1000 and 2000": the second of two amounts
	}
	if f.yearTrigger(i - 1) {
		return true
	}
	if t.num < 1900 {
		return false
	}
	next := f.at(i + 1)
	if next.kind == tokWord && next.flags&flagCapital == 0 && next.lex == (lexeme{}) && !f.verbLike(i+1) {
		return false // "2000 people"
	}
	if next.kind == tokWord && next.lex.unit != unitNone {
		return false // "2000 years" is an amount
	}
	return f.at(i-1).kind != tokNumber
}

// labelNouns name a thing by the number after them, which is no year.
var labelNouns = map[string]bool{"resolution": true, "resolutions": true, "flight": true, "flights": true,
	"no": true, "number": true, "route": true, "highway": true, "room": true, "article": true, "section": true,
	"chapter": true, "bill": true, "platform": true, "gate": true, "apartment": true, "unit": true, "model": true}

// yearTrigger reports whether token p makes a following number a year.
func (f *finder) yearTrigger(p int) bool {
	t := f.at(p)
	switch t.kind {
	case tokWord:
		switch t.lex.word {
		case wIn, wSince, wUntil, wBy, wFrom, wOf, wDuring, wBefore, wAfter, wThrough, wBetween,
			wEarly, wLate, wMid, wThe, wAround, wFiscal, wYear, wA, wAn, wPossessive, wThis, wThat:
			return true
		case wTo:
			// "from 1990 to 1995", not "rose to 1530"
			y := f.at(p - 1)
			return y.kind == tokNumber && y.digits == 4 && y.flags&(flagOrdinal|flagDecade) == 0 && f.numberAlone(p-1)
		case wAnd, wOr:
			return f.isYear(p - 1) // "2009 and 2010"
		}
		if f.wordText(p) == "s" && f.glued(p) && (f.punct(p-1, '\'') || f.punct(p-1, '\u2019')) {
			return true // "Russia's 2015 offensive"
		}
		return (t.lex.month > 0 && t.flags&flagCapital != 0) || t.lex.season > 0
	case tokPunct:
		// the second year of a range: "2009-2010"
		return f.dash(p) && f.glued(p) && f.glued(p+1) && f.at(p-1).kind == tokNumber && f.at(p-1).digits == 4
	}
	return false
}

// ruleCentury matches "the 21st century", "20th-century".
func ruleCentury(f *finder, i int) (match, bool) {
	j := i
	if f.is(j, wThe) {
		j++
	}
	n, k, ok := f.ordinalAt(j)
	if !ok || n < 1 || n > 30 {
		return match{}, false
	}
	if f.dash(k) && f.glued(k) {
		k++
	}
	if u := f.at(k); u.lex.unit != unitCentury || u.lex.flags&lexPlural != 0 {
		return match{}, false
	}
	m := meaning{kind: kindPoint, gran: unitCentury, year: (n - 1) * 100}
	return match{first: i, end: k + 1, typ: TypeDate, m: m}, true
}

// ruleSeason matches "last summer", "the summer of 2012", "spring 2013",
// "in the fall".
func ruleSeason(f *finder, i int) (match, bool) {
	shift, j := f.shiftWord(i)
	hasThe := false
	if shift == shiftTense && f.is(j, wThe) {
		hasThe = true
		j++
	}
	t := f.at(j)
	if t.kind != tokWord || t.lex.season == 0 || t.lex.flags&lexPlural != 0 {
		return match{}, false
	}
	m := meaning{kind: kindPoint, gran: unitSeason, season: t.lex.season, shift: shift}
	if e, ok := f.ofYear(j+1, &m); ok {
		return match{first: i, end: e, typ: TypeDate, m: m}, true
	}
	if shift == shiftTense {
		p := i - 1
		if !f.isAny(p, wIn, wDuring, wSince, wUntil, wBy, wThrough, wOver, wBefore, wAfter, wFrom, wFor, wAround, wEarly, wLate, wMid) {
			return match{}, false
		}
		if f.is(j+1, wOf) || (t.lex.season == 3 && !hasThe) {
			return match{}, false
		}
	}
	return match{first: i, end: j + 1, typ: TypeDate, m: m}, true
}

// ruleQuarter matches "the third quarter", "the first half of 2013",
// "third-quarter", "Q1 2013".
func ruleQuarter(f *finder, i int) (match, bool) {
	j := i
	if f.is(j, wThe) {
		j++
	}
	if f.is(j, wFiscal) {
		j++ // "the fiscal first quarter"
	}
	year := 0
	if t := f.at(j); t.kind == tokNumber && t.digits == 4 && f.isYear(j) && (j > i || f.yearTrigger(j-1)) {
		year, j = t.num, j+1 // "the 1997 fourth quarter", "fiscal 1997's first half"
		if f.possessive(j) {
			j += 2
		}
	}
	n, k, ok := f.ordinalAt(j)
	if ok && f.dash(k) && f.glued(k) {
		k++
	}
	m := meaning{kind: kindPoint, part: int8(n)}
	switch u := f.at(k); {
	case ok && n >= 1 && n <= 4 && u.lex.unit == unitQuarter && u.lex.flags&lexPlural == 0:
		m.gran = unitQuarter
	case ok && n >= 1 && n <= 2 && f.is(k, wHalf):
		m.gran = unitHalf
	case f.is(i, wQ) && f.wordText(i) == "Q" && f.at(i+1).kind == tokNumber && f.glued(i+1) && f.at(i+1).num >= 1 && f.at(i+1).num <= 4:
		m.gran, m.part, k = unitQuarter, int8(f.at(i+1).num), i+1
	default:
		return match{}, false
	}
	end := k + 1
	if year != 0 {
		m.year = year
	} else if e, ok := f.ofYear(end, &m); ok {
		end = e
	} else if f.is(end, wOf) && m.gran == unitHalf {
		return match{}, false // "the first half of the match"
	}
	return match{first: i, end: end, typ: TypeDate, m: m}, true
}

// ofYear reads the year of a period at k into m: "2012", "of 2012", "of
// fiscal 2012", "of this year", "of last year". It returns the index
// after it.
func (f *finder) ofYear(k int, m *meaning) (int, bool) {
	of := f.is(k, wOf)
	if of {
		k++
	}
	if f.is(k, wFiscal) {
		k++
	}
	if y, e, ok := f.yearAfter(k); ok && !f.punct(k, ',') {
		m.year = y
		return e, true
	}
	if !of || !f.is(k+1, wYear) {
		return 0, false
	}
	if f.is(k, wThe) {
		return k + 2, true // "of the year": the tense says which
	}
	return f.relativeYear(k, m)
}

// endedAt reports whether w names the last day of a period: "the
// quarter ended Sept. 30", "the year ending June 30".
func endedAt(w string) bool {
	switch strings.ToLower(w) {
	case "ended", "ending", "ends":
		return true
	}
	return false
}

// ruleUnitEnded matches a reporting period named by its last day: "the
// quarter" of "the quarter ended Sept. 30", "the week" of "the week
// ending Oct. 20": the week, month or quarter that holds that day.
func ruleUnitEnded(f *finder, i int) (match, bool) {
	j := i
	if f.is(j, wThe) {
		j++
	}
	u := f.at(j)
	un := u.lex.unit
	if u.kind != tokWord || u.lex.flags&lexPlural != 0 || (un != unitWeek && un != unitMonth && un != unitQuarter) {
		return match{}, false
	}
	k := j + 1
	if f.is(k, wThat) {
		k++
	}
	if !endedAt(f.wordText(k)) {
		return match{}, false
	}
	k++
	if f.is(k, wOn) {
		k++
	}
	in, ok := f.innerMatch(k)
	if !ok || in.m.kind != kindPoint || in.m.gran != unitDay || in.m.ambiguous {
		return match{}, false
	}
	m := in.m
	m.within = un
	// the day is an expression of its own: what the sentence says of it
	// is dated by it
	return match{first: i, end: j + 1, typ: TypeDate, m: m}, true
}
