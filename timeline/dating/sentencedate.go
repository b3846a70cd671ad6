package dating

import (
	"regexp"
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/words"
)

// SentenceDating is the date a sentence reports and how it was found:
// by an expression of its own, as background, or by the sentence before
// it ("by context").
type SentenceDating struct {
	Date      timex.Date
	Precision timex.Precision
	PartOfDay string
	// Span is the words that dated it; empty when dated by context.
	Span  timeline.Span
	Basis timeline.DateBasis
	// DatedBy, root and rootBasis are, for a sentence dated by context,
	// the sentence whose date it takes and the words that dated that one.
	DatedBy   int
	Root      timeline.Span
	RootBasis timeline.DateBasis
	// Background is true for a happening well before the story's days.
	Background bool
	// Drop is true for a sentence that names a time, none of which dates
	// what it reports (a day to come): it is no mention.
	Drop bool
	// N is the number of the sentence dated (Sentence.N), where it is the
	// sentence before one that may take its date (SentenceContext.prev).
	N int
}

// staleDays is how long before its source's publication a date may be
// and still be taken by a following sentence that says nothing of its
// own time: past it, only a sentence that plainly goes on telling the
// past takes it.
const staleDays = 28

// SentenceContext is what dating a sentence reads beside the sentence.
type SentenceContext struct {
	Text      string
	Exprs     []timex.Expr
	Values    []timex.Value
	Published timeline.Published
	// Prev is the dating of the sentence just before, in its block,
	// when a sentence may still take its date (nil otherwise).
	Prev *SentenceDating
}

// DateSentence returns how sentence s is dated. exprs and values are
// its source's article expressions and their values; next is the index
// of the first of them that does not end before s. An expression that
// bounds a span that began long before ("since 20 April" in July), that
// anchors a count ("two days after 12 January") or that names a year as
// a noun's modifier ("the 2004 tsunami") says what the sentence is
// about, not when it happens: it dates nothing, but keeps the sentence
// from taking the date of the one before.
func DateSentence(c SentenceContext, s timeline.Sentence, next int) SentenceDating {
	pub := c.Published.Date
	label := labelBefore(c.Text, c.Exprs, next, s.Span)
	own, dating := 0, make([]int, 0, 4)
	if label >= 0 {
		own++
		dating = append(dating, label)
	}
	for i := next; i < len(c.Exprs) && c.Exprs[i].Start < s.Span.End; i++ {
		e := c.Exprs[i]
		if e.End > s.Span.End || e.Type != timex.TypeDate && e.Type != timex.TypeTime {
			continue
		}
		own++
		switch b := spanBound(c.Text, e); {
		case b == boundAnchor || modifierYear(c.Text, e) || inRelativeClause(c.Text, e, s.Span):
		case b == boundSpan && (pub.IsZero() || c.Values[i].Date.AddDays(staleDays).Before(pub)):
		case staleClock(c, s.Span, i), unanchoredClock(c, i):
		default:
			dating = append(dating, i)
		}
	}
	if i := firstDay(c.Exprs, c.Values, dating, pub); i >= 0 {
		v := c.Values[i]
		return SentenceDating{Date: v.Date, Precision: timex.PrecisionDay, PartOfDay: v.PartOfDay,
			Span: timeline.Span{Start: c.Exprs[i].Start, End: c.Exprs[i].End}, Basis: dateBasis(c.Exprs[i], c.Published),
			Background: !pub.IsZero() && v.Date.AddDays(backgroundDays).Before(pub)}
	}
	if i := firstPast(c.Exprs, c.Values, dating, pub); i >= 0 {
		v := c.Values[i]
		return SentenceDating{Date: v.Date, Precision: v.Precision, Span: timeline.Span{Start: c.Exprs[i].Start, End: c.Exprs[i].End},
			Basis: dateBasis(c.Exprs[i], c.Published), Background: true}
	}
	if own == 0 && c.Prev != nil && takesDateOf(s.Span.Of(c.Text), c.Prev.Date, pub) {
		p := c.Prev
		d := SentenceDating{Date: p.Date, Precision: p.Precision, PartOfDay: p.PartOfDay, Basis: timeline.DatedContext,
			DatedBy: p.N, Background: p.Background, Root: p.Span, RootBasis: p.Basis}
		if p.Basis == timeline.DatedContext {
			d.DatedBy, d.Root, d.RootBasis = p.DatedBy, p.Root, p.RootBasis
		}
		return d
	}
	// A time to come of its own makes it no mention; a time that dates
	// nothing else ("now", "in the past", "this year") or a span's bounds
	// leave it undated.
	return SentenceDating{Drop: slices.ContainsFunc(dating, func(i int) bool { return toCome(c.Exprs[i], c.Values[i], pub) })}
}

