package timex

import (
	"strings"
	"unicode/utf8"
)

// Rules for dates written with calendar names and numbers: "May 22, 2023",
// "22 March", "Aug. 7", "2023-05-23", "23.05.2023", "May 2010", "in 2015",
// "the 1990s", "the 21st century", "last summer", "the third quarter".

// ruleNumericDate matches a numeric date token, with its time if printed.
func ruleNumericDate(f *finder, i int) (match, bool) {
	t := f.at(i)
	if t.kind != tokNumericDate {
		return match{}, false
	}
	nd := t.nd
	m := meaning{kind: kindPoint, gran: unitDay, year: nd.year, month: nd.month, day: nd.day}
	switch nd.form {
	case formISO, formDotted:
		if nd.year == 0 {
			return match{}, false // 0000-01-01: no year, not this year
		}
		m.absolute = true
	case formSlashed:
		var ok bool
		if m, ok = f.slashedDate(i, nd); !ok {
			return match{}, false
		}
	}
	if m.day > maxDay(m.month, m.year) {
		return match{}, false
	}
	typ, end := TypeDate, i+1
	if nd.hasTime {
		m.clock, m.hour, m.minute, m.second = true, nd.hour, nd.minute, nd.sec
		typ = TypeTime
		end = f.skipZone(end)
	}
	return match{first: i, end: end, typ: typ, m: m}, true
}

// slashedDate reads 3/22/2013 and 22/3/2013: the part over 12 is the
// day. When both parts could be the month (03/04/2013), the meaning is
// ambiguous (month first as printed) until the text's other numeric
// dates or the source's locale settle it; see settleOrder.
func (f *finder) slashedDate(i int, nd numeric) (meaning, bool) {
	m := meaning{kind: kindPoint, gran: unitDay, year: nd.year}
	switch {
	case nd.first > 12:
		m.day, m.month = nd.first, nd.second
	case nd.second > 12:
		m.month, m.day = nd.first, nd.second
	default:
		m.month, m.day = nd.first, nd.second
		m.ambiguous = nd.first != nd.second
	}
	if nd.year == 0 {
		// "3/22" alone needs a date-like word before it: not a fraction or a score.
		p := i - 1
		if !f.isAny(p, wOn, wSince, wUntil, wBy, wFrom, wThrough) && !f.isWeekday(p) &&
			!(f.punct(p, ',') && f.isWeekday(p-1)) {
			return meaning{}, false
		}
	}
	m.absolute = nd.year != 0 && !nd.years2
	return m, true
}

// ruleCalendar matches a month with a day and a year, or some of them:
// "Wednesday, May 24", "May 22, 2023", "22 March 2013", "the 22nd of
// March", "May 2010", "in April", "last May".
func ruleCalendar(f *finder, i int) (match, bool) {
	j, wd := f.leadingWeekday(i)
	shift := shiftTense
	if wd == 0 {
		shift, j = f.shiftWord(i)
		if k, w := f.leadingWeekday(j); w != 0 && shift != shiftTense {
			j, wd, shift = k, w, shiftTense // "this Wednesday, May 24"
		}
	}
	m, end, ok := f.monthFirst(j)
	if !ok {
		m, end, ok = f.dayFirst(j)
	}
	if !ok || (wd != 0 && m.gran != unitDay) || (shift != shiftTense && (m.gran != unitMonth || m.year != 0)) {
		return match{}, false
	}
	if shift == shiftTense && m.gran == unitMonth && m.year == 0 && !m.relYear && !f.monthAlone(j) {
		return match{}, false
	}
	m.weekday = int8(wd)
	m.shift = shift
	return match{first: i, end: end, typ: TypeDate, m: m}, true
}

// shiftWord reads "last", "next", "this" or "coming" at i.
func (f *finder) shiftWord(i int) (shift, next int) {
	switch f.at(i).lex.word {
	case wLast, wPast:
		return shiftLast, i + 1
	case wNext, wComing:
		return shiftNext, i + 1
	case wThis:
		if f.is(i+1, wPast) {
			return shiftLast, i + 2 // "this past weekend"
		}
		if f.is(i+1, wComing) {
			return shiftNext, i + 2 // "this coming Sunday"
		}
		return shiftThis, i + 1
	}
	return shiftTense, i
}

// leadingWeekday reads "Wednesday," before a month and day.
func (f *finder) leadingWeekday(i int) (next, weekday int) {
	t := f.at(i)
	if t.kind != tokWord || t.lex.weekday == 0 || t.lex.flags&lexPlural != 0 || t.flags&flagCapital == 0 {
		return i, 0
	}
	j := f.skipDot(i + 1)
	if f.punct(j, ',') {
		j++
	}
	if f.is(j, wThe) {
		j++
	}
	return j, int(t.lex.weekday)
}

