// Package timex finds temporal expressions in English news text and
// resolves them to TimeML TIMEX3 values.
//
// It works in two steps. Find reads a text once and returns its
// expressions with what they say on their own ("Tuesday afternoon": a
// Tuesday, in the afternoon, in past-tense reporting). Resolve anchors
// them to a document creation time (DCT): the same found expressions can
// be resolved against several candidate dates cheaply, which is how a
// source's unknown publication date is inferred.
//
// The package is pure: no clock, no files, no globals that change.
package timex

import "slices"

// Type is a TIMEX3 type.
type Type string

// The TIMEX3 types.
const (
	TypeDate     Type = "DATE"
	TypeTime     Type = "TIME"
	TypeDuration Type = "DURATION"
	TypeSet      Type = "SET"
)

// Precision is how much of the calendar a resolved value pins down.
type Precision uint8

// Precisions, finest first. PrecisionNone is for values that are not a
// point on the calendar (durations, sets, PRESENT_REF, unresolved ones).
const (
	PrecisionNone Precision = iota
	PrecisionDay
	PrecisionWeek
	PrecisionMonth
	PrecisionSeason
	PrecisionQuarter
	PrecisionYear
	PrecisionDecade
	PrecisionCentury
)

// String returns the precision's name: "day", "week", "month", ....
func (p Precision) String() string {
	names := [...]string{"none", "day", "week", "month", "season", "quarter", "year", "decade", "century"}
	if int(p) < len(names) {
		return names[p]
	}
	return "unknown"
}

// Tense is the tense of the clause an expression stands in, as far as
// the words around it tell.
type Tense uint8

// Tenses.
const (
	TenseUnknown Tense = iota
	TensePast          // "said", "was", "has been": the default of news reporting
	TensePresent
	TenseFuture // "will", "is expected to", "plans to", "next"
)

// Expr is one temporal expression found in a text.
type Expr struct {
	// Start and End are byte offsets of the expression in the text given
	// to Find: text[Start:End] is its exact wording.
	Start, End int
	// Type is the expression's TIMEX3 type.
	Type Type
	// Tense is the tense of its clause.
	Tense Tense

	m meaning // what the words say, before anchoring
}

// Value is an expression resolved against a document creation time.
type Value struct {
	// TIMEX3 is the TimeML value: "2023-05-22", "2023-W21", "2023-05",
	// "2023", "P3D", "PRESENT_REF", "2023-05-23TAF", "XXXX-05-22".
	TIMEX3 string
	// Mod is the TIMEX3 mod attribute ("START", "END", "APPROX", ...), or "".
	Mod string
	// Date is the first day the value covers when it is a point or
	// period on the calendar with a known year (the Monday of a week,
	// the 1st of a month); the zero Date otherwise.
	Date Date
	// Precision is how much of the calendar Date pins down.
	Precision Precision
	// PartOfDay names the part of the day where the words give one, in
	// plain English: "morning", "afternoon", "evening", "night",
	// "overnight", "early morning"; "" otherwise.
	PartOfDay string
	// Relative is true when the value depended on the anchor date
	// ("yesterday", "on Monday", "May 22" without a year), false when
	// the text alone fixes it ("May 22, 2023", "2023-05-22").
	Relative bool
}

// Find returns the temporal expressions of text, ordered by Start and not
// overlapping. It accepts any bytes, never panics, and runs in time
// linear in len(text). A numeric date whose day and month could be
// either way round (03/04/2023) is read as the text's unambiguous
// numeric dates are written, else left at its year; FindOrder also
// takes the source's locale into account.
func Find(text string) []Expr {
	return find(text, OrderUnknown)
}

// Resolve returns the value of each of exprs, the expressions Find
// returned for one text, anchored to the document creation time dct.
// Expressions are resolved in order, so a date the text has just named
// can anchor a later relative one ("two days later"). With a zero dct
// only what the text alone fixes is resolved; other values keep X
// placeholders ("XXXX-05-22") and have PrecisionNone. So does a value
// that would fall outside the years 1 to 9999 ("last Wednesday" in a
// document of January 1 of the year 1).
func Resolve(exprs []Expr, dct Date) []Value {
	return resolve(exprs, resolver{dct: dct})
}

// ResolveDates is Resolve without the TIMEX3 strings of the values
// placed on the calendar, which may be "": their Date, Precision,
// Relative, Mod and PartOfDay are Resolve's. It is for a caller that
// places one text's expressions under many document dates, as inferring
// a publication date does.
func ResolveDates(exprs []Expr, dct Date) []Value {
	return resolve(exprs, resolver{dct: dct, datesOnly: true})
}