// toCome reports whether an expression names a time to come: in the
// future tense, a reference to the future, or after the publication.
func toCome(e timex.Expr, v timex.Value, pub timex.Date) bool {
	return e.Tense == timex.TenseFuture || v.TIMEX3 == "FUTURE_REF" || !pub.IsZero() && !v.Date.IsZero() && v.Date.After(pub)
}

// staleClock reports whether expression i is a clock time that fell on
// a day the text named long before the publication and not in the
// sentence itself: a live page's "(10:55 a.m. ET) Four thousand flights
// have been canceled" after "The record is 24.5 inches set April 6,
// 1886". It tells no day; "On Sept. 11, 2001, at 8:46 a.m." does.
func staleClock(c SentenceContext, span timeline.Span, i int) bool {
	e, v, pub := c.Exprs[i], c.Values[i], c.Published.Date
	if e.Type != timex.TypeTime || pub.IsZero() || v.Date.IsZero() || !v.Date.AddDays(staleDays).Before(pub) {
		return false
	}
	for j, f := range c.Exprs {
		if j != i && f.Start >= span.Start && f.End <= span.End && f.Type == timex.TypeDate && c.Values[j].Date == v.Date {
			return false
		}
	}
	return true
}

// unanchoredClock reports whether expression i is a clock time in a
// past clause that no day named before it places: "The quake - Haiti's
// worst in two centuries - struck at 1653 (2153 GMT)" in an article of
// twelve days later tells the hour, not the day, of what it recalls.
func unanchoredClock(c SentenceContext, i int) bool {
	e, v, pub := c.Exprs[i], c.Values[i], c.Published.Date
	if e.Type != timex.TypeTime || e.Tense != timex.TensePast && e.Tense != timex.TenseUnknown || pub.IsZero() || v.Date != pub || !clockOnly.MatchString(c.Text[e.Start:e.End]) {
		return false
	}
	for j := range i {
		if c.Exprs[j].Type == timex.TypeDate && c.Values[j].Date == pub {
			return false
		}
	}
	return true
}

// clockOnly matches a time that names an hour and no day: "1653 (2153
// GMT)", "9:30 a.m.", not "Tuesday afternoon" or "10 a.m. Monday".
var clockOnly = regexp.MustCompile(`^[^A-Za-z]*\d[^A-Za-z]*(?:(?i:[ap]\.?\s?m\.?|GMT|UTC|BST|CET|EST|EDT|ET|local time|hours?|h)[^A-Za-z]*)*$`)

// labelBefore returns the index of the expression that heads the line of
// sentence span as its label ("1988: The Anfal campaign begins", "26
// December: Observers arrive"), a sentence of its own just before it;
// -1 if none. next is the index of the first expression that does not
// end before span.
func labelBefore(text string, exprs []timex.Expr, next int, span timeline.Span) int {
	i := next - 1
	if i < 0 || next > len(exprs) {
		return -1
	}
	e := exprs[i]
	if e.Type != timex.TypeDate && e.Type != timex.TypeTime || e.End > span.Start {
		return -1
	}
	if strings.TrimSpace(text[e.End:span.Start]) != ":" {
		return -1
	}
	start := strings.LastIndexByte(text[:e.Start], '\n') + 1
	if strings.TrimSpace(text[start:e.Start]) != "" {
		return -1
	}
	return i
}

