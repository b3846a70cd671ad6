package merge

import (
	"fmt"
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/claim"
	"github.com/timeline-project/timeline/timeline/dating"
	"github.com/timeline-project/timeline/timeline/read"
	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/words"
)

// Mention is a sentence of one source that reports something happening
// or being said on a date, or (undated) that may report the same facts
// as a dated mention of another source.
type Mention struct {
	Src      *timeline.Source
	Sentence timeline.Sentence
	// Date is the day (or, for background, the month or year) the
	// sentence reports; the zero Date for an undated mention.
	Date      timex.Date
	Precision timex.Precision
	PartOfDay string
	// DateSpan is the span of the words that dated it; empty when it was
	// dated by its context or is undated.
	DateSpan timeline.Span
	// Basis is how it was dated; datedBy the sentence number whose date
	// it took when basis is DatedContext.
	Basis   timeline.DateBasis
	DatedBy int
	// Root and rootBasis are, for a mention dated by context, the words
	// that dated the sentence it continues, and how they did.
	Root      timeline.Span
	RootBasis timeline.DateBasis
	// Background is true for a happening well before the story's days.
	Background bool
	// Attrs are the speakers the sentence names, pronouns resolved.
	Attrs []claim.Attribution
	// Figures are the counts it gives ("70 fighters", "eight injured").
	Figures []claim.Figure
	// Exprs are the temporal expressions in the sentence.
	Exprs []timex.Expr
	// Terms are what the sentence is about, for merging.
	Terms []string
	// Quote is the sentence with its white space collapsed, as its
	// citations quote it: made once for the mention, not at every build
	// that makes its event again.
	Quote string
	// Role is whether the sentence is its source's headline, one of its
	// lead sentences, or another sentence of its body.
	Role LeadRole
}

// undated reports whether the mention has no date of its own or of its
// context: it can only join an event that other sources date.
func (m *Mention) undated() bool { return m.Date.IsZero() }

// Text returns the mention's sentence as it stands in its source.
func (m *Mention) Text() string { return m.Sentence.Span.Of(m.Src.Text) }

// quoted returns the mention's sentence with its white space collapsed,
// as its citations quote it: the one made with the mention when there
// is one.
func (m *Mention) quoted() string {
	if m.Quote != "" {
		return m.Quote
	}
	return words.CollapseSpace(m.Text())
}

// setDating sets the date of m as d says.
func (m *Mention) setDating(d dating.SentenceDating) {
	m.Date, m.Precision, m.PartOfDay, m.DateSpan = d.Date, d.Precision, d.PartOfDay, d.Span
	m.Basis, m.DatedBy, m.Root, m.RootBasis, m.Background = d.Basis, d.DatedBy, d.Root, d.RootBasis, d.Background
}

// dating returns the dating of m's sentence, as setDating was given it.
func (m *Mention) dating() dating.SentenceDating {
	return dating.SentenceDating{Date: m.Date, Precision: m.Precision, PartOfDay: m.PartOfDay, Span: m.DateSpan,
		Basis: m.Basis, DatedBy: m.DatedBy, Root: m.Root, RootBasis: m.RootBasis, Background: m.Background, N: m.Sentence.N}
}

// dateText returns the words that dated the mention.
func (m *Mention) dateText() string { return m.DateSpan.Of(m.Src.Text) }

// minMentionWords is how many words a sentence needs besides its date
// to report something.
const minMentionWords = 5

// maxContextChain is how many sentences in a row can take their date
// from the dated sentence before them.
const maxContextChain = 2

// maxMentionBytes is the longest sentence that can be a mention: a run
// of text without sentence marks is no sentence a reader can check.
const maxMentionBytes = 2000

// MaxMentionsPerSource bounds the mentions of one source; an article
// has a few hundred sentences at most.
const MaxMentionsPerSource = 1000

