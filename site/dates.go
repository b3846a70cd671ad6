package site

import (
	"fmt"
	"time"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

// precisionName returns the precision of e as timeline.json names it:
// "day", "month" or "year". Anything coarser than a month is a year, as
// Event.DateString writes it.
func precisionName(e *timeline.Event) string {
	switch e.Precision {
	case timex.PrecisionDay, timex.PrecisionMonth:
		return e.Precision.String()
	}
	return timex.PrecisionYear.String()
}

// dayHeading returns the heading of the section of e's date:
// "Monday, 22 May 2023", "May 2023" or "2023".
func dayHeading(e *timeline.Event) string {
	if e.Precision == timex.PrecisionDay {
		return e.Date.Time().Format("Monday, 2 January 2006")
	}
	return dateLabel(e)
}

// dateLabel returns e's date in short: "22 May 2023", "May 2023" or "2023".
func dateLabel(e *timeline.Event) string {
	switch e.Precision {
	case timex.PrecisionDay:
		return longDate(e.Date)
	case timex.PrecisionMonth:
		return e.Date.Time().Format("January 2006")
	}
	return fmt.Sprint(e.Date.Year)
}

// longDate returns d as "22 May 2023", or "" for the zero Date.
func longDate(d timex.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("2 January 2006")
}

// shortDate returns d as "22 May 2023", the month cut to three letters
// ("22 Sep 2023"), or "" for the zero Date.
func shortDate(d timex.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("2 Jan 2006")
}

// basisName returns how a publication date was known as timeline.json
// names it; an unset basis is "unknown".
func basisName(p timeline.Published) string {
	if p.Basis == "" {
		return string(timeline.BasisUnknown)
	}
	return string(p.Basis)
}

// knownBy says in words how a publication date was known, for showing
// beside the date: "front matter", "from the text: <evidence>",
// "inferred: <evidence>". For an unknown date it is the evidence, if
// any, since "unknown" is said by the missing date itself.
func knownBy(p timeline.Published) string {
	var words string
	switch p.Basis {
	case timeline.BasisFrontMatter:
		return "front matter"
	case timeline.BasisText:
		words = "from the text"
	case timeline.BasisInferred:
		words = "inferred"
	case "", timeline.BasisUnknown:
		return p.Evidence
	default:
		words = string(p.Basis)
	}
	if p.Evidence == "" {
		return words
	}
	return words + ": " + p.Evidence
}

// count returns "1 entry" or "n entries".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// shortWeekday returns "Mon" for a day-precise event, else "".
func shortWeekday(e *timeline.Event) string {
	if e.Precision != timex.PrecisionDay {
		return ""
	}
	return e.Date.Time().Format("Mon")
}

// isoLabel returns a date written YYYY-MM-DD, YYYY-MM or YYYY as
// "22 May 2023", "May 2023" or "2023"; "" when s is none of these.
func isoLabel(s string) string {
	for _, layout := range [...]struct{ in, out string }{
		{"2006-01-02", "2 January 2006"}, {"2006-01", "January 2006"}, {"2006", "2006"},
	} {
		if t, err := time.Parse(layout.in, s); err == nil {
			return t.Format(layout.out)
		}
	}
	return ""
}
