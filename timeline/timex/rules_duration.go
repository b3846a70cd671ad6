package timex

// Rules for amounts of time and the dates they reach: "two days", "more
// than 20 years", "the past two years", "recent days", "a decade",
// "four-week", "15 months ago", "two days later", "a week from now".

import "strings"

// ruleDuration matches an amount of time, or a date an amount away.
func ruleDuration(f *finder, i int) (match, bool) {
	if l := f.at(i).lex.long; l != unitNone {
		m := meaning{kind: kindDuration, gran: l, amount: 1} // "yearlong"
		return match{first: i, end: i + 1, typ: TypeDuration, m: m}, true
	}
	mod, j := f.durationMod(i)
	det, j := f.durationDeterminer(j)
	a, hasAmount := f.amountAt(j)
	k := j
	if hasAmount {
		k = a.end
	}
	hyphen := hasAmount && f.dash(k) && f.glued(k) && f.glued(k+1)
	if hyphen && det != wNone {
		return match{}, false // "the 30-year bond": "30-year" alone
	}
	if hyphen {
		k++
	}
	u := f.at(k)
	if u.kind != tokWord || u.lex.unit == unitNone || (u.lex.unit == unitQuarter && !hasAmount) {
		if hasAmount && det == wNone && !hyphen {
			return f.amountRange(i, mod, a)
		}
		return match{}, false
	}
	if f.notAUnit(j, k) {
		return match{}, false
	}
	if f.dash(k+1) && f.glued(k+1) && f.isAny(k+2, wEarlier, wAgo) {
		return match{}, false // "a year-earlier loss": ruleYearEarlier's
	}
	if !hasAmount {
		var ok bool
		if a, ok = f.impliedAmount(i, k, det); !ok {
			return match{}, false
		}
	}
	end := k + 1
	if f.is(end, wAnd) && f.isAny(end+1, wA, wAn) && f.is(end+2, wHalf) {
		a.value += 0.5
		end += 3
	}
	if f.isAge(end) {
		return match{}, false // "a 22-year-old", "6 months and older"
	}
	if f.someDay(i, k) {
		return match{}, false // "he will one day return": some day, no amount
	}
	if f.dash(end) && f.glued(end) && f.is(end+1, wLong) {
		end += 2
	}
	m := meaning{kind: kindDuration, gran: u.lex.unit, amount: a.value, amountX: a.vague, mod: mod}
	if det == wNone && !hyphen {
		if r, ok := f.durationAnchor(i, end, m); ok {
			return r, true
		}
	}
	return match{first: i, end: end, typ: TypeDuration, m: m}, true
}

// impliedAmount returns the amount of a unit at k printed without one:
// one in "the past year" and "decade-long", a vague one in "recent
// days" and "for years".
func (f *finder) impliedAmount(i, k int, det wordID) (amount, bool) {
	plural := f.at(k).lex.flags&lexPlural != 0
	switch {
	case !plural && det == wPast:
		return amount{value: 1}, true
	case !plural && det == wNone && f.dash(k+1) && f.glued(k+1) && f.is(k+2, wLong):
		return amount{value: 1}, true // "decade-long"
	case plural && det != wNone && det != wThe:
		return amount{vague: true}, true
	case plural && det == wNone && f.barePluralContext(i, k):
		return amount{vague: true}, true
	}
	return amount{}, false
}

// notAUnit reports whether the unit word at k, after an amount at j, is
// something else: "a quarter of", "three quarters of", "a second term".
func (f *finder) notAUnit(j, k int) bool {
	u := f.at(k)
	switch u.lex.unit {
	case unitQuarter:
		return f.is(k+1, wOf) || f.isAny(j, wA, wAn)
	case unitSecond:
		n := f.at(k + 1)
		return u.lex.flags&lexPlural == 0 && f.isAny(j, wA, wAn) && n.kind == tokWord &&
			n.flags&flagCapital == 0 && !f.isAny(k+1, wAgo, wLater, wEarlier, wAnd, wOr, wOf, wIn, wTo,
			wFor, wBefore, wAfter, wOn, wAt, wBy, wThan) // "a second term"
	}
	return false
}

// someDay reports whether "one day" at tokens i and k is the adverb of
// an indefinite time, not one day's length: after a modal or a subject
// and before the verb ("will one day return", "he one day follow").
func (f *finder) someDay(i, k int) bool {
	if k != i+1 || !strings.EqualFold(f.wordText(i), "one") || f.at(k).lex.unit != unitDay || f.at(k).lex.flags&lexPlural != 0 {
		return false
	}
	switch strings.ToLower(f.wordText(i - 1)) {
	case "will", "would", "could", "may", "might", "can", "shall", "should", "must",
		"he", "she", "they", "we", "i", "you":
	default:
		return false
	}
	n := f.at(k + 1)
	return n.kind == tokWord && n.flags&flagCapital == 0 && n.lex == (lexeme{})
}

