package timex

// meaning is what an expression's words say before anchoring. It is
// filled by Find and read by Resolve.
//
// Its kind says how it is anchored; the other fields are the pieces the
// words printed. A field that the words did not give is zero.
type meaning struct {
	kind kind
	// gran is the granularity of a calendar point or offset (unitDay,
	// unitWeek, unitMonth, ... unitCentury); for a duration or a set, its unit.
	gran unit
	// year, month and day as printed (0: not printed). For a decade the
	// year is its first (1990), for a century too (1900 for "the 20th century").
	year, month, day int
	season           int8 // 1 spring ... 4 winter
	part             int8 // quarter 1-4 or half 1-2, by gran
	weekday          int8 // 1 Monday ... 7 Sunday
	// shift is, for a weekday, month or season without a year, which one
	// is meant: shiftTense (by the clause's tense), shiftLast, shiftNext,
	// shiftThis; for an offset kind, the signed number of units.
	shift int
	// amount is a duration's or set's number of units; amountX when vague.
	amount  float64
	amountX bool
	pod     partOfDay
	podCode bool // the part of day goes into the value ("TMO")
	clock   bool // hour, minute and second were printed
	// label is true for a live page's clock label ("1917: The BBC's
	// David Willis says"), the time of day of the page's own day.
	label  bool
	hour   int8
	minute int8
	second int8
	mod    modifier
	ref    reference
	// relYear is true when the year is named from the document's:
	// "the first half of last year" (yearOffset -1), "March of this year".
	relYear    bool
	yearOffset int8
	// absolute is true when a four-digit year, a month and a day are all printed.
	absolute bool
	// ambiguous is true for a numeric date whose first two parts could
	// both be the month (03/04/2023): month holds the first, day the
	// second, until settleOrder settles the order. Unsettled, only its
	// year is certain.
	ambiguous bool
	// holiday is a feast whose date moves with the year (Easter,
	// Thanksgiving); month and day then hold its usual date.
	holiday holiday
	// within is, for a day that names a longer period ("the quarter
	// ended Sept. 30"), that period's unit: the value is the period.
	within unit
	// comparison is true for "the year-earlier quarter": a date the
	// narrative does not move to.
	comparison bool
	// periodBack is true for a year back that a figure is compared with
	// ("up from $10 million a year ago", "compared with $3 million last
	// year"): after a quarter, the same quarter a year before.
	periodBack bool
	// narrativeIfPast is true for "the next year": in a past clause it
	// follows the date the narrative last named, otherwise the document's.
	narrativeIfPast bool
	// byTense is true for "the end of the year": the clause's tense says
	// whether it is this year's or the one before.
	byTense bool
}

// kind is how a meaning is anchored.
type kind uint8

const (
	kindNone       kind = iota
	kindPoint           // a calendar date or period: fields printed, year maybe from the anchor
	kindWeekday         // a weekday near the anchor
	kindDayOffset       // the anchor day moved by shift days (yesterday, tonight)
	kindUnitOffset      // the anchor's unit moved by shift units (last week, 15 months ago)
	kindNarrative       // the narrative date moved by shift units (the next day)
	kindClock           // a time of day alone, on the narrative date
	kindDuration        // an amount of time
	kindSet             // a recurrence
	kindReference       // PRESENT_REF, PAST_REF, FUTURE_REF
)

// Shifts for a weekday, month or season without a year.
const (
	shiftTense = 0
	shiftLast  = -1
	shiftNext  = 1
	shiftThis  = 2
)

// unit is a calendar unit.
type unit uint8

const (
	unitNone unit = iota
	unitSecond
	unitMinute
	unitHour
	unitDay
	unitWeekend
	unitWeek
	unitFortnight
	unitMonth
	unitSeason
	unitQuarter
	unitHalf
	unitYear
	unitDecade
	unitCentury
)

// partOfDay is a part of the day the words name.
type partOfDay uint8

const (
	podNone partOfDay = iota
	podMorning
	podAfternoon
	podEvening
	podNight
	podOvernight
	podEarlyMorning
)

// name is the part of day in plain English, for Value.PartOfDay.
func (p partOfDay) name() string {
	return [...]string{"", "morning", "afternoon", "evening", "night", "overnight", "early morning"}[p]
}

// code is the TIMEX3 code of the part of day ("MO").
func (p partOfDay) code() string {
	return [...]string{"", "MO", "AF", "EV", "NI", "NI", "MO"}[p]
}

// modifier is a TIMEX3 mod.
type modifier uint8

const (
	modNone modifier = iota
	modStart
	modMid
	modEnd
	modApprox
	modMoreThan
	modLessThan
	modEqualOrMore
	modEqualOrLess
)

// String returns the TIMEX3 spelling of the mod.
func (m modifier) String() string {
	return [...]string{"", "START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN",
		"EQUAL_OR_MORE", "EQUAL_OR_LESS"}[m]
}

// reference is a vague TIMEX3 reference value.
type reference uint8

const (
	refNone reference = iota
	refPresent
	refPast
	refFuture
)

// String returns the TIMEX3 value of the reference.
func (r reference) String() string {
	return [...]string{"", "PRESENT_REF", "PAST_REF", "FUTURE_REF"}[r]
}
