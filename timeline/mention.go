package timeline

import (
	"strings"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline/timex"
)

// mention is a sentence of one source that reports something happening
// or being said on a date.
type mention struct {
	src      *Source
	sentence Sentence
	// date is the day the sentence reports; precision is always day here.
	date      timex.Date
	partOfDay string
	// dateSpan is the span of the words that dated it.
	dateSpan Span
	// terms are what the sentence is about, for merging.
	terms []string
}

// text returns the mention's sentence as it stands in its source.
func (m *mention) text() string { return m.sentence.Span.Of(m.src.Text) }

// dateText returns the words that dated the mention.
func (m *mention) dateText() string { return m.dateSpan.Of(m.src.Text) }

// minMentionWords is how many words a sentence needs besides its date
// to report something.
const minMentionWords = 5

// mentionsOf returns the mentions of a source: every article sentence
// that is not a heading, reports something (it has a verb and enough
// words) and holds an expression naming a day that is not in the future
// of its publication.
func mentionsOf(r *reading) []mention {
	src := r.src
	exprs := r.article
	values := timex.Resolve(exprs, src.Published.Date)
	var out []mention
	next := 0
	for _, s := range src.Sentences {
		if s.N == 0 || src.Blocks[s.Block].Kind == Heading {
			continue
		}
		for next < len(exprs) && exprs[next].Start < s.Span.Start {
			next++
		}
		i := firstDay(exprs, values, next, s.Span, src.Published.Date)
		if i < 0 {
			continue
		}
		sentence := s.Span.Of(src.Text)
		dateSpan := Span{exprs[i].Start, exprs[i].End}
		if wordCount(sentence)-wordCount(dateSpan.Of(src.Text)) < minMentionWords || !hasVerb(sentence) {
			continue
		}
		out = append(out, mention{
			src: src, sentence: s, date: values[i].Date, partOfDay: values[i].PartOfDay,
			dateSpan: dateSpan, terms: terms(withoutDates(src.Text, s.Span, exprs[next:])),
		})
	}
	return out
}

// withoutDates returns the text of span with the temporal expressions
// in it left out: "May 22" says when, not what, and its 22 must not make
// two reports look alike.
func withoutDates(text string, span Span, exprs []timex.Expr) string {
	var b strings.Builder
	pos := span.Start
	for _, e := range exprs {
		if e.Start >= span.End {
			break
		}
		if e.Start >= pos && e.End <= span.End {
			b.WriteString(text[pos:e.Start])
			b.WriteByte(' ')
			pos = e.End
		}
	}
	b.WriteString(text[pos:span.End])
	return b.String()
}

// firstDay returns the index of the first expression from next on that
// lies in span and names a day not after published (when known) and not
// in the future tense; -1 if none.
func firstDay(exprs []timex.Expr, values []timex.Value, next int, span Span, published timex.Date) int {
	for i := next; i < len(exprs) && exprs[i].Start < span.End; i++ {
		e, v := exprs[i], values[i]
		if e.End > span.End || v.Precision != timex.PrecisionDay || v.Date.IsZero() {
			continue
		}
		if e.Type != timex.TypeDate && e.Type != timex.TypeTime || e.Tense == timex.TenseFuture {
			continue
		}
		if !published.IsZero() && v.Date.After(published) {
			continue
		}
		return i
	}
	return -1
}

// finiteVerbs are common verbs whose past or present form does not end
// in -ed: news reports something with them.
var finiteVerbs = setOf(`said says told tells is are was were has have had took takes made makes
began begins came comes went goes saw sees hit hits shot struck fled left leaves led leads held
holds met meets sent sends won wins lost loses gave gives got gets fell falls broke brought built
caught chose drove fought found flew grew heard hid kept knew laid meant paid put ran rose sold set
shook spoke spent stood stole swore thought threw understood wrote writes will would can could
insists denies claims warns shows remains continues seeks tries calls`)

// hasVerb reports whether s has a word that looks like a finite verb: a
// common irregular one, or a word in -ed.
func hasVerb(s string) bool {
	for _, w := range words(s) {
		lw := strings.ToLower(w)
		if finiteVerbs[lw] || strings.HasSuffix(lw, "ed") && utf8.RuneCountInString(lw) > 4 {
			return true
		}
	}
	return false
}
