package timex

// Rules for recurrences and vague references: "every Monday", "weekly",
// "twice a year", "$5 a day", "now", "recently", "the past", "the future".

// ruleSet matches a recurrence.
func ruleSet(f *finder, i int) (match, bool) {
	t := f.at(i)
	switch {
	case t.kind == tokWord && t.lex.set != unitNone:
		m := meaning{kind: kindSet, gran: t.lex.set, amount: 1}
		if t.lex.pod != podNone {
			m.gran, m.pod, m.podCode = unitNone, t.lex.pod, true
		}
		return match{first: i, end: i + 1, typ: TypeSet, m: m}, true
	case t.kind == tokWord && t.lex.weekday > 0 && t.lex.flags&lexPlural != 0 && f.weekdayStandsAlone(i):
		m := meaning{kind: kindSet, weekday: t.lex.weekday}
		return match{first: i, end: i + 1, typ: TypeSet, m: m}, true
	case t.kind == tokWord && t.lex.weekday > 0 && t.lex.flags&(lexPlural|lexAbbrev) == 0 && f.pluralPartOfDay(i+1):
		// "on Tuesday nights": every Tuesday night
		m := meaning{kind: kindSet, weekday: t.lex.weekday, pod: f.at(i + 1).lex.pod, podCode: true}
		return match{first: i, end: i + 2, typ: TypeSet, m: m}, true
	case f.isAny(i, wEvery, wEach):
		return f.everySet(i)
	case f.isAny(i, wOnce, wTwice):
		return f.perUnit(i, i+1)
	case f.is(i, wPer):
		return f.perUnit(i, i)
	case f.isAny(i, wA, wAn) && f.afterQuantity(i-1):
		return f.perUnit(i, i)
	}
	if a, ok := f.amountAt(i); ok && f.is(a.end, wTimes) {
		return f.perUnit(i, a.end+1)
	}
	return match{}, false
}

// pluralPartOfDay reports whether token j is "mornings", "afternoons",
// "evenings" or "nights".
func (f *finder) pluralPartOfDay(j int) bool {
	t := f.at(j)
	return t.kind == tokWord && t.lex.flags&lexPlural != 0 && t.lex.pod >= podMorning && t.lex.pod <= podNight
}

// perUnit matches "a year", "per day", "each week" at j, as the end of
// a recurrence starting at i.
func (f *finder) perUnit(i, j int) (match, bool) {
	if j > i && f.dash(j) && f.glued(j) {
		j++ // "once-a-year"
	}
	if !f.isAny(j, wA, wAn, wPer, wEach, wEvery) {
		return match{}, false
	}
	k := j + 1
	if f.dash(k) && f.glued(k) {
		k++
	}
	u := f.at(k)
	if u.kind != tokWord || u.lex.unit == unitNone || u.lex.flags&lexPlural != 0 {
		return match{}, false
	}
	m := meaning{kind: kindSet, gran: u.lex.unit, amount: 1}
	return match{first: i, end: k + 1, typ: TypeSet, m: m}, true
}

// afterQuantity reports whether token p ends a quantity, so that "a
// year" after it is a rate: "$5 million a year", "20 percent a year".
func (f *finder) afterQuantity(p int) bool {
	t := f.at(p)
	if t.kind == tokNumber || (t.kind == tokPunct && t.num == '%') {
		return true
	}
	if t.kind != tokWord || t.flags&flagASCII == 0 {
		return false
	}
	switch w := f.wordText(p); w {
	case "percent", "million", "billion", "trillion", "dollars", "euros", "pounds", "cents", "times", "hours", "days":
		return true
	}
	return false
}

// everySet matches "every Monday", "each year", "every two weeks",
// "every other day", "every morning", "every January", "every summer".
func (f *finder) everySet(i int) (match, bool) {
	j := i + 1
	m := meaning{kind: kindSet, amount: 1}
	plural := false
	if f.is(j, wOther) {
		m.amount, j = 2, j+1
	} else if a, ok := f.amountAt(j); ok && !f.isAny(j, wA, wAn) && !a.vague {
		m.amount, j, plural = a.value, a.end, true
	}
	t := f.at(j)
	if t.kind != tokWord || (t.lex.flags&lexPlural != 0) != plural {
		return match{}, false
	}
	switch {
	case t.lex.unit != unitNone:
		m.gran = t.lex.unit
	case plural:
		return match{}, false
	case t.lex.weekday > 0 && t.lex.flags&lexAbbrev == 0:
		m.weekday = t.lex.weekday
	case t.lex.pod != podNone && t.lex.pod != podOvernight:
		m.pod, m.podCode = t.lex.pod, true
	case f.isMonth(j) && t.lex.flags&lexAbbrev == 0:
		m.month = int(t.lex.month)
	case t.lex.season > 0:
		m.season = t.lex.season
	default:
		return match{}, false
	}
	return match{first: i, end: j + 1, typ: TypeSet, m: m}, true
}

// ruleReference matches "now", "currently", "recently", "these days",
// "the past", "the future", "at the time", "at present".
func ruleReference(f *finder, i int) (match, bool) {
	ref := func(end int, r reference) (match, bool) {
		return match{first: i, end: end, typ: TypeDate, m: meaning{kind: kindReference, ref: r}}, true
	}
	switch f.at(i).lex.word {
	case wNow, wNowadays:
		return ref(i+1, refPresent)
	case wRecently:
		return ref(i+1, refPast)
	case wThese:
		if f.is(i+1, wDay) || f.wordText(i+1) == "days" {
			return ref(i+2, refPresent)
		}
	case wAt:
		switch {
		case f.is(i+1, wPresent):
			return ref(i+2, refPresent)
		case f.isAny(i+1, wThe, wThat) && f.is(i+2, wTime) && !f.is(i+3, wOf):
			return ref(i+3, refPast)
		case f.is(i+1, wThe) && f.is(i+2, wMoment):
			return ref(i+3, refPresent)
		}
	case wThe:
		j := i + 1
		if f.isAny(j, wNear, wRecent) {
			j++
		}
		switch {
		case f.is(j, wFuture):
			return ref(j+1, refFuture)
		case f.is(j, wPast) && !f.startsAmount(j+1):
			return ref(j+1, refPast)
		case f.is(j, wPresent) && j == i+1 && f.isAny(i-1, wAt, wUntil, wTo, wFrom):
			return ref(j+1, refPresent)
		}
	}
	return match{}, false
}

// startsAmount reports whether token j begins an amount or a unit, so
// that "the past" before it is part of a duration.
func (f *finder) startsAmount(j int) bool {
	t := f.at(j)
	if t.kind == tokNumber || t.lex.unit != unitNone || t.lex.number > 0 {
		return true
	}
	return f.isAny(j, wFew, wSeveral, wMany, wCouple, wA)
}
