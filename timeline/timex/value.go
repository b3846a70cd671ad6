package timex

import (
	"fmt"
	"strconv"
)

// period is a resolved point or period on the calendar.
type period struct {
	gran  unit
	year  int
	month int
	day   int
	week  int  // ISO week, for unitWeek and unitWeekend (year is then the ISO year)
	part  int8 // season 1-4, quarter 1-4, half 1-2
}

// seasonCodes are the TIMEX3 season codes, spring first.
var seasonCodes = [...]string{"", "SP", "SU", "FA", "WI"}

// seasonCode returns the TIMEX3 code of season s (1 spring ... 4 winter).
func seasonCode(s int8) string {
	if s < 1 || s > 4 {
		return "XX"
	}
	return seasonCodes[s]
}

// timex returns the TIMEX3 value of the period.
func (p period) timex() string {
	switch p.gran {
	case unitDay:
		return fmt.Sprintf("%04d-%02d-%02d", p.year, p.month, p.day)
	case unitWeek:
		return fmt.Sprintf("%04d-W%02d", p.year, p.week)
	case unitWeekend:
		return fmt.Sprintf("%04d-W%02d-WE", p.year, p.week)
	case unitMonth:
		return fmt.Sprintf("%04d-%02d", p.year, p.month)
	case unitSeason:
		return fmt.Sprintf("%04d-%s", p.year, seasonCode(p.part))
	case unitQuarter:
		return fmt.Sprintf("%04d-Q%d", p.year, p.part)
	case unitHalf:
		return fmt.Sprintf("%04d-H%d", p.year, p.part)
	case unitDecade:
		return fmt.Sprintf("%03d", floorDiv(p.year, 10))
	case unitCentury:
		return fmt.Sprintf("%02d", floorDiv(p.year, 100))
	}
	return fmt.Sprintf("%04d", p.year)
}

// first returns the first day the period covers.
func (p period) first() Date {
	switch p.gran {
	case unitDay:
		return NewDate(p.year, timeMonth(p.month), p.day)
	case unitWeek, unitWeekend:
		jan4 := NewDate(p.year, 1, 4)
		monday := jan4.AddDays(1 - isoWeekday(jan4) + 7*(p.week-1))
		if p.gran == unitWeekend {
			return monday.AddDays(5)
		}
		return monday
	case unitMonth:
		return NewDate(p.year, timeMonth(p.month), 1)
	case unitSeason:
		return NewDate(p.year, timeMonth(3*int(p.part)), 1)
	case unitQuarter:
		return NewDate(p.year, timeMonth(3*int(p.part)-2), 1)
	case unitHalf:
		return NewDate(p.year, timeMonth(6*int(p.part)-5), 1)
	case unitDecade:
		return NewDate(floorDiv(p.year, 10)*10, 1, 1)
	case unitCentury:
		return NewDate(floorDiv(p.year, 100)*100, 1, 1)
	}
	return NewDate(p.year, 1, 1)
}

// precision returns how much of the calendar the period pins down.
func (p period) precision() Precision {
	switch p.gran {
	case unitDay:
		return PrecisionDay
	case unitWeek, unitWeekend:
		return PrecisionWeek
	case unitMonth:
		return PrecisionMonth
	case unitSeason:
		return PrecisionSeason
	case unitQuarter, unitHalf:
		return PrecisionQuarter
	case unitDecade:
		return PrecisionDecade
	case unitCentury:
		return PrecisionCentury
	}
	return PrecisionYear
}

// placeholder returns the TIMEX3 value of a period of granularity gran
// whose anchor is unknown ("XXXX-WXX", "XXXX-XX-XX").
func placeholder(gran unit) string {
	switch gran {
	case unitDay:
		return "XXXX-XX-XX"
	case unitWeek:
		return "XXXX-WXX"
	case unitWeekend:
		return "XXXX-WXX-WE"
	case unitMonth:
		return "XXXX-XX"
	case unitSeason:
		return "XXXX-XX"
	case unitQuarter:
		return "XXXX-QX"
	case unitHalf:
		return "XXXX-HX"
	case unitDecade:
		return "XXX"
	case unitCentury:
		return "XX"
	}
	return "XXXX"
}

