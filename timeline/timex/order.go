package timex

import "strings"

// DateOrder is the order in which a source writes the day and the month
// of a numeric date. It settles the dates whose first two parts could
// both be the month: 03/04/2023 is March 4 month first, 3 April day first.
type DateOrder uint8

// Date orders.
const (
	// OrderUnknown leaves an ambiguous numeric date at what is certain:
	// its year ("2023"), or nothing when no year is printed.
	OrderUnknown DateOrder = iota
	// MonthFirst is the order of the United States: 03/04/2023 is March 4.
	MonthFirst
	// DayFirst is the order of most other places: 03/04/2023 is 3 April.
	DayFirst
)

// String returns "month-first", "day-first" or "unknown".
func (o DateOrder) String() string {
	switch o {
	case MonthFirst:
		return "month-first"
	case DayFirst:
		return "day-first"
	}
	return "unknown"
}

// FindOrder is Find for a source whose locale gives the order of its
// numeric dates (see OrderOfLocale). The text's own numeric dates come
// first: an ambiguous date is read as the text's unambiguous ones are
// written (23/05/2023 makes 03/04/2023 the 3rd of April); only a text
// whose dates do not tell falls back to order.
func FindOrder(text string, order DateOrder) []Expr {
	return find(text, order)
}

// monthFirstRegions write numeric dates month first.
var monthFirstRegions = map[string]bool{
	"us": true, "ph": true, "fm": true, "mh": true, "pw": true, "gu": true, "pr": true,
	"as": true, "vi": true, "um": true, "mp": true,
}

// yearFirstLanguages write numeric dates year first, so a day-month
// order is no habit of theirs.
var yearFirstLanguages = map[string]bool{
	"zh": true, "ja": true, "ko": true, "hu": true, "lt": true, "mn": true,
}

// OrderOfLocale returns the order in which a locale writes numeric
// dates, for a BCP 47 tag ("en-US", "en-GB", "fr", "pt_BR.UTF-8"):
// MonthFirst for the United States and the places that follow its
// usage, OrderUnknown for a bare "en", for Canada (which writes both)
// and for languages that write the year first, DayFirst otherwise.
func OrderOfLocale(tag string) DateOrder {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, ".@"); i >= 0 {
		tag = tag[:i]
	}
	parts := strings.FieldsFunc(tag, func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) == 0 {
		return OrderUnknown
	}
	lang, region := parts[0], ""
	for _, p := range parts[1:] {
		if len(p) == 2 || (len(p) == 3 && p[0] >= '0' && p[0] <= '9') {
			region = p
			break
		}
	}
	switch {
	case len(lang) < 2 || len(lang) > 3:
		return OrderUnknown
	case monthFirstRegions[region]:
		return MonthFirst
	case region == "ca" || yearFirstLanguages[lang] || (lang == "en" && region == ""):
		return OrderUnknown
	}
	return DayFirst
}

// orderEvidence is what the numeric dates of a text say of its order.
type orderEvidence struct {
	dayFirst, monthFirst, dotted bool
}

// note records what the numeric date nd says of the order: 23/05/2023
// is written day first, 05/23/2023 month first, 23.05.2023 in the
// dotted, day-first way of Europe. Only dates with a year count: a
// "1/16" may be a fraction.
func (ev *orderEvidence) note(nd *numeric) {
	switch {
	case nd.form == formDotted:
		ev.dotted = true
	case nd.form != formSlashed || nd.year == 0:
	case nd.first > 12:
		ev.dayFirst = true
	case nd.second > 12:
		ev.monthFirst = true
	}
}

// order returns the order the evidence settles, or fallback when it
// settles none: no numeric date that tells, or some of each order.
func (ev *orderEvidence) order(fallback DateOrder) DateOrder {
	switch {
	case ev.dayFirst && !ev.monthFirst:
		return DayFirst
	case ev.monthFirst && !ev.dayFirst:
		return MonthFirst
	case !ev.dayFirst && !ev.monthFirst && ev.dotted:
		return DayFirst
	}
	return fallback
}

// settleOrder reads the text's ambiguous numeric dates in the order
// its other numeric dates, or else the source's locale, settle.
func settleOrder(exprs []Expr, order DateOrder) {
	if order == OrderUnknown {
		return
	}
	for i := range exprs {
		m := &exprs[i].m
		if !m.ambiguous {
			continue
		}
		if order == DayFirst {
			m.month, m.day = m.day, m.month
		}
		m.ambiguous = false
	}
}
