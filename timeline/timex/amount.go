package timex

import "strings"

// amount is a number of units as written: "15", "9,300", "2.5", "two",
// "twenty-five", "a", "a couple of", "several" (vague).
type amount struct {
	value float64
	vague bool
	end   int // token index after the amount
}

// amountAt reads an amount at token j, with "and a half" after it.
func (f *finder) amountAt(j int) (amount, bool) {
	a, ok := f.bareAmount(j)
	if ok && !a.vague && f.is(a.end, wAnd) && f.isAny(a.end+1, wA, wAn) && f.is(a.end+2, wHalf) &&
		f.at(a.end+3).lex.unit != unitNone {
		a.value += 0.5
		a.end += 3
	}
	return a, ok
}

// bareAmount reads an amount at token j.
func (f *finder) bareAmount(j int) (amount, bool) {
	t := f.at(j)
	switch {
	case t.kind == tokNumber:
		return f.digitAmount(j)
	case t.kind != tokWord:
		return amount{}, false
	case t.lex.number > 0 && t.lex.word == wNone && t.lex.flags&lexDecade == 0:
		return f.wordAmount(j), true
	}
	switch t.lex.word {
	case wA, wAn:
		return f.articleAmount(j)
	case wFew, wSeveral, wMany:
		return amount{vague: true, end: j + 1}, true
	case wCouple:
		if f.is(j+1, wOf) {
			return amount{value: 2, end: j + 2}, true
		}
	case wDozen:
		return amount{value: 12, end: j + 1}, true
	case wHalf:
		if f.isAny(j+1, wA, wAn) {
			return amount{value: 0.5, end: j + 2}, true
		}
	}
	return amount{}, false
}

// digitAmount reads "15", "9,300", "2.5".
func (f *finder) digitAmount(j int) (amount, bool) {
	t := f.at(j)
	if t.flags&(flagOrdinal|flagDecade) != 0 || !f.amountLeftEdge(j) {
		return amount{}, false
	}
	a := amount{value: float64(t.num), end: j + 1}
	for f.punct(a.end, ',') && f.glued(a.end) && f.glued(a.end+1) && f.at(a.end+1).kind == tokNumber &&
		f.at(a.end+1).digits == 3 {
		a.value = a.value*1000 + float64(f.at(a.end+1).num)
		a.end += 2
	}
	if f.punct(a.end, '.') && f.glued(a.end) && f.glued(a.end+1) && f.at(a.end+1).kind == tokNumber {
		frac := f.at(a.end + 1)
		d := 1.0
		for k := int8(0); k < frac.digits && k < 9; k++ {
			d *= 10
		}
		a.value += float64(frac.num) / d
		a.end += 2
	}
	return a, true
}

// amountLeftEdge reports whether number j is not glued to a word, money
// or another number on its left.
func (f *finder) amountLeftEdge(j int) bool {
	s := f.at(j).start
	if s == 0 {
		return true
	}
	b := f.text[s-1]
	if isAlnum(b) || b == '$' || b == '#' || b == '/' || b == '_' || b == '.' || b == ',' || b == ':' {
		return false
	}
	return true
}

// wordAmount reads "two", "twenty-five", "one hundred".
func (f *finder) wordAmount(j int) amount {
	t := f.at(j)
	a := amount{value: float64(t.lex.number), end: j + 1}
	if n := t.lex.number; n >= 20 && n <= 90 && n%10 == 0 {
		k := a.end
		if f.dash(k) && f.glued(k) {
			k++
		}
		if u := f.at(k); u.kind == tokWord && u.lex.number > 0 && u.lex.number < 10 && u.lex.word == wNone {
			a.value += float64(u.lex.number)
			a.end = k + 1
		}
	}
	if u := f.at(a.end); u.kind == tokWord && (u.lex.number == 100 || u.lex.number == 1000) && a.value < 100 {
		a.value *= float64(u.lex.number)
		a.end++
	}
	return a
}

// articleAmount reads "a", "a few", "a couple of", "a dozen", "a hundred".
func (f *finder) articleAmount(j int) (amount, bool) {
	n := f.at(j + 1)
	switch {
	case n.lex.word == wFew:
		return amount{vague: true, end: j + 2}, true
	case n.lex.word == wCouple:
		end := j + 2
		if f.is(end, wOf) {
			end++
		}
		return amount{value: 2, end: end}, true
	case n.lex.word == wDozen:
		return amount{value: 12, end: j + 2}, true
	case n.lex.number == 100 || n.lex.number == 1000:
		return amount{value: float64(n.lex.number), end: j + 2}, true
	case addedAt(f.wordText(j + 1)):
		return amount{value: 1, end: j + 2}, true // "an additional year", "a further week"
	}
	return amount{value: 1, end: j + 1}, true
}

// addedAt reports whether w, after "a" or "an", says that the one unit
// after it comes on top of another: "an additional year", "an extra
// week", "a further month".
func addedAt(w string) bool {
	switch strings.ToLower(w) {
	case "additional", "extra", "further":
		return true
	}
	return false
}