// timeSuffix returns the time part of a value: "T15:00", "TMO", or "".
func timeSuffix(m meaning) string {
	switch {
	case m.clock && m.second != 0:
		return fmt.Sprintf("T%02d:%02d:%02d", m.hour, m.minute, m.second)
	case m.clock:
		return fmt.Sprintf("T%02d:%02d", m.hour, m.minute)
	case m.podCode && m.pod != podNone:
		return "T" + m.pod.code()
	}
	return ""
}

// durationValue returns the TIMEX3 value of an amount of time: "P3D",
// "PT24H", "P10Y", "PXD".
func durationValue(m meaning) string {
	u, amt := m.gran, m.amount
	if m.clock {
		return clockDuration(m)
	}
	if m.amountX {
		return "P" + timePrefix(u) + "X" + unitLetter(u)
	}
	switch u {
	case unitDecade:
		u, amt = unitYear, amt*10
	case unitCentury:
		u, amt = unitYear, amt*100
	case unitFortnight:
		u, amt = unitWeek, amt*2
	case unitQuarter:
		u, amt = unitMonth, amt*3
	}
	for amt != float64(int64(amt)) {
		smaller, times := smallerUnit(u)
		if smaller == unitNone {
			break
		}
		u, amt = smaller, amt*times
	}
	return "P" + timePrefix(u) + strconv.FormatFloat(amt, 'f', -1, 64) + unitLetter(u)
}

// clockDuration returns the value of a time written like a clock:
// "3:07:35" is PT3H7M35S.
func clockDuration(m meaning) string {
	s := "PT"
	if m.hour != 0 {
		s += strconv.Itoa(int(m.hour)) + "H"
	}
	if m.minute != 0 {
		s += strconv.Itoa(int(m.minute)) + "M"
	}
	if m.second != 0 || s == "PT" {
		s += strconv.Itoa(int(m.second)) + "S"
	}
	return s
}

// smallerUnit is the unit a fraction of u is written in, and how many
// of them make one u.
func smallerUnit(u unit) (unit, float64) {
	switch u {
	case unitYear:
		return unitMonth, 12
	case unitWeek:
		return unitDay, 7
	case unitDay:
		return unitHour, 24
	case unitHour:
		return unitMinute, 60
	case unitMinute:
		return unitSecond, 60
	}
	return unitNone, 0
}

// timePrefix is "T" for units shorter than a day.
func timePrefix(u unit) string {
	if u == unitHour || u == unitMinute || u == unitSecond {
		return "T"
	}
	return ""
}

// unitLetter is the TIMEX3 letter of a duration unit.
func unitLetter(u unit) string {
	switch u {
	case unitSecond:
		return "S"
	case unitMinute, unitMonth:
		return "M"
	case unitHour:
		return "H"
	case unitDay:
		return "D"
	case unitWeekend:
		return "WE"
	case unitWeek, unitFortnight:
		return "W"
	case unitQuarter:
		return "Q"
	case unitDecade:
		return "DE"
	case unitCentury:
		return "CE"
	}
	return "Y"
}

// setValue returns the TIMEX3 value of a recurrence: "XXXX-WXX-1",
// "XXXX-XX-XXTMO", "XXXX-01", "XXXX-SU", "P1W".
func setValue(m meaning) string {
	switch {
	case m.weekday > 0 && m.podCode && m.pod != podNone:
		return fmt.Sprintf("XXXX-WXX-%dT%s", m.weekday, m.pod.code())
	case m.weekday > 0:
		return fmt.Sprintf("XXXX-WXX-%d", m.weekday)
	case m.podCode && m.pod != podNone:
		return "XXXX-XX-XXT" + m.pod.code()
	case m.month > 0:
		return fmt.Sprintf("XXXX-%02d", m.month)
	case m.season > 0:
		return "XXXX-" + seasonCode(m.season)
	case m.gran == unitWeekend:
		return "XXXX-WXX-WE"
	}
	if m.amount == 0 {
		m.amount = 1
	}
	return durationValue(m)
}

// floorDiv divides rounding towards minus infinity.
func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
