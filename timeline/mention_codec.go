package timeline

import (
	"cmp"
	"errors"
	"slices"

	"github.com/timeline-project/timeline/timeline/timex"
)

// This file writes a reading's remembered mentions (mentionMemo) with
// the reading, so that a build whose sources did not change need not
// find them again. Decoding checks every index against the reading; a
// mention that does not fit fails the whole reading.

// maxMemoMentions bounds the mentions decoded for one reading.
const maxMemoMentions = maxMentionsPerSource

func (w *codecWriter) mentionMemo(m *mentionMemo, src *Source) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.ok {
		w.uvarint(0)
		return
	}
	w.uvarint(1)
	w.date(m.published.Date)
	w.strings(string(m.published.Basis), m.published.Evidence, m.id)
	w.uvarint(uint64(len(m.marks)))
	for _, j := range m.marks {
		w.uvarint(uint64(j))
	}
	w.uvarint(uint64(len(m.problems)))
	for _, p := range m.problems {
		w.strings(p.Error())
	}
	w.uvarint(uint64(len(m.mentions)))
	for i := range m.mentions {
		w.mention(&m.mentions[i], src)
	}
}

func (w *codecWriter) mention(m *mention, src *Source) {
	i, _ := slices.BinarySearchFunc(src.Sentences, m.sentence.Span.Start, func(s Sentence, start int) int {
		return cmp.Compare(s.Span.Start, start)
	})
	w.uvarint(uint64(i))
	w.date(m.date)
	w.uvarint(uint64(m.precision))
	w.strings(m.partOfDay, string(m.basis), string(m.rootBasis))
	w.spans(m.dateSpan, m.root)
	w.varint(int64(m.datedBy))
	w.flags(m.background)
	w.uvarint(uint64(m.role))
	w.uvarint(uint64(len(m.attrs)))
	for _, a := range m.attrs {
		w.strings(a.speaker, string(a.stance), a.says, a.verb)
	}
	w.uvarint(uint64(len(m.figures)))
	for _, f := range m.figures {
		w.varint(int64(f.value))
		w.strings(f.unit)
		w.flags(f.atLeast, f.approx)
	}
	w.uvarint(uint64(len(m.terms)))
	w.strings(m.terms...)
}

func (w *codecWriter) spans(spans ...Span) {
	for _, s := range spans {
		w.uvarint(uint64(s.Start))
		w.uvarint(uint64(s.End - s.Start))
	}
}

func (w *codecWriter) flags(fs ...bool) {
	var v uint64
	for i, f := range fs {
		if f {
			v |= 1 << i
		}
	}
	w.uvarint(v)
}

// mentionMemo reads what codecWriter.mentionMemo wrote for r, whose
// source, sentences and article expressions are already decoded.
func (d *codecReader) mentionMemo(r *reading) *mentionMemo {
	memo := &mentionMemo{}
	if d.count(1) == 0 {
		return memo
	}
	memo.ok = true
	memo.published.Date = d.date()
	memo.published.Basis, memo.published.Evidence, memo.id = Basis(d.string()), d.string(), d.string()
	if n := d.count(len(r.src.Blocks)); n > 0 {
		memo.marks = make([]int, n)
		for i := range memo.marks {
			memo.marks[i] = d.count(len(r.src.Blocks) - 1)
		}
	}
	memo.problems = make([]error, d.count(len(d.data)))
	for i := range memo.problems {
		memo.problems[i] = errors.New(d.string())
	}
	// The mentions' source is the reading's as the build that found them
	// saw it.
	src := *r.src
	src.Published, src.ID = memo.published, memo.id
	if len(memo.marks) > 0 {
		// the build that found them numbered the sentences with these
		// blocks made page furniture
		src.Blocks = slices.Clone(src.Blocks)
		for _, j := range memo.marks {
			src.Blocks[j].Furniture = "marked"
		}
		src.Sentences = sentencesOf(src.Text, src.Blocks)
	}
	n := d.count(min(maxMemoMentions, len(d.data)))
	memo.mentions = make([]mention, 0, n)
	for range n {
		m := d.mention(r, &src)
		if d.err != nil {
			return &mentionMemo{}
		}
		memo.mentions = append(memo.mentions, m)
	}
	return memo
}

func (d *codecReader) mention(r *reading, src *Source) mention {
	m := mention{src: src}
	if i := d.count(len(src.Sentences) - 1); d.err == nil {
		m.sentence = src.Sentences[i]
	}
	m.date = d.date()
	m.precision = timex.Precision(d.count(255))
	m.partOfDay, m.basis, m.rootBasis = d.string(), DateBasis(d.string()), DateBasis(d.string())
	m.dateSpan, m.root = d.span(len(src.Text)), d.span(len(src.Text))
	m.datedBy = int(d.varint())
	m.background = d.count(1) == 1
	m.role = leadRole(d.count(int(roleLead)))
	if n := d.count(len(d.data)); n > 0 {
		m.attrs = make([]attribution, n)
	}
	for i := range m.attrs {
		m.attrs[i] = attribution{speaker: d.string(), stance: Stance(d.string()), says: d.string(), verb: d.string()}
	}
	if n := d.count(len(d.data)); n > 0 {
		m.figures = make([]figure, n)
	}
	for i := range m.figures {
		m.figures[i] = figure{value: int(d.varint()), unit: d.string()}
		fl := d.count(3)
		m.figures[i].atLeast, m.figures[i].approx = fl&1 != 0, fl&2 != 0
	}
	if n := d.count(len(d.data)); n > 0 {
		m.terms = make([]string, n)
	}
	for i := range m.terms {
		m.terms[i] = d.string()
	}
	m.exprs = exprsIn(r.article, m.sentence.Span)
	m.quote = collapseSpace(m.text())
	return m
}
