package timex

import "strings"

// Rules that wrap another expression: "early on Wednesday", "late last
// July", "mid-May", "earlier this week", "the end of the year", "the
// early hours of Monday", "the morning of May 22".

// innerRules are the rules whose expressions an edge or a part of day
// can wrap.
var innerRules = []rule{
	ruleNumericDate, ruleCalendar, ruleHoliday, ruleWeekday, ruleDeictic, ruleRelativeUnit,
	ruleNarrative, ruleYear, ruleCentury, ruleSeason, ruleQuarter,
}

// innerMatch returns the longest inner expression starting at token j.
func (f *finder) innerMatch(j int) (match, bool) {
	var best match
	found := false
	for _, r := range innerRules {
		m, ok := r(f, j)
		if ok && m.first == j && m.end > j && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	if found {
		return best, true
	}
	return f.theUnit(j)
}

// theUnit reads "the year", "the month", "year" after "the end of".
func (f *finder) theUnit(j int) (match, bool) {
	k := j
	if f.is(k, wThe) {
		k++
	}
	u := f.at(k)
	if u.kind != tokWord || u.lex.unit < unitDay || u.lex.unit == unitFortnight || u.lex.flags&lexPlural != 0 ||
		f.is(k+1, wOf) {
		return match{}, false
	}
	m := meaning{kind: kindUnitOffset, gran: u.lex.unit, byTense: true}
	return match{first: j, end: k + 1, typ: TypeDate, m: m}, true
}

// ruleEdge matches an inner date with "early", "late", "mid", "earlier",
// "later", "the end of", "the beginning of" before it.
func ruleEdge(f *finder, i int) (match, bool) {
	e := i
	if f.is(i, wThe) && f.isAny(i+1, wEarly, wLate, wMid) {
		e++ // "the late 1990s", "the early 20th century"
	}
	mod, j, early, ok := f.edgeWords(e)
	if !ok {
		return match{}, false
	}
	in, ok := f.innerMatch(j)
	if !ok || in.typ == TypeDuration || in.typ == TypeSet || in.m.kind == kindReference ||
		(e > i && in.m.gran < unitDecade) {
		return match{}, false
	}
	if in.end == j+1 && f.at(j).lex.unit != unitNone && f.isAny(e, wEarly, wLate, wEarlier, wLater) {
		return match{}, false // "the year-earlier quarter": no bare unit after these
	}
	m := in.m
	if m.mod == modNone {
		m.mod = mod
	}
	if early && m.gran == unitDay && (m.pod == podNone || m.pod == podMorning) {
		m.pod = podEarlyMorning
	}
	return match{first: i, end: in.end, typ: in.typ, m: m}, true
}

// edgeWords reads the words of an edge and returns its mod and where the
// inner expression starts.
func (f *finder) edgeWords(i int) (mod modifier, next int, early, ok bool) {
	w := f.at(i).lex.word
	switch w {
	case wEarly, wLate, wMid, wEarlier, wLater:
		j := i + 1
		if f.dash(j) && f.glued(j) && f.glued(j+1) {
			j++
		} else if f.is(j, wOn) && (w == wEarly || w == wLate) {
			j++
		}
		return edgeMod(w), j, w == wEarly, true
	case wThe:
		if f.isAny(i+1, wEnd, wBeginning, wStart, wMiddle) && f.is(i+2, wOf) {
			return edgeMod(f.at(i + 1).lex.word), i + 3, false, true
		}
	case wEnd, wBeginning, wStart, wMiddle:
		if f.is(i+1, wOf) {
			return edgeMod(w), i + 2, false, true
		}
	}
	return modNone, i, false, false
}

// edgeMod is the TIMEX3 mod an edge word gives.
func edgeMod(w wordID) modifier {
	switch w {
	case wEarly, wBeginning, wStart:
		return modStart
	case wLate, wEnd:
		return modEnd
	case wMid, wMiddle:
		return modMid
	}
	return modNone
}

// rulePartOfDayOf matches "the early hours of Monday", "the morning of
// May 22", "in the early hours", "during the night".
func rulePartOfDayOf(f *finder, i int) (match, bool) {
	j := i
	if f.is(j, wThe) {
		j++
	}
	early := f.is(j, wEarly)
	if early {
		j++
	}
	pod, hours := podNone, early && f.is(j, wHours)
	if hours {
		pod = podEarlyMorning
	} else if p, ok := f.partOfDayAt(j); ok && f.is(i, wThe) {
		pod = p
		if early && p == podMorning {
			pod = podEarlyMorning
		}
	} else {
		return match{}, false
	}
	end := j + 1
	narrative := meaning{kind: kindNarrative, gran: unitDay, pod: pod, podCode: true}
	if !f.is(end, wOf) {
		// "in the early hours", "during the night": the narrative day
		if f.is(i, wThe) && (hours || f.isAny(i-1, wIn, wDuring, wThrough, wBy, wUntil, wOvernight)) {
			return match{first: i, end: end, typ: TypeTime, m: narrative}, true
		}
		return match{}, false
	}
	if f.is(end+1, wThe) && f.at(end+2).lex.pod == podMorning && f.at(end+2).lex.flags&lexPlural == 0 {
		return match{first: i, end: end + 3, typ: TypeTime, m: narrative}, true
	}
	in, ok := f.innerMatch(end + 1)
	if !ok || in.m.gran != unitDay || in.typ != TypeDate || in.m.kind == kindUnitOffset {
		return match{}, false
	}
	m := in.m
	m.pod, m.podCode = pod, true
	return match{first: i, end: in.end, typ: TypeTime, m: m}, true
}

// ruleUnitEnd matches "year-end", "year end", "quarter-end".
func ruleUnitEnd(f *finder, i int) (match, bool) {
	u := f.at(i)
	un := u.lex.unit
	if (un != unitYear && un != unitMonth && un != unitQuarter) || u.lex.flags&lexPlural != 0 {
		return match{}, false
	}
	j := i + 1
	if f.dash(j) && f.glued(j) {
		j++
	}
	if !f.is(j, wEnd) {
		return match{}, false
	}
	m := meaning{kind: kindUnitOffset, gran: un, mod: modEnd, byTense: true}
	return match{first: i, end: j + 1, typ: TypeDate, m: m}, true
}

// ruleEdgePartOfDay matches a part of the narrative day with its edge:
// "late afternoon", "early morning", "mid-afternoon".
func ruleEdgePartOfDay(f *finder, i int) (match, bool) {
	if t := f.at(i); t.kind == tokWord && t.lex.pod != podNone && t.lex.word == wNone && len(f.wordText(i)) > 3 &&
		strings.EqualFold(f.wordText(i)[:3], "mid") {
		m := meaning{kind: kindNarrative, gran: unitDay, pod: t.lex.pod, podCode: true, mod: modMid}
		return f.podDay(match{first: i, end: i + 1, typ: TypeTime, m: m}), true // "midafternoon"
	}
	w := f.at(i).lex.word
	if w != wEarly && w != wLate && w != wMid {
		return match{}, false
	}
	j := i + 1
	if f.dash(j) && f.glued(j) && f.glued(j+1) {
		j++
	}
	pod, ok := f.partOfDayAt(j)
	if !ok || f.is(i-1, wThe) {
		return match{}, false
	}
	if w == wEarly && pod == podMorning {
		pod = podEarlyMorning
	}
	m := meaning{kind: kindNarrative, gran: unitDay, pod: pod, podCode: true, mod: edgeMod(w)}
	return f.podDay(match{first: i, end: j + 1, typ: TypeTime, m: m}), true
}

// podDay takes the day word after a part of day into it: "mid-afternoon
// yesterday", "late morning today".
func (f *finder) podDay(in match) match {
	switch f.at(in.end).lex.word {
	case wYesterday:
		in.m.shift = -1
	case wToday:
	case wTomorrow:
		in.m.shift = 1
	default:
		return in
	}
	in.m.kind = kindDayOffset
	in.end++
	return in
}