// isMonth reports whether token j is a capitalised month name.
func (f *finder) isMonth(j int) bool {
	t := f.at(j)
	return t.kind == tokWord && t.lex.month > 0 && t.flags&flagCapital != 0
}

// isWeekday reports whether token j is a weekday name.
func (f *finder) isWeekday(j int) bool {
	t := f.at(j)
	return t.kind == tokWord && t.lex.weekday > 0 && t.lex.flags&lexPlural == 0
}

// monthFirst reads "May 22, 2023", "May 22", "May 2010" or "May".
func (f *finder) monthFirst(j int) (meaning, int, bool) {
	if !f.isMonth(j) {
		return meaning{}, 0, false
	}
	t := f.at(j)
	mon := int(t.lex.month)
	k := j + 1
	if t.lex.flags&lexAbbrev != 0 {
		k = f.skipDot(k)
	}
	if d, end, ok := f.monthDayAt(k); ok && d <= maxDay(mon, 0) {
		m := meaning{kind: kindPoint, gran: unitDay, month: mon, day: d}
		if y, e, ok := f.yearAfter(end); ok {
			m.year, m.absolute, end = y, true, e
		} else if f.refusedYearAfter(end) {
			return meaning{}, 0, false
		} else if e, ok := f.relativeYear(end, &m); ok {
			end = e // "May 22 last year"
		}
		return m, end, true
	}
	if y, e, ok := f.yearAfter(k); ok {
		return meaning{kind: kindPoint, gran: unitMonth, month: mon, year: y}, e, true
	}
	if f.refusedYearAfter(k) {
		return meaning{}, 0, false // "March 44 BC"
	}
	if t.lex.flags&lexAbbrev != 0 {
		return meaning{}, 0, false
	}
	m := meaning{kind: kindPoint, gran: unitMonth, month: mon}
	if e, ok := f.relativeYear(k, &m); ok {
		return m, e, true // "June last year", "January this year"
	}
	if f.is(k, wOf) {
		if e, ok := f.ofYear(k, &m); ok {
			return m, e, true // "March of last year"
		}
	}
	return m, k, true
}

// monthDayAt reads the day after a month: "22", "eighth" ("March
// eighth"). It returns the day and where it ends.
func (f *finder) monthDayAt(k int) (day, end int, ok bool) {
	if d, ok := f.dayAt(k); ok {
		return d, k + 1, true
	}
	return f.ordinalDayAt(k)
}

// dayFirst reads "22 March 2013", "the 22nd of March", "22 May".
func (f *finder) dayFirst(j int) (meaning, int, bool) {
	if f.is(j, wThe) {
		j++
	}
	d, k, ok := f.ordinalAt(j)
	if !ok {
		if d, ok = f.dayAt(j); ok {
			k = j + 1
		}
	}
	if !ok || d < 1 || d > 31 {
		return meaning{}, 0, false
	}
	if f.is(k, wOf) {
		k++
	}
	if !f.isMonth(k) {
		return meaning{}, 0, false
	}
	mon := int(f.at(k).lex.month)
	if d > maxDay(mon, 0) {
		return meaning{}, 0, false
	}
	end := k + 1
	if f.at(k).lex.flags&lexAbbrev != 0 {
		end = f.skipDot(end)
	}
	m := meaning{kind: kindPoint, gran: unitDay, month: mon, day: d}
	if y, e, ok := f.yearAfter(end); ok {
		m.year, m.absolute, end = y, true, e
	} else if f.refusedYearAfter(end) {
		return meaning{}, 0, false
	} else if e, ok := f.relativeYear(end, &m); ok {
		end = e // "22 March last year"
	}
	return m, end, true
}

// relativeYear reads "last year", "this year" or "next year" right
// after a month or a day ("June last year", "22 March this year") into
// m: TimeML gives the month or day of that year, one expression. It
// returns the index after it.
func (f *finder) relativeYear(k int, m *meaning) (int, bool) {
	if !f.is(k+1, wYear) || f.at(k+1).lex.flags&lexPlural != 0 {
		return 0, false
	}
	switch f.at(k).lex.word {
	case wThis, wCurrent:
		m.yearOffset = 0
	case wLast, wPast, wPrevious:
		m.yearOffset = -1
	case wNext, wComing:
		m.yearOffset = 1
	default:
		return 0, false
	}
	m.relYear = true
	return k + 2, true
}