// Mentions returns the mentions of a source: every article sentence
// that is not a heading and reports something (it has a verb and enough
// words), dated by an expression naming a day that is not in the future
// of its publication, by a month or year before it (background), or by
// the dated sentence just before it in its paragraph; the source's
// headline and lead, which report its news by its publication date when
// they name no date of their own; and the undated sentences, which may
// join events dated by other sources.
func Mentions(r *read.Reading) []Mention {
	src := r.Src
	exprs := r.Article
	values := timex.ResolveDates(exprs, src.Published.Date)
	roles := leadRoles(src)
	// Room for a mention per sentence at once, not grown step by step
	// (see fitted).
	out := make([]Mention, 0, len(src.Sentences))
	var sc claim.SpeakerContext
	next, chain := 0, 0
	var prev *Mention // the dated mention of the sentence before, in its block
	var buf sentenceBuffers
	for i, s := range src.Sentences {
		role := roles[i]
		if s.N == 0 || src.Blocks[s.Block].Kind == timeline.Heading && role != roleHeadline || s.Span.End-s.Span.Start > maxMentionBytes {
			prev = nil
			continue
		}
		if len(out) == MaxMentionsPerSource {
			r.Warn(fmt.Errorf("more than %d sentences report something: the rest are left out of the chronology", MaxMentionsPerSource))
			break
		}
		for next < len(exprs) && exprs[next].Start < s.Span.Start {
			next++
		}
		sentence := s.Span.Of(src.Text)
		if read.IsFurnitureSentence(sentence) {
			prev = nil
			continue // "16 March 2012 Last updated at 14:51 GMT Help"
		}
		attrs := sc.Resolve(s.N, claim.AttributionsIn(sentence, buf.tokens(sentence)))
		m := Mention{Src: src, Sentence: s, Attrs: attrs, Exprs: read.ExprsIn(exprs[next:], s.Span), Role: role}
		var before *dating.SentenceDating
		if prev != nil && prev.Sentence.N == s.N-1 && prev.Sentence.Block == s.Block && chain < maxContextChain {
			pd := prev.dating()
			before = &pd
		}
		d := dating.DateSentence(dating.SentenceContext{Text: src.Text, Exprs: exprs, Values: values, Published: src.Published, Prev: before}, s, next)
		if d.Drop {
			prev = nil
			continue
		}
		m.setDating(d)
		if m.undated() && role != roleBody && !src.Published.Date.IsZero() {
			m.Date, m.Precision, m.Basis = dating.ReportedDay(src.Published), timex.PrecisionDay, timeline.DatedReported
		}
		if !reportsSomething(sentence, m.dateText(), role) {
			prev = nil
			continue
		}
		m.about(&buf)
		m.Quote = words.CollapseSpace(sentence)
		out = append(out, m)
		prev, chain = contextFor(out, chain)
	}
	return fitted(out)
}

// contextFor returns what the sentence after the last of out dates
// from (its mention, or nil where it dates from nothing before it) and
// how many sentences in a row will then have taken their date from the
// sentence before, given chain for the last.
func contextFor(out []Mention, chain int) (*Mention, int) {
	last := &out[len(out)-1]
	switch {
	case last.undated(), last.Basis == timeline.DatedReported:
		return nil, chain
	case last.Basis == timeline.DatedContext:
		return last, chain + 1
	}
	return last, 0
}

// fitted returns out, nil when empty, copied to a slice of its size
// when a quarter of its room or more is unused: a story keeps every
// source's mentions.
func fitted(out []Mention) []Mention {
	switch {
	case len(out) == 0:
		return nil
	case cap(out)-len(out) > len(out)/4:
		return slices.Clone(out)
	}
	return out
}

// minHeadlineWords is how many words a headline needs to report
// something: headlines leave out what a sentence needs ("Debris found
// near Titanic wreck").
const minHeadlineWords = 3

// reportsSomething reports whether a sentence, less the words that date
// it, can say what happened: a sentence needs a verb and enough words, a
// headline only a few words.
func reportsSomething(sentence, dateText string, role LeadRole) bool {
	n := words.Count(sentence) - words.Count(dateText)
	if role == roleHeadline {
		return n >= minHeadlineWords
	}
	return n >= minMentionWords && words.HasVerb(sentence)
}

// sentenceBuffers hold what Mentions reads of one sentence after
// another, so that it allocates them once.
type sentenceBuffers struct {
	words []string
	toks  []words.Token
	terms words.TermSet
}

// tokens returns the tokens of sentence s.
func (b *sentenceBuffers) tokens(s string) []words.Token {
	b.toks = words.AppendTokens(b.toks[:0], s)
	return b.toks
}

// about sets what the mention reports, its terms and figures, from the
// words of its sentence less its dates.
func (m *Mention) about(buf *sentenceBuffers) {
	buf.words = appendWordsWithoutDates(buf.words[:0], m.Src.Text, m.Sentence.Span, m.Exprs)
	m.Terms, m.Figures = words.Terms(buf.words, &buf.terms), claim.FiguresOf(buf.words)
}

// withoutDates returns the text of span with the temporal expressions
// in it left out: "May 22" says when, not what, and its 22 must not make
// two reports look alike.
func withoutDates(text string, span timeline.Span, exprs []timex.Expr) string {
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

// appendWordsWithoutDates appends to out the words of withoutDates(text,
// span, exprs), as slices of text: a mention's terms that are its words
// as they stand keep no copy of its sentence alive, only its source's
// text, which the story keeps anyway.
func appendWordsWithoutDates(out []string, text string, span timeline.Span, exprs []timex.Expr) []string {
	pos := span.Start
	for _, e := range exprs {
		if e.Start >= span.End {
			break
		}
		if e.Start >= pos && e.End <= span.End {
			out = words.Append(out, text[pos:e.Start])
			pos = e.End
		}
	}
	return words.Append(out, text[pos:span.End])
}