// isAge reports whether the words at k make an amount of time an age.
func (f *finder) isAge(k int) bool {
	if f.dash(k) && f.glued(k) {
		k++
	}
	if f.isAny(k, wAnd, wOr) {
		k++
	}
	switch w := f.wordText(k); w {
	case "old", "older", "younger":
		return true
	}
	return false
}

// durationMod reads "more than", "about", "at least", "nearly" at i.
func (f *finder) durationMod(i int) (modifier, int) {
	j := i
	if f.is(j, wJust) {
		j++
	}
	switch f.at(j).lex.word {
	case wMore:
		if f.is(j+1, wThan) {
			return modMoreThan, j + 2
		}
	case wLess, wFewer:
		if f.is(j+1, wThan) {
			return modLessThan, j + 2
		}
	case wOver:
		if _, ok := f.amountAt(j + 1); ok && !f.is(j+1, wThe) {
			return modMoreThan, j + 1
		}
	case wAbout, wAround, wApprox:
		return modApprox, j + 1
	case wSome:
		if f.at(j+1).kind == tokNumber {
			return modApprox, j + 1
		}
	case wNearly, wAlmost:
		return modLessThan, j + 1
	case wAt:
		if f.is(j+1, wLeast) {
			return modEqualOrMore, j + 2
		}
	case wUp:
		if f.is(j+1, wTo) {
			return modEqualOrLess, j + 2
		}
	}
	return modNone, i
}

// durationDeterminer reads "the", "the past", "the next", "recent",
// "the first" before an amount.
func (f *finder) durationDeterminer(j int) (wordID, int) {
	d := wNone
	if f.is(j, wThe) {
		d = wThe
		j++
		if f.at(j).lex.ordinal == 1 {
			return d, j + 1
		}
	}
	switch w := f.at(j).lex.word; w {
	case wPast, wLast, wNext, wComing, wPrevious, wRecent, wFollowing, wUpcoming:
		return w, j + 1
	}
	return d, j
}

// barePluralContext reports whether a plural unit with no amount at k is
// an amount of time: "for years", "take weeks", "days before".
func (f *finder) barePluralContext(i, k int) bool {
	if f.isAny(i-1, wFor, wOver, wWithin, wIn, wTake, wAfter) {
		return true
	}
	return f.isAny(k+1, wAgo, wBefore, wAfter, wLater, wEarlier)
}

// amountRange matches the first amount of "between 12 and 18 months",
// which takes the unit of the second.
func (f *finder) amountRange(i int, mod modifier, a amount) (match, bool) {
	k := a.end
	if a.vague || !(f.isAny(k, wAnd, wTo, wOr) || f.dash(k)) {
		return match{}, false
	}
	b, ok := f.amountAt(k + 1)
	u := f.at(b.end)
	if !ok || b.vague || u.kind != tokWord || u.lex.unit == unitNone || u.lex.flags&lexPlural == 0 {
		return match{}, false
	}
	m := meaning{kind: kindDuration, gran: u.lex.unit, amount: a.value, mod: mod}
	return match{first: i, end: a.end, typ: TypeDuration, m: m}, true
}

// durationAnchor matches an amount that reaches a date: "15 months ago",
// "two days later".
func (f *finder) durationAnchor(i, end int, d meaning) (match, bool) {
	n := int(d.amount)
	exact := !d.amountX && float64(n) == d.amount && d.gran >= unitDay && d.gran != unitWeekend && n <= 10000
	if d.gran == unitFortnight {
		d.gran, n = unitWeek, 2*n
	}
	switch {
	case f.is(end, wAgo):
		if !exact {
			m := meaning{kind: kindReference, ref: refPast}
			return match{first: i, end: end + 1, typ: TypeDate, m: m}, true
		}
		m := meaning{kind: kindUnitOffset, gran: d.gran, shift: -n, mod: d.mod}
		switch d.gran {
		case unitDecade:
			m.gran, m.shift = unitYear, -10*n
		case unitCentury:
			m.gran, m.shift = unitYear, -100*n
		}
		return match{first: i, end: end + 1, typ: TypeDate, m: m}, true
	case f.isAny(end, wLater, wEarlier) && !f.is(end+1, wThan) && exact:
		if f.is(end, wEarlier) {
			n = -n
		}
		gran := d.gran
		if gran == unitWeek {
			gran, n = unitDay, 7*n
		}
		m := meaning{kind: kindNarrative, gran: gran, shift: n, mod: d.mod}
		return match{first: i, end: end + 1, typ: TypeDate, m: m}, true
	}
	return match{}, false
}