// Kinds of bound an expression sets, as spanBound returns them.
const (
	boundNone   = iota
	boundSpan   // "since 20 April", "until Monday", "from March to May"
	boundAnchor // "two days after 12 January"
)

// spanBound returns which bound expression e sets, if any: it begins or
// ends a span ("since 20 April", "until Monday", "from March" to a later
// date), or it anchors a date counted from it ("two days after 12
// January") or names a deadline ("a deadline of Saturday"). A span that
// began or ended in the days of the story dates what its sentence
// reports ("clashes since Monday morning"); one that began long before
// is the background of what goes on now.
func spanBound(text string, e timex.Expr) int {
	w, at := wordBefore(text, e.Start)
	switch strings.ToLower(w) {
	case "since", "until", "till", "through", "thru", "from":
		return boundSpan
	case "to":
		if strings.Contains(strings.ToLower(lastWords(text[:e.Start], 6)), "from") {
			return boundSpan
		}
	case "after", "before":
		if d, _ := wordBefore(text, at); durationWord(d) {
			return boundAnchor
		}
	case "of", "for", "on":
		if d, _ := wordBefore(text, at); strings.EqualFold(d, "deadline") || strings.EqualFold(d, "deadlines") {
			return boundAnchor // "set a deadline of Saturday": when to comply, not when it was set
		}
	case "deadline":
		return boundAnchor
	}
	return boundNone
}

// durationWord reports whether w counts time: "days", "weeks", "hours".
func durationWord(w string) bool {
	switch strings.ToLower(w) {
	case "days", "day", "weeks", "week", "months", "month", "hours", "hour", "years", "year", "minutes":
		return true
	}
	return false
}

// modifierYear reports whether e is a year that qualifies a noun ("the
// 2004 tsunami", "Kerry's 2004 presidential campaign") rather than dates
// what the sentence reports; after a temporal preposition ("in the 2004
// election") it dates it.
func modifierYear(text string, e timex.Expr) bool {
	y := text[e.Start:e.End]
	if len(y) != 4 || !words.IsDigits(y) {
		return false
	}
	w, at := wordBefore(text, e.Start)
	before := strings.ToLower(w)
	if before != "the" && before != "a" && before != "its" && before != "his" && before != "her" &&
		before != "their" && !strings.HasSuffix(before, "'s") && !strings.HasSuffix(before, "’s") {
		return false
	}
	if before == "the" || before == "a" {
		p, _ := wordBefore(text, at)
		switch strings.ToLower(p) {
		case "in", "during", "since", "before", "after", "until", "at", "for", "of", "on":
			return false
		}
	}
	after := strings.TrimLeft(text[e.End:], " ")
	start, end := words.Next(after, 0)
	return start == 0 && end > 0 && !yearFollowers[strings.ToLower(after[start:end])]
}

// inRelativeClause reports whether expression e of the sentence at span
// stands in a relative clause set off by commas inside it, the sentence
// going on after the clause: "The Titan, which disappeared on Sunday,
// experienced a catastrophic implosion." The clause's day is not when
// the sentence's news happened.
func inRelativeClause(text string, e timex.Expr, span timeline.Span) bool {
	open := strings.LastIndexByte(text[span.Start:e.Start], ',')
	if open < 0 {
		return false
	}
	clause := strings.TrimLeft(text[span.Start+open+1:e.Start], " ")
	if !relativePronouns[strings.ToLower(firstWord(clause))] {
		return false
	}
	end := strings.IndexByte(text[e.End:span.End], ',')
	if end < 0 {
		return false
	}
	next := firstWord(strings.TrimLeft(text[e.End+end+1:span.End], " "))
	return next != "" && next == strings.ToLower(next) && !clauseOpeners[next]
}

