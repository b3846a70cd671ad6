package timex

// Rules for years and the periods around them: "in 2015", "2009-2010",
// "fiscal 2013", "the 1990s", "the '90s", "the 21st century", "last
// summer", "the summer of 2012", "the third quarter", "Q1 2013".

// ruleYear matches a year or a decade written in digits.
func ruleYear(f *finder, i int) (match, bool) {
	t := f.at(i)
	switch {
	case t.kind == tokPunct:
		return f.apostropheYear(i)
	case f.is(i, wThe):
		if m, ok := f.decadeAt(i + 1); ok {
			return match{first: i, end: i + 2, typ: TypeDate, m: m}, true
		}
	case f.is(i, wFiscal):
		j := i + 1
		if f.is(j, wYear) {
			j++
		}
		if y, e, ok := f.yearAfter(j); ok && !f.punct(j, ',') {
			return match{first: i, end: e, typ: TypeDate, m: meaning{kind: kindPoint, gran: unitYear, year: y}}, true
		}
	case t.kind == tokNumber && t.digits == 2 && f.rangeEnd(i):
		prev := f.at(i - 2).num
		y := prev/100*100 + t.num
		if y <= prev {
			y += 100
		}
		return match{first: i, end: i + 1, typ: TypeDate, m: meaning{kind: kindPoint, gran: unitYear, year: y}}, true
	case t.kind == tokNumber:
		if m, ok := f.decadeAt(i); ok {
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

// decadeAt reads "1990s" at j.
func (f *finder) decadeAt(j int) (meaning, bool) {
	t := f.at(j)
	if t.kind != tokNumber || t.flags&flagDecade == 0 || t.digits != 4 || t.num%10 != 0 ||
		t.num < 1000 || t.num > 2990 || !f.numberAlone(j) {
		return meaning{}, false
	}
	return meaning{kind: kindPoint, gran: unitDecade, year: t.num}, true
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
	y := 1900 + t.num
	if t.num < 30 {
		y = 2000 + t.num
	}
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

// yearTrigger reports whether token p makes a following number a year.
func (f *finder) yearTrigger(p int) bool {
	t := f.at(p)
	switch t.kind {
	case tokWord:
		switch t.lex.word {
		case wIn, wSince, wUntil, wBy, wFrom, wOf, wDuring, wBefore, wAfter, wThrough, wBetween,
			wTo, wEarly, wLate, wMid, wThe, wAround, wFiscal, wYear, wA, wAn, wPossessive, wThis, wThat:
			return true
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
	k := j + 1
	if f.is(k, wOf) {
		k++
	}
	if y, e, ok := f.yearAfter(k); ok && !f.punct(k, ',') {
		m.year = y
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
	y := end
	if f.is(y, wOf) {
		y++
	}
	if f.is(y, wFiscal) {
		y++
	}
	if year, e, ok := f.yearAfter(y); ok && !f.punct(y, ',') {
		m.year, end = year, e
	}
	return match{first: i, end: end, typ: TypeDate, m: m}, true
}