// yearAfter reads ", 2023" or " 2023" at k.
func (f *finder) yearAfter(k int) (year, end int, ok bool) {
	if f.punct(k, ',') {
		k++
	}
	t := f.at(k)
	if t.kind == tokNumber && t.digits == 4 && t.flags&(flagOrdinal|flagDecade) == 0 &&
		t.num >= 1000 && t.num <= 2999 && f.numberAlone(k) {
		return t.num, k + 1, true
	}
	return f.wordYearAt(k) // "January nineteen ninety-seven"
}

// refusedYearAfter reports whether a year that yearAfter does not take
// follows a month at k: a number of four digits or more outside 1000 to
// 2999 ("December 31, 9999", "May 3, 12000") or zero, unless a word of what it
// counts follows it ("May 3, 5000 marchers"), or a number with an era
// ("March 15, 44 BCE", "15 March 44 BC", "March 44 B.C."). Such a date
// is no date: resolved without its year, it would move to the
// document's year.
func (f *finder) refusedYearAfter(k int) bool {
	if f.punct(k, ',') {
		k++
	}
	t := f.at(k)
	if t.kind != tokNumber || t.flags&(flagOrdinal|flagDecade) != 0 {
		return false
	}
	if eraAt(f.text[t.end:]) {
		return true
	}
	if (t.digits < 4 && t.num != 0) || !f.numberAlone(k) {
		return false
	}
	n := f.at(k + 1)
	counted := n.kind == tokWord && n.flags&flagCapital == 0 && n.lex == (lexeme{})
	return !counted
}

// eraAt reports whether s begins, after spaces, with an era marker:
// BC, BCE, B.C., B.C.E., AD, A.D., CE or C.E.
func eraAt(s string) bool {
	s = strings.TrimLeft(s, " \u00a0")
	var letters []byte
	i := 0
	for ; i < len(s) && len(letters) <= 3; i++ {
		c := s[i]
		if c == '.' && len(letters) > 0 && s[i-1] != '.' {
			continue
		}
		if c < 'A' || c > 'Z' {
			break
		}
		letters = append(letters, c)
	}
	switch string(letters) {
	case "BC", "BCE", "AD", "CE":
		return i == len(s) || !isAlnum(s[i])
	}
	return false
}

// dayAt reads a day number, 1 to 31, written 22 or 22nd.
func (f *finder) dayAt(k int) (int, bool) {
	t := f.at(k)
	if t.kind != tokNumber || t.digits > 2 || t.flags&flagDecade != 0 || t.num < 1 || t.num > 31 {
		return 0, false
	}
	if !f.numberAlone(k) || f.at(k+1).lex.unit != unitNone {
		return 0, false
	}
	return t.num, true
}

// numberAlone reports whether number token k stands alone: not part of a
// larger number, an amount of money, a code or a path.
func (f *finder) numberAlone(k int) bool {
	t := f.at(k)
	s, e := t.start, t.end
	if s > 0 {
		b := f.text[s-1]
		switch {
		case isAlnum(b), b == '$', b == '#', b == '@', b == '/', b == '_', b == '\\', b == '=':
			return false
		case (b == '.' || b == ',' || b == ':') && s > 1 && isDigit(f.text[s-2]):
			return false
		}
		switch r, _ := utf8.DecodeLastRuneInString(f.text[:s]); r {
		case '\u00a3', '\u20ac', '\u00a5', '\u20bd', '\u2116':
			return false
		}
	}
	if e < len(f.text) {
		b := f.text[e]
		switch {
		case isAlnum(b), b == '%', b == '/', b == '_', b == '\\':
			return false
		case (b == '.' || b == ',' || b == ':') && e+1 < len(f.text) && isDigit(f.text[e+1]):
			return false
		}
	}
	return true
}

// monthAlone reports whether month name j, with no day or year, is used
// as a month: it needs a date-like word beside it unless it is a month
// name that is no common word or name.
func (f *finder) monthAlone(j int) bool {
	p := j - 1
	if f.dash(p) && f.glued(j) {
		p--
	}
	if f.isAny(p, wIn, wSince, wUntil, wBy, wEarly, wLate, wLast, wNext, wThis, wMid, wOf, wDuring,
		wThrough, wFrom, wTo, wBefore, wAfter, wBetween, wAround, wEvery, wEach, wPast, wComing,
		wFollowing, wPrevious, wThat, wEnd, wBeginning) {
		return true
	}
	if f.isAny(p, wAnd, wOr) && f.at(p-1).lex.month > 0 {
		return true
	}
	if (f.isAny(j+1, wAnd, wOr, wTo, wThrough) || f.dash(j+1)) && f.isMonth(j+2) {
		return true
	}
	switch f.at(j).lex.month {
	case 3, 4, 5, 6, 8:
		return f.monthNotName(j)
	}
	return true
}

