package timex

// Rules for clock times: "10:30 a.m. ET", "8 PM", "15:00 GMT Saturday",
// "noon", "midnight Tuesday".

// ruleClock matches a clock time, with a zone and a date after it if any.
func ruleClock(f *finder, i int) (match, bool) {
	t := f.at(i)
	m := meaning{kind: kindClock, clock: true}
	end := i + 1
	explicit := false
	switch {
	case t.kind == tokClock:
		m.hour, m.minute, m.second = t.nd.hour, t.nd.minute, t.nd.sec
		if pm, e, ok := f.meridiem(end); ok && m.hour <= 12 {
			m.hour, end, explicit = to24(m.hour, pm), e, true
		} else if f.headsLine(i) && f.punct(i+1, ':') && f.glued(i+1) {
			explicit, m.label = true, true // "09:27: The BBC's David Willis says": a live blog's clock
		} else if t.nd.hasSec && !f.is(i-1, wAt) {
			m.kind = kindDuration // 3:07:35 is more often a race time
			return match{first: i, end: end, typ: TypeDuration, m: m}, true
		}
	case t.kind == tokNumber && t.digits <= 2 && t.flags&(flagOrdinal|flagDecade) == 0 && t.num >= 1 && t.num <= 12:
		pm, e, ok := f.meridiem(end)
		switch {
		case ok:
			m.hour, end, explicit = to24(int8(t.num), pm), e, true
		case f.oClock(end):
			m.hour, end, explicit = int8(t.num), end+3, true
		default:
			pm, e, ok := f.hourOfPartOfDay(i, end)
			if !ok {
				return match{}, false
			}
			m.hour, end, explicit = to24(int8(t.num), pm), e, true // "at 4 in the morning"
		}
	case t.kind == tokNumber && t.digits == 4 && t.num/100 <= 23 && t.num%100 <= 59 &&
		(f.skipZone(end) > end && f.numberAlone(i) || f.clockHeads && f.lineLabelAt(i)):
		m.hour, m.minute, explicit = int8(t.num/100), int8(t.num%100), true // "0800 GMT", a live blog's "1917:"
		m.label = f.clockHeads && f.lineLabelAt(i)
	case t.kind == tokWord && t.lex.number >= 1 && t.lex.number <= 12 && t.lex.word == wNone:
		h, e, ok := f.spelledHour(i, end)
		if !ok {
			return match{}, false
		}
		m.hour, end, explicit = h, e, true
	case f.is(i, wNoon):
		m.hour, explicit = 12, true
	case f.is(i, wMidnight):
		m.hour, explicit = 0, true
	default:
		return match{}, false
	}
	if z := f.skipZone(end); z > end {
		end, explicit = z, true
	}
	if d, ok := f.dateAfterClock(end); ok {
		d.m.clock, d.m.hour, d.m.minute, d.m.second = true, m.hour, m.minute, m.second
		d.m.pod, d.m.podCode = podNone, false
		return match{first: i, end: d.end, typ: TypeTime, m: d.m}, true
	}
	if !explicit && !f.isAny(i-1, wAt, wBy, wFrom, wUntil, wSince, wAround, wAbout, wBefore, wAfter, wTo) {
		return match{}, false
	}
	return match{first: i, end: end, typ: TypeTime, m: m}, true
}

// spelledHour reads the hour of a number spelled out at i, whose next
// token is j: "six o'clock", "at four in the afternoon".
func (f *finder) spelledHour(i, j int) (hour int8, next int, ok bool) {
	h := int8(f.at(i).lex.number)
	if f.oClock(j) {
		return h, j + 3, true
	}
	pm, next, ok := f.hourOfPartOfDay(i, j)
	return to24(h, pm), next, ok
}

// hourOfPartOfDay reads the part of the day that places the hour at
// token i, after a word that introduces a time ("at 4 in the morning",
// "by ten at night", "around three in the afternoon"), from token j:
// whether the hour is after noon, the index after it, and true. An hour
// of the night before five is after midnight ("2 at night").
func (f *finder) hourOfPartOfDay(i, j int) (pm bool, next int, ok bool) {
	if !f.isAny(i-1, wAt, wBy, wUntil, wAround, wAbout, wBefore, wAfter, wFrom, wTo, wSince) {
		return false, j, false
	}
	switch {
	case f.is(j, wIn) && f.is(j+1, wThe):
		j += 2
	case f.is(j, wAt) && f.is(j+1, wNight):
		j++
	default:
		return false, j, false
	}
	t := f.at(j)
	if t.kind != tokWord || t.lex.flags&lexPlural != 0 {
		return false, j, false
	}
	hour := f.at(i).num
	if f.at(i).kind == tokWord {
		hour = int(f.at(i).lex.number)
	}
	switch t.lex.pod {
	case podMorning:
		return false, j + 1, true
	case podAfternoon, podEvening:
		return true, j + 1, true
	case podNight:
		return hour >= 5, j + 1, true
	}
	return false, j, false
}

// oClock reports whether tokens j to j+2 are "o'clock".
func (f *finder) oClock(j int) bool {
	return f.wordText(j) == "o" && (f.punct(j+1, '\'') || f.punct(j+1, '\u2019')) && f.wordText(j+2) == "clock"
}

// to24 turns a 12-hour clock hour into a 24-hour one.
func to24(h int8, pm bool) int8 {
	switch {
	case pm && h < 12:
		return h + 12
	case !pm && h == 12:
		return 0
	}
	return h
}

// meridiem reads "a.m.", "p.m.", "am", "PM" at j.
func (f *finder) meridiem(j int) (pm bool, next int, ok bool) {
	t := f.at(j)
	if t.kind != tokWord {
		return false, j, false
	}
	if t.lex.word == wAM || t.lex.word == wPM {
		return t.lex.word == wPM, j + 1, true
	}
	s := f.wordText(j)
	if len(s) != 1 || (s[0]|0x20 != 'a' && s[0]|0x20 != 'p') {
		return false, j, false
	}
	if !f.punct(j+1, '.') || !f.glued(j+1) || !f.glued(j+2) || (f.wordText(j+2) != "m" && f.wordText(j+2) != "M") {
		return false, j, false
	}
	next = j + 3
	if f.punct(next, '.') && f.glued(next) {
		next++
	}
	return s[0]|0x20 == 'p', next, true
}

// dateAfterClock reads the date of "15:00 GMT Saturday", "10 a.m. on
// Friday", "8 p.m. yesterday".
func (f *finder) dateAfterClock(j int) (match, bool) {
	if f.is(j, wOn) || f.punct(j, ',') {
		j++
	}
	for _, r := range []rule{ruleWeekday, ruleDeictic, ruleCalendar, ruleNumericDate} {
		if m, ok := r(f, j); ok && m.first == j && m.m.gran == unitDay && !m.m.clock && m.m.pod == podNone {
			return m, true
		}
	}
	return match{}, false
}
