package timex

import (
	"fmt"
	"time"
)

// farDays is how far a month-day without a year may fall on the wrong
// side of the document date before the clause's tense moves it a year.
const farDays = 90

// halfYear is how far a month-day may fall from the document date when
// no tense tells which year it is in.
const halfYear = 183

// resolver anchors expressions to the document date and to the dates
// the narrative last named.
type resolver struct {
	dct Date
	// datesOnly leaves out the TIMEX3 strings of calendar values, which
	// nothing in resolving reads: see ResolveDates.
	datesOnly bool
	// named holds, for each precision, the last date the text named at
	// that precision and when (seq), so "the next day" follows the last
	// day and "two years later" the last year.
	named [PrecisionCentury + 1]struct {
		date Date
		seq  int
	}
	seq int
	// period is the last quarter, half or month named, which a compared
	// year back repeats: see periodBackValue.
	period lastPeriod
	// clockDay is the day a clock time is told on by the date just after
	// it ("at 2153 GMT on Tuesday"), while that clock time resolves.
	clockDay Date
}

// remember records a date the text named.
func (r *resolver) remember(v Value) {
	if v.Date.IsZero() || v.Precision == PrecisionNone || int(v.Precision) >= len(r.named) {
		return
	}
	r.seq++
	r.named[v.Precision].date = v.Date
	r.named[v.Precision].seq = r.seq
}

// anchor returns the last date the narrative named at precision p or
// finer, or the document date.
func (r *resolver) anchor(p Precision) Date {
	best, seq := r.dct, 0
	for q := PrecisionDay; q <= p && int(q) < len(r.named); q++ {
		if n := r.named[q]; n.seq > seq {
			best, seq = n.date, n.seq
		}
	}
	return best
}

// narrativeAnchor is the anchor of a narrative expression: the last date
// named, unless the clause's tense puts the expression on the other
// side of the document date ("fell at 0930 GMT" after "meets on
// Thursday" is the document's day).
func (r *resolver) narrativeAnchor(p Precision, tense Tense) Date {
	a := r.anchor(p)
	if !r.dct.IsZero() && ((tense == TensePast && a.After(r.dct)) || (tense == TenseFuture && a.Before(r.dct))) {
		return r.dct
	}
	return a
}

// value resolves one expression.
func (r *resolver) value(e Expr) Value {
	m := e.m
	var v Value
	if m.periodBack {
		if v, ok := r.periodBackValue(e); ok {
			return v
		}
		if m.kind == kindNarrative {
			// "compared with a loss of $9.7 million a year earlier":
			// the year before the report's, whatever year was named last
			m.kind = kindUnitOffset
		}
	}
	switch m.kind {
	case kindPoint:
		v = r.point(m, e.Tense)
		if m.within != unitNone && !v.Date.IsZero() {
			v = r.periodValue(shiftPeriod(v.Date, m.within, 0), meaning{}, v.Relative)
		}
	case kindWeekday:
		v = r.weekday(m, e.Tense)
	case kindDayOffset:
		v = r.offset(m, r.dct)
	case kindUnitOffset:
		if m.byTense && m.gran == unitWeekend && !r.dct.IsZero() {
			m.shift += weekendShift(r.dct, e.Tense)
		} else if m.byTense && m.mod == modEnd && e.Tense == TensePast {
			m.shift--
		} else if m.byTense && m.mod == modStart && e.Tense == TenseFuture {
			m.shift++
		}
		a := r.dct
		if m.narrativeIfPast && e.Tense == TensePast {
			a = r.anchor(period{gran: m.gran}.precision())
		}
		v = r.offset(m, a)
	case kindNarrative, kindClock:
		p := period{gran: m.gran}.precision()
		if m.kind == kindClock || m.gran == unitWeek {
			p = PrecisionDay
		}
		a := r.narrativeAnchor(p, e.Tense)
		switch {
		case m.kind == kindClock && m.label && !r.dct.IsZero():
			a = r.dct // a live page's label: the page's day, whatever day its entries name
		case m.kind == kindClock && !r.clockDay.IsZero():
			a = r.clockDay
		}
		v = r.offset(m, a)
	case kindDuration:
		v = Value{TIMEX3: durationValue(m)}
	case kindSet:
		v = Value{TIMEX3: setValue(m)}
	case kindReference:
		v = Value{TIMEX3: m.ref.String()}
	}
	v.Mod = m.mod.String()
	v.PartOfDay = m.pod.name()
	return v
}

// weekendShift says which weekend "the weekend" is: the one before a
// weekday document in a past clause, the coming one in a future clause.
func weekendShift(dct Date, tense Tense) int {
	wd := isoWeekday(dct)
	switch {
	case tense == TenseFuture && wd == 7:
		return 1
	case tense != TenseFuture && wd < 6:
		return -1
	}
	return 0
}