// monthNotName reports whether March, April, May, June or August at j,
// with no date word beside it, is a month rather than a name ("Theresa
// May", "April Ryan"), a title-case headline ("Fed May Raise Rates"), a
// modal ("May I ask") or a verb ("March on Washington").
func (f *finder) monthNotName(j int) bool {
	p, n := f.at(j-1), f.at(j+1)
	switch {
	case p.kind == tokWord && p.flags&flagCapital != 0 && !f.is(j-1, wThe):
		return false // "Theresa May"; but "The March accession" opens a sentence
	case f.punct(j-1, '.') && f.glued(j-1) && f.at(j-2).lex.flags&lexTitle != 0:
		return false // "Ms. May"
	case n.kind == tokWord && n.flags&flagCapital != 0:
		return false
	}
	switch strings.ToLower(f.wordText(j + 1)) {
	case "be", "have", "not", "also", "never", "well", "on", "against":
		return false // "May be", "March on"
	case "the", "they", "we", "you", "he", "she", "it", "god", "all", "his", "her", "their", "our", "your":
		return f.at(j).lex.month != 5 // a wish: "May the relief reach them", "May God bless"
	}
	return true
}

// ordinalAt reads an ordinal: "22nd", "third", "twenty-first".
func (f *finder) ordinalAt(j int) (n, next int, ok bool) {
	t := f.at(j)
	switch {
	case t.kind == tokNumber && t.flags&flagOrdinal != 0:
		return t.num, j + 1, true
	case t.kind == tokWord && t.lex.ordinal > 0:
		return int(t.lex.ordinal), j + 1, true
	case t.kind == tokWord && t.lex.number >= 20 && t.lex.number <= 90 && t.lex.number%10 == 0 && t.lex.flags&lexDecade == 0:
		k := j + 1
		if f.dash(k) {
			k++
		}
		if u := f.at(k); u.kind == tokWord && u.lex.ordinal > 0 && u.lex.ordinal < 10 {
			return int(t.lex.number) + int(u.lex.ordinal), k + 1, true
		}
	}
	return 0, j, false
}

// skipZone returns the index after a time zone at j, if any: "GMT",
// "UTC+3", "ET", "local time", "Eastern time", "Moscow time", "British
// Summer Time".
func (f *finder) skipZone(j int) int {
	t := f.at(j)
	switch {
	case t.kind == tokWord && t.lex.flags&lexTimeZone != 0 && t.flags&flagUpper != 0:
		if (f.punct(j+1, '+') || f.dash(j+1)) && f.glued(j+1) && f.glued(j+2) && f.at(j+2).kind == tokNumber &&
			f.at(j+2).digits <= 2 {
			return j + 3 // "GMT+3"
		}
		return j + 1
	case f.wordText(j) == "local" && f.is(j+1, wTime):
		return j + 2
	case t.kind == tokWord && t.flags&flagCapital != 0 && t.lex == (lexeme{}):
		k := j + 1
		switch strings.ToLower(f.wordText(k)) {
		case "standard", "daylight", "summer", "mean":
			k++
		}
		if f.is(k, wTime) {
			return k + 1
		}
	}
	return j
}

// maxDay is the last day of month m in year y (0: any year).
func maxDay(m, y int) int {
	switch m {
	case 2:
		if y == 0 || (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	case 1, 3, 5, 7, 8, 10, 12:
		return 31
	}
	return 0
}

// ruleSecondDay matches the second day of "April 24 and 25", "May 3 to
// 5", "June 7-8": a day of the month the expression just before names.
func ruleSecondDay(f *finder, i int) (match, bool) {
	t := f.at(i)
	if t.kind != tokNumber || t.digits > 2 || t.num < 1 || t.num > 31 || len(f.spans) == 0 || !f.numberAlone(i) {
		return match{}, false
	}
	prev := f.spans[len(f.spans)-1]
	joined := f.isAny(i-1, wAnd, wOr, wTo, wThrough) || f.dash(i-1) && f.glued(i-1) && f.glued(i)
	if prev.end != i-1 || !joined || prev.m.kind != kindPoint || prev.m.month == 0 || prev.m.day == 0 ||
		prev.m.day >= t.num || t.num > maxDay(prev.m.month, max(prev.m.year, 2000)) {
		return match{}, false
	}
	if n := f.at(i + 1); n.kind == tokWord && (n.lex.unit != unitNone || n.lex.month != 0 || n.flags&flagCapital == 0 && n.lex == (lexeme{})) {
		return match{}, false // "May 3 to 5 percent", "June 7 and 8 July", "April 24 and 25 others"
	}
	m := prev.m
	m.day = t.num
	return match{first: i, end: i + 1, typ: prev.typ, m: m}, true
}