// firstWord returns the word s starts with, "" when it starts otherwise.
func firstWord(s string) string {
	start, end := words.Next(s, 0)
	if start != 0 || end <= 0 {
		return ""
	}
	return s[:end]
}

// relativePronouns open a relative clause after a comma.
var relativePronouns = words.SetOf(`which who whose`)

// clauseOpeners are words after a comma that go on with another
// clause or phrase rather than the sentence's own verb.
var clauseOpeners = words.SetOf(`and but or which who whose where when while as according after before since
	then including the a an in on at of for to from with by`)

// yearFollowers are words after a year that show it is no modifier.
var yearFollowers = words.SetOf(`and or to was were is are had has when as in on at by with for of that which who`)

// wordBefore returns the word that ends just before offset i of text,
// past white space, and where it starts; "" when something else comes
// first.
func wordBefore(text string, i int) (string, int) {
	if i <= 0 || i > len(text) {
		return "", 0
	}
	j := len(strings.TrimRight(text[:i], " \t\n\u00a0"))
	k := j
	for k > 0 && (isASCIIWordByte(text[k-1]) || text[k-1] == '\'') {
		k--
	}
	if k >= 3 && text[k-3:k] == "’" { // "Kerry’s"
		k -= 3
		for k > 0 && isASCIIWordByte(text[k-1]) {
			k--
		}
	}
	return text[k:j], k
}

// isASCIIWordByte reports whether c is an ASCII letter or digit.
func isASCIIWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

// lastWords returns the last n words of s, joined by spaces.
func lastWords(s string, n int) string {
	ws := words.Split(s[max(0, len(s)-n*24):])
	if len(ws) > n {
		ws = ws[len(ws)-n:]
	}
	return strings.Join(ws, " ")
}

// firstDay returns the first of the expressions numbered candidates that
// names a day not after published (when known) and not in the future
// tense; -1 if none.
func firstDay(exprs []timex.Expr, values []timex.Value, candidates []int, published timex.Date) int {
	for _, i := range candidates {
		e, v := exprs[i], values[i]
		if v.Precision != timex.PrecisionDay || v.Date.IsZero() || e.Tense == timex.TenseFuture {
			continue
		}
		if !published.IsZero() && v.Date.After(published) {
			continue
		}
		return i
	}
	return -1
}

// firstPast returns the first of the expressions numbered candidates
// that names a month or a year wholly before the month of publication
// ("in 2015", "in March last year"): background; -1 if none.
func firstPast(exprs []timex.Expr, values []timex.Value, candidates []int, published timex.Date) int {
	if published.IsZero() {
		return -1
	}
	for _, i := range candidates {
		e, v := exprs[i], values[i]
		if e.Type != timex.TypeDate || v.Date.IsZero() || e.Tense == timex.TenseFuture {
			continue
		}
		switch v.Precision {
		case timex.PrecisionMonth:
			if v.Date.Year < published.Year || v.Date.Year == published.Year && v.Date.Month < published.Month {
				return i
			}
		case timex.PrecisionYear:
			if v.Date.Year < published.Year {
				return i
			}
		}
	}
	return -1
}

// backgroundDays is how long before its source's publication a day must
// be for a happening on it to be background to the story.
const backgroundDays = 60

// dateBasis returns how an expression dates its sentence: explicitly
// when it prints a month and day, else against its source's publication
// date, printed or inferred.
func dateBasis(e timex.Expr, pub timeline.Published) timeline.DateBasis {
	if _, ok := e.Absolute(); ok {
		return timeline.DatedExplicit
	}
	if _, ok := e.InYear(2000); ok {
		return timeline.DatedExplicit
	}
	if pub.Basis == timeline.BasisInferred {
		return timeline.DatedInferred
	}
	return timeline.DatedRelative
}