// periodValue returns the value of a resolved period, with m's time.
func (r *resolver) periodValue(p period, m meaning, relative bool) Value {
	v := Value{Date: p.first(), Precision: p.precision(), Relative: relative}
	if !r.datesOnly {
		v.TIMEX3 = p.timex() + dayTime(p, m)
	}
	return v
}

// dayTime is m's time of day, which only a day can carry.
func dayTime(p period, m meaning) string {
	if p.gran != unitDay {
		return ""
	}
	return timeSuffix(m)
}

// point resolves a calendar date or period, taking a missing year from
// the document date and the clause's tense.
func (r *resolver) point(m meaning, tense Tense) Value {
	p := period{gran: m.gran, year: m.year, month: m.month, day: m.day, part: m.part}
	if m.gran == unitSeason {
		p.part = m.season
	}
	if m.ambiguous {
		return r.ambiguousValue(m)
	}
	relative := m.year == 0 && m.gran <= unitHalf && m.gran != unitYear
	if relative {
		if r.dct.IsZero() {
			return Value{TIMEX3: unanchoredPoint(m), Relative: true}
		}
		p.year = r.yearOf(m, tense)
	}
	if m.holiday != holNone {
		p.month, p.day = holidayDate(m.holiday, p.year)
	}
	if relative {
		if m.gran == unitDay && m.day > maxDay(m.month, p.year) {
			p.year = leapYearNear(p.year, tense == TenseFuture)
		}
	}
	return r.periodValue(p, m, relative)
}

// ambiguousValue is the value of a numeric date whose day and month no
// one settled: its year when printed ("2023"), else nothing certain.
func (r *resolver) ambiguousValue(m meaning) Value {
	if m.year == 0 {
		return Value{TIMEX3: placeholder(unitDay), Relative: true}
	}
	return r.periodValue(period{gran: unitYear, year: m.year}, meaning{}, false)
}

// unanchoredPoint is the value of a date without a year when there is
// no document date: "XXXX-05-22", "XXXX-05", "XXXX-SU".
func unanchoredPoint(m meaning) string {
	switch m.gran {
	case unitDay:
		return fmt.Sprintf("XXXX-%02d-%02d", m.month, m.day) + timeSuffix(m)
	case unitMonth:
		return fmt.Sprintf("XXXX-%02d", m.month)
	case unitSeason:
		return "XXXX-" + seasonCode(m.season)
	case unitQuarter:
		return fmt.Sprintf("XXXX-Q%d", m.part)
	case unitHalf:
		return fmt.Sprintf("XXXX-H%d", m.part)
	}
	return placeholder(m.gran)
}

// yearOf picks the year of a date printed without one.
func (r *resolver) yearOf(m meaning, tense Tense) int {
	d := r.dct
	if m.relYear {
		return d.Year + int(m.yearOffset)
	}
	switch m.gran {
	case unitDay:
		return r.dayYear(m, tense)
	case unitMonth:
		return cycleYear(d.Year, int(d.Month), m.month, m.shift, tense)
	case unitSeason:
		s, y := seasonOf(d)
		return cycleYear(y, s, int(m.season), m.shift, tense)
	case unitQuarter:
		current := (int(d.Month) + 2) / 3
		if tense == TenseFuture && m.shift == shiftTense && int(m.part) == current-1 {
			return d.Year // "will report a charge for the third quarter" in October: the quarter just ended
		}
		return cycleYear(d.Year, current, int(m.part), m.shift, tense)
	case unitHalf:
		return cycleYear(d.Year, (int(d.Month)+5)/6, int(m.part), m.shift, tense)
	}
	return d.Year
}

// cycleYear picks the year of the target month, season or quarter,
// given the current one in year y.
func cycleYear(y, current, target, shift int, tense Tense) int {
	switch shift {
	case shiftThis:
		return y
	case shiftLast:
		if target < current {
			return y
		}
		return y - 1
	case shiftNext:
		if target > current {
			return y
		}
		return y + 1
	}
	switch {
	case tense == TensePast && target > current:
		return y - 1
	case tense == TenseFuture && target < current:
		return y + 1
	}
	return y
}

// dayYear picks the year of a month and day: the document's, unless the
// tense puts the date far on the other side of it; a printed weekday
// that agrees with a neighbouring year wins.
func (r *resolver) dayYear(m meaning, tense Tense) int {
	d := r.dct
	y := d.Year
	cand := NewDate(y, timeMonth(m.month), min(m.day, maxDay(m.month, y)))
	switch {
	case tense == TensePast && d.DaysUntil(cand) > farDays:
		y--
	case tense == TenseFuture && cand.DaysUntil(d) > farDays:
		y++
	case tense == TenseUnknown && d.DaysUntil(cand) > halfYear:
		y-- // with no tense, the nearer year: "Dec. 28" in early January
	case (tense == TenseUnknown || tense == TensePresent) && cand.DaysUntil(d) > halfYear:
		y++ // "expires Jan. 4" in late December
	}
	if m.weekday == 0 || weekdayAgrees(y, m) {
		return y
	}
	for _, c := range []int{d.Year, d.Year - 1, d.Year + 1} {
		if weekdayAgrees(c, m) {
			return c
		}
	}
	return y
}

