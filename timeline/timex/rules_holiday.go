package timex

// Rules for named days: "Christmas", "New Year's Eve", "Thanksgiving",
// "Easter", "Good Friday", "Independence Day", "Election Day".

// holiday is a named day of the year.
type holiday uint8

const (
	holNone holiday = iota
	holChristmas
	holNewYear
	holThanksgiving
	holIndependence
	holValentine
	holHalloween
	holLabor
	holMemorial
	holVeterans
	holBoxing
	holEaster
	holGoodFriday
	holElection
)

// holidayDay describes a holiday: its usual month and day, and whether
// its name needs "Day" after it ("Labor Day") or may take it ("Christmas Day").
var holidayDays = [...]struct {
	month, day int
	needsDay   bool
}{
	holChristmas:    {12, 25, false},
	holNewYear:      {1, 1, false},
	holThanksgiving: {11, 25, false},
	holIndependence: {7, 4, true},
	holValentine:    {2, 14, true},
	holHalloween:    {10, 31, false},
	holLabor:        {9, 3, true},
	holMemorial:     {5, 28, true},
	holVeterans:     {11, 11, true},
	holBoxing:       {12, 26, true},
	holEaster:       {4, 8, false},
	holGoodFriday:   {4, 6, false},
	holElection:     {11, 6, true},
}

// ruleHoliday matches a named day, with a year if one follows.
func ruleHoliday(f *finder, i int) (match, bool) {
	h, eve, end, ok := f.holidayName(i)
	if !ok {
		return match{}, false
	}
	hd := holidayDays[h]
	m := meaning{kind: kindPoint, gran: unitDay, month: hd.month, day: hd.day, holiday: h}
	if eve {
		m.holiday = holNone
		m.month, m.day = 12, hd.day-1
		if h == holNewYear {
			m.day = 31
		}
	} else if h == holChristmas || h == holHalloween || h == holIndependence || h == holValentine ||
		h == holVeterans || h == holBoxing || h == holNewYear {
		m.holiday = holNone // a fixed date
	}
	if y, e, ok := f.yearAfter(end); ok && !f.punct(end, ',') {
		m.year, end = y, e
	}
	return match{first: i, end: end, typ: TypeDate, m: m}, true
}

// holidayName reads the words of a holiday's name at i.
func (f *finder) holidayName(i int) (h holiday, eve bool, end int, ok bool) {
	t := f.at(i)
	if t.kind != tokWord || t.flags&flagCapital == 0 {
		return holNone, false, i, false
	}
	h, end = t.lex.holiday, i+1
	switch {
	case f.is(i, wNew) && f.wordText(i+1) == "Year" && f.possessive(i+2):
		h, end = holNewYear, i+4
	case t.lex.word == wNamedDay && f.wordText(i) == "Good" && f.wordText(i+1) == "Friday":
		return holGoodFriday, false, i + 2, true
	case h == holValentine && f.possessive(i+1):
		end = i + 3
	}
	if h == holNone {
		return holNone, false, i, false
	}
	if f.is(end, wEve) && f.at(end).flags&flagCapital != 0 && (h == holChristmas || h == holNewYear) {
		return h, true, end + 1, true
	}
	if f.is(end, wDay) && f.at(end).flags&flagCapital != 0 {
		return h, false, end + 1, true
	}
	if h == holEaster && f.wordText(end) == "Sunday" {
		return h, false, end + 1, true
	}
	return h, false, end, !holidayDays[h].needsDay
}

// possessive reports whether tokens k, k+1 are "'s".
func (f *finder) possessive(k int) bool {
	return (f.punct(k, '\'') || f.punct(k, '\u2019')) && f.glued(k+1) && f.wordText(k+1) == "s"
}

// holidayDate returns the month and day of a moving holiday in year y.
func holidayDate(h holiday, y int) (month, day int) {
	switch h {
	case holThanksgiving: // the fourth Thursday of November
		return 11, nthWeekday(y, 11, 4, 4)
	case holLabor: // the first Monday of September
		return 9, nthWeekday(y, 9, 1, 1)
	case holMemorial: // the last Monday of May
		return 5, nthWeekday(y, 5, 1, 5)
	case holElection: // the Tuesday after the first Monday of November
		return 11, nthWeekday(y, 11, 1, 1) + 1
	case holEaster, holGoodFriday:
		e := easter(y)
		if h == holGoodFriday {
			e = e.AddDays(-2)
		}
		return int(e.Month), e.Day
	}
	return holidayDays[h].month, holidayDays[h].day
}

// nthWeekday returns the day of the nth weekday wd (1 Monday) of month
// m in year y; n 5 means the last.
func nthWeekday(y, m, wd, n int) int {
	first := isoWeekday(NewDate(y, timeMonth(m), 1))
	day := 1 + (wd-first+7)%7 + 7*(n-1)
	for day > maxDay(m, y) {
		day -= 7
	}
	return day
}

// easter returns Easter Sunday of year y (Gregorian, anonymous algorithm).
func easter(y int) Date {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	g := (8*b + 13) / 25
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return NewDate(y, timeMonth(month), day)
}