// ResolveDatesTo is ResolveDates, its values written over dst's, in
// dst's storage when it holds enough: a caller resolving the same
// expressions against many dates allocates once.
func ResolveDatesTo(dst []Value, exprs []Expr, dct Date) []Value {
	return resolveTo(dst, exprs, resolver{dct: dct, datesOnly: true})
}

// resolve resolves exprs in order with r.
func resolve(exprs []Expr, r resolver) []Value {
	return resolveTo(nil, exprs, r)
}

// resolveTo is resolve, its values written over dst's.
func resolveTo(dst []Value, exprs []Expr, r resolver) []Value {
	out := slices.Grow(dst[:0], len(exprs))[:len(exprs)]
	for i, e := range exprs {
		r.clockDay = r.dayAfterClock(exprs, i)
		v := r.value(e)
		if !v.Date.IsZero() && (v.Date.Year < 1 || v.Date.Year > 9999) {
			v = Value{TIMEX3: placeholder(e.m.gran), Mod: v.Mod, PartOfDay: v.PartOfDay}
		}
		out[i] = v
		r.notePeriod(e, v)
		if (e.m.kind == kindPoint || e.m.kind == kindWeekday || e.m.kind == kindDayOffset || e.m.kind == kindNarrative ||
			e.m.narrativeIfPast) && !e.m.comparison && !e.m.periodBack {
			r.remember(v)
		}
	}
	return out
}

// clockGap is the most bytes between a clock time and the day it is
// told on, or another clock time before that day: ") on ", " (".
const clockGap = 8

// dayAfterClock returns, for a clock time exprs[i], the day that the
// expression just after it names ("at 1653 (2153 GMT) on Tuesday"),
// past any other clock times of the same moment; else the zero Date.
// The clock time is of that day, not of the last day named before it.
func (r *resolver) dayAfterClock(exprs []Expr, i int) Date {
	if exprs[i].m.kind != kindClock {
		return Date{}
	}
	j := i + 1
	for j < len(exprs) && exprs[j].m.kind == kindClock && exprs[j].Start-exprs[j-1].End <= clockGap {
		j++
	}
	if j == len(exprs) || exprs[j].Start-exprs[j-1].End > clockGap {
		return Date{}
	}
	m := exprs[j].m
	if m.kind != kindWeekday && (m.kind != kindPoint || m.gran != unitDay) {
		return Date{}
	}
	if v := r.value(exprs[j]); v.Precision == PrecisionDay {
		return v.Date
	}
	return Date{}
}

// Absolute returns the date e names by itself, with year, month and day
// all printed ("May 22, 2023", "2023-05-22T10:00Z", "23.05.2023"), and
// true; otherwise the zero Date and false.
func (e Expr) Absolute() (Date, bool) {
	m := e.m
	if m.kind != kindPoint || !m.absolute || m.ambiguous || m.gran != unitDay || m.day > maxDay(m.month, m.year) {
		return Date{}, false
	}
	return Date{Year: m.year, Month: timeMonth(m.month), Day: m.day}, true
}

// InYear returns, for an expression that names a month and a day but no
// year ("May 22", "Wednesday, May 24", "22 March", "Christmas"), that
// day in year y, and true. It returns false for any other expression and
// when the day does not exist in y (February 29 of a common year).
func (e Expr) InYear(y int) (Date, bool) {
	m := e.m
	if m.kind != kindPoint || m.gran != unitDay || m.year != 0 || m.ambiguous || m.month == 0 || m.day == 0 {
		return Date{}, false
	}
	month, day := m.month, m.day
	if m.holiday != holNone {
		month, day = holidayDate(m.holiday, y)
	}
	if day > maxDay(month, y) {
		return Date{}, false
	}
	return Date{Year: y, Month: timeMonth(month), Day: day}, true
}

// YearByWeekday returns, for an expression that prints a weekday beside a
// month and day but no year ("Wednesday, May 24"), the year nearest to
// near in which that month and day fall on that weekday, and true. The
// year is one of 1 to 9999. It returns false for any other expression,
// and when near is outside 1 to 9999.
func (e Expr) YearByWeekday(near int) (int, bool) {
	m := e.m
	if m.kind != kindPoint || m.weekday == 0 || m.year != 0 || m.month == 0 || m.day == 0 || near < 1 || near > 9999 {
		return 0, false
	}
	// The calendar repeats every 400 years, so a year agrees within 200 either way.
	for k := 0; k <= 200; k++ {
		for _, y := range [2]int{near - k, near + k} {
			if y >= 1 && y <= 9999 && weekdayAgrees(y, m) {
				return y, true
			}
		}
	}
	return 0, false
}