// weekdayAgrees reports whether m's month and day fall on m's weekday in year y.
func weekdayAgrees(y int, m meaning) bool {
	return m.day <= maxDay(m.month, y) && isoWeekday(NewDate(y, timeMonth(m.month), m.day)) == int(m.weekday)
}

// leapYearNear returns the nearest leap year to y, forward or back.
func leapYearNear(y int, forward bool) int {
	for k := 0; k < 8; k++ {
		if maxDay(2, y) == 29 {
			return y
		}
		if forward {
			y++
		} else {
			y--
		}
	}
	return y
}

// weekday resolves a weekday: on or before the document date in a past
// or unknown clause, on or after it in a future or present one (news
// writes what is scheduled in the present: "the Senate votes Tuesday").
func (r *resolver) weekday(m meaning, tense Tense) Value {
	if r.dct.IsZero() {
		return Value{TIMEX3: fmt.Sprintf("XXXX-WXX-%d", m.weekday) + timeSuffix(m), Relative: true}
	}
	now, wd := isoWeekday(r.dct), int(m.weekday)
	back, ahead := (now-wd+7)%7, (wd-now+7)%7
	var off int
	switch {
	case m.shift == shiftThis:
		off = wd - now
	case m.shift == shiftLast:
		off = -back
		if off == 0 {
			off = -7
		}
	case m.shift == shiftNext:
		off = ahead
		if off == 0 {
			off = 7
		}
	case tense == TenseFuture || tense == TensePresent:
		off = ahead // "will meet Friday", "the Senate votes Tuesday"
	default:
		off = -back
	}
	d := r.dct.AddDays(off)
	p := period{gran: unitDay, year: d.Year, month: int(d.Month), day: d.Day}
	return r.periodValue(p, m, true)
}

// offset resolves an expression that moves the anchor by m.shift units
// of m.gran: "yesterday", "last week", "15 months ago", "the next day".
func (r *resolver) offset(m meaning, a Date) Value {
	gran := m.gran
	if gran == unitNone || m.kind == kindDayOffset || m.kind == kindClock {
		gran = unitDay
	}
	if a.IsZero() {
		v := placeholder(gran)
		if gran == unitDay {
			v += timeSuffix(m)
		}
		return Value{TIMEX3: v, Relative: true}
	}
	return r.periodValue(shiftPeriod(a, gran, m.shift), m, true)
}

// shiftPeriod returns the period of granularity gran n units from a's.
func shiftPeriod(a Date, gran unit, n int) period {
	y, mo := a.Year, int(a.Month)
	switch gran {
	case unitDay:
		d := a.AddDays(n)
		return period{gran: gran, year: d.Year, month: int(d.Month), day: d.Day}
	case unitWeek, unitWeekend:
		wy, w := a.AddDays(7 * n).ISOWeek()
		return period{gran: gran, year: wy, week: w}
	case unitMonth:
		t := y*12 + mo - 1 + n
		return period{gran: gran, year: floorDiv(t, 12), month: t - floorDiv(t, 12)*12 + 1}
	case unitSeason:
		s, sy := seasonOf(a)
		t := sy*4 + s - 1 + n
		return period{gran: gran, year: floorDiv(t, 4), part: int8(t - floorDiv(t, 4)*4 + 1)}
	case unitQuarter, unitHalf:
		per := 4
		if gran == unitHalf {
			per = 2
		}
		t := y*per + (mo-1)/(12/per) + n
		return period{gran: gran, year: floorDiv(t, per), part: int8(t - floorDiv(t, per)*per + 1)}
	case unitDecade:
		return period{gran: gran, year: (floorDiv(y, 10) + n) * 10}
	case unitCentury:
		return period{gran: gran, year: (floorDiv(y, 100) + n) * 100}
	}
	return period{gran: unitYear, year: y + n}
}

// seasonOf returns the season of d (1 spring ... 4 winter) and the year
// it belongs to (December's winter: January and February are in it).
func seasonOf(d Date) (season, year int) {
	m := int(d.Month)
	if m <= 2 {
		return 4, d.Year - 1
	}
	return min((m-3)/3+1, 4), d.Year
}

// isoWeekday is 1 for Monday ... 7 for Sunday.
func isoWeekday(d Date) int {
	return (int(d.Weekday())+6)%7 + 1
}

// timeMonth converts a month number.
func timeMonth(m int) time.Month { return time.Month(m) }
