package site

import (
	"cmp"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline"
)

// A source is named to a reader by its outlet (its publisher) and the
// day it was published. A source without a publisher is named by its
// title; a title guessed from the first words of a text may open with a
// byline or a time stamp ("By Finlo Rohrer BBC News, Washington …",
// "09:27 UK time, Friday, 28 May 2010 …"), which name no source and are
// left out.

// sourceName returns the shortest name that tells a reader which source
// it is: its publisher, else its title without a byline or stamp
// (see readableTitle), else its file name, else its ID.
func sourceName(src *timeline.Source) string {
	return cmp.Or(strings.TrimSpace(src.Publisher), readableTitle(src.Title), src.File, src.ID)
}

// nameOf returns sourceName(src), made once per story.
func (st *story) nameOf(src *timeline.Source) string {
	if n, ok := st.names[src.ID]; ok {
		return n
	}
	return sourceName(src)
}

// sourceLabel returns the name of src (see sourceName) and the day it
// was published: "Example News, 23 May 2023"; the name alone when the
// day is unknown.
func sourceLabel(src *timeline.Source, name string) string {
	name = shorten(name, maxCiteName)
	if d := shortDate(src.Published.Date); d != "" {
		return name + ", " + d
	}
	return name
}

// compareSources orders sources by the day they were published, those
// of an unknown day last, then by ID.
func compareSources(a, b *timeline.Source) int {
	da, db := a.Published.Date, b.Published.Date
	if da.IsZero() != db.IsZero() {
		if da.IsZero() {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(da.Year, db.Year), cmp.Compare(da.Month, db.Month), cmp.Compare(da.Day, db.Day), cmp.Compare(a.ID, b.ID))
}

// Parts of a title that name no source: a time of day ("09:27",
// "17:26 GMT", "10.30am local time"), a weekday, a date ("28 May 2010",
// "May 28, 2010", "2010-05-28"), words that announce them ("Updated",
// "Last updated"), and the marks between them.
var (
	stampTime  = `\d{1,2}[:.]\d{2}(?:\s?(?:[ap]\.?m\.?))?(?:\s(?:UK time|local time|[A-Z]{2,4}))?`
	stampMonth = `(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`
	stampDate  = `(?:\d{1,2}\s` + stampMonth + `(?:\s\d{4})?|` + stampMonth + `\s\d{1,2}(?:st|nd|rd|th)?(?:,?\s\d{4})?|\d{4}-\d{2}-\d{2})`
	stampDay   = `(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?`
	stampWord  = `(?i:last updated|updated|published|posted)(?:\s(?:on|at))?:?`
	leadStamp  = regexp.MustCompile(`^(?:[\s\-–—|:,;•·]+|(?:` + stampWord + `|` + stampTime + `|` + stampDay + `,|(?:` + stampDay + `,?\s)?` + stampDate + `)(?:[\s,;:|–—-]|$))`)
	// A name before a bar that opens a title ("William Crawley | …"):
	// at most four capitalised words.
	leadBarName = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\s*\|\s*`)
)

// bylineAt returns where a byline that opens t ends: "By", the
// capitalised words of names and an outlet, then perhaps ", Place"; the
// last capitalised word is the title's own where a word in lower case
// follows it. nil when t opens with no byline.
func bylineAt(t string) []int {
	if !strings.HasPrefix(t, "By ") {
		return nil
	}
	words := strings.Fields(t[len("By "):])
	upper := func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	n := 0 // the words of the byline
	for n < len(words) && n < 8 && upper(words[n]) {
		n++
		if strings.HasSuffix(words[n-1], ",") { // ", Place"
			if n < len(words) && upper(words[n]) {
				n++
			}
			break
		}
		if n < len(words) && !upper(words[n]) && n > 1 {
			n-- // the title's first word
			break
		}
	}
	if n == 0 {
		return nil
	}
	end := len("By ")
	for _, w := range words[:n] {
		end = strings.Index(t[end:], w) + end + len(w)
	}
	return []int{0, end}
}

// readableTitle returns title without the bylines and stamps it opens
// with; "" when less than two words are left.
func readableTitle(title string) string {
	t := strings.TrimSpace(title)
	for {
		loc := leadStamp.FindStringIndex(t)
		if loc == nil {
			loc = bylineAt(t)
		}
		if loc == nil {
			loc = leadBarName.FindStringIndex(t)
		}
		if loc == nil || loc[1] == 0 {
			break
		}
		t = strings.TrimLeftFunc(t[loc[1]:], unicode.IsSpace)
	}
	if len(strings.Fields(t)) < 2 {
		return "" // nothing left worth reading: "Ev…"
	}
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}
