package read

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/araddon/dateparse"

	"github.com/timeline-project/timeline/timeline/timex"
)

// maxDateStringLen bounds what is handed to dateparse: a date and time,
// however spelled, is far shorter.
const maxDateStringLen = 64

var (
	// unixTimeLike is a run of nine or more digits, which dateparse would
	// read as seconds or milliseconds since 1970.
	unixTimeLike = regexp.MustCompile(`^\d{9,}$`)
	// beforeCommonEra is an era marker of a year before year 1, which
	// dateparse would read as a time zone of a year of this century.
	beforeCommonEra = regexp.MustCompile(`(?i)\bB\.?\s?C\.?(\s?E\.?)?(\W|$)`)
	// numericDate is a date of numbers only, perhaps with a time after
	// it: 23.05.2023, 05/23/2023, 23-05-2023 10:00.
	numericDate = regexp.MustCompile(`^(\d{1,2})([./-])(\d{1,2})([./-])(\d{4})(?:$|[ T,])`)
)

// errAmbiguousDate is returned for a numeric date whose day and month
// could be either way round (03/04/2023).
var errAmbiguousDate = errors.New("day and month could be either way round")

// parseDateString reads a date, or a date and time, written as free text
// (a front matter value) and returns the calendar date as written: a
// timestamp's date in its own offset, not converted to another zone.
//
// It is the project's only call into dateparse, and guards against its
// known traps: it guesses month-first (so ambiguous numeric dates are
// refused, but dotted ones are read day-first, as they are written), it
// returns year 0 for a date without a year, it reads long digit runs as
// Unix time, it takes "BCE" for a time zone (so "March 15, 44 BCE" would
// be 2044), and it has panicked on odd input. Its work is bounded by
// maxDateStringLen.
func parseDateString(s string) (d timex.Date, err error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return timex.Date{}, errors.New("empty date")
	case len(s) > maxDateStringLen:
		return timex.Date{}, fmt.Errorf("date %.20q… is too long", s)
	case unixTimeLike.MatchString(s):
		return timex.Date{}, fmt.Errorf("date %q is a bare number", s)
	case beforeCommonEra.MatchString(s):
		return timex.Date{}, fmt.Errorf("date %q is before the common era: years 1 to 9999 only", s)
	}
	defer func() {
		if r := recover(); r != nil {
			d, err = timex.Date{}, fmt.Errorf("date %q: dateparse panicked: %v", s, r)
		}
	}()
	if m := numericDate.FindStringSubmatch(s); m != nil && m[2] == m[4] {
		return numericDay(s, m[1], m[2], m[3], m[5])
	}
	t, err := dateparse.ParseStrict(s)
	if errors.Is(err, dateparse.ErrAmbiguousMMDD) {
		return timex.Date{}, fmt.Errorf("date %q: %w", s, errAmbiguousDate)
	}
	if err != nil {
		return timex.Date{}, fmt.Errorf("date %q: %w", s, err)
	}
	d = timex.DateOf(t)
	if d.Year < 1 || d.Year > 9999 {
		return timex.Date{}, fmt.Errorf("date %q: year %d is out of range or missing", s, d.Year)
	}
	return d, nil
}

// numericDay reads the day of a numeric date, whose order dateparse
// would guess: dotted dates are day-first, as they are written; with a
// slash or hyphen the order is known only when one of the first two
// numbers cannot be a month.
func numericDay(s, a, sep, b, year string) (timex.Date, error) {
	// The regular expression let only digits through: no error to check.
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	yr, _ := strconv.Atoi(year)
	day, month := x, y
	switch {
	case sep == ".", x > 12:
	case y > 12:
		day, month = y, x
	default:
		return timex.Date{}, fmt.Errorf("date %q: %w", s, errAmbiguousDate)
	}
	d := timex.NewDate(yr, time.Month(month), day)
	if month < 1 || month > 12 || d.Day != day || yr < 1 {
		return timex.Date{}, fmt.Errorf("date %q: no such day", s)
	}
	return d, nil
}

// statedClock matches the time of day after the date of a date string
// ("2023-06-29T01:12:00Z", "Thu, 29 Jun 2023 01:12:00 GMT").
var statedClock = regexp.MustCompile(`(?:T|\s)([01]?\d|2[0-3]):([0-5]\d)\b(?::\d\d)?(?:\s*([AaPp])\.?[Mm]\b)?`)

// clockIn returns the time of day a date string states, "15:04" as
// written, in the zone it is written in (which is the zone of the date
// parseDateString reads), or "" when it states none. Midnight is taken
// for none: "2023-06-29T00:00:00Z" most often writes a day alone.
func clockIn(s string) string {
	m := statedClock.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	h, _ := strconv.Atoi(m[1]) // the expression let only digits through
	switch {
	case (m[3] == "p" || m[3] == "P") && h < 12:
		h += 12 // "10:00 PM"
	case (m[3] == "a" || m[3] == "A") && h == 12:
		h = 0 // "12:30 AM"
	}
	if h == 0 && m[2] == "00" {
		return ""
	}
	return fmt.Sprintf("%02d:%s", h, m[2])
}
