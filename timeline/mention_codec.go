package timeline

import (
	"cmp"
	"errors"
	"slices"

	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/words"
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
		w.Uvarint(0)
		return
	}
	w.Uvarint(1)
	w.date(m.published.Date)
	w.Strings(string(m.published.Basis), m.published.Evidence, m.id)
	w.Uvarint(uint64(len(m.marks)))
	for _, j := range m.marks {
		w.Uvarint(uint64(j))
	}
	w.Uvarint(uint64(len(m.problems)))
	for _, p := range m.problems {
		w.Strings(p.Error())
	}
	w.Uvarint(uint64(len(m.mentions)))
	for i := range m.mentions {
		w.mention(&m.mentions[i], src)
	}
}

func (w *codecWriter) mention(m *mention, src *Source) {
	i, _ := slices.BinarySearchFunc(src.Sentences, m.sentence.Span.Start, func(s Sentence, start int) int {
		return cmp.Compare(s.Span.Start, start)
	})
	w.Uvarint(uint64(i))
	w.date(m.date)
	w.Uvarint(uint64(m.precision))
	w.Strings(m.partOfDay, string(m.basis), string(m.rootBasis))
	w.spans(m.dateSpan, m.root)
	w.Varint(int64(m.datedBy))
	w.flags(m.background)
	w.Uvarint(uint64(m.role))
	w.Uvarint(uint64(len(m.attrs)))
	for _, a := range m.attrs {
		w.Strings(a.speaker, string(a.stance), a.says, a.verb)
	}
	w.Uvarint(uint64(len(m.figures)))
	for _, f := range m.figures {
		w.Varint(int64(f.value))
		w.Strings(f.unit)
		w.flags(f.atLeast, f.approx)
	}
	w.Uvarint(uint64(len(m.terms)))
	w.Strings(m.terms...)
}

func (w *codecWriter) spans(spans ...Span) {
	for _, s := range spans {
		w.Uvarint(uint64(s.Start))
		w.Uvarint(uint64(s.End - s.Start))
	}
}

func (w *codecWriter) flags(fs ...bool) {
	var v uint64
	for i, f := range fs {
		if f {
			v |= 1 << i
		}
	}
	w.Uvarint(v)
}

// mentionMemo reads what codecWriter.mentionMemo wrote for r, whose
// source, sentences and article expressions are already decoded.
func (d *codecReader) mentionMemo(r *reading) *mentionMemo {
	memo := &mentionMemo{}
	if d.Count(1) == 0 {
		return memo
	}
	memo.ok = true
	memo.published.Date = d.date()
	memo.published.Basis, memo.published.Evidence, memo.id = Basis(d.String()), d.String(), d.String()
	if n := d.Count(len(r.src.Blocks)); n > 0 {
		memo.marks = make([]int, n)
		for i := range memo.marks {
			memo.marks[i] = d.Count(len(r.src.Blocks) - 1)
		}
	}
	memo.problems = make([]error, d.Count(len(d.Data)))
	for i := range memo.problems {
		memo.problems[i] = errors.New(d.String())
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
	n := d.Count(min(maxMemoMentions, len(d.Data)))
	memo.mentions = make([]mention, 0, n)
	for range n {
		m := d.mention(r, &src)
		if d.Err() != nil {
			return &mentionMemo{}
		}
		memo.mentions = append(memo.mentions, m)
	}
	return memo
}

func (d *codecReader) mention(r *reading, src *Source) mention {
	m := mention{src: src}
	if i := d.Count(len(src.Sentences) - 1); d.Err() == nil {
		m.sentence = src.Sentences[i]
	}
	m.date = d.date()
	m.precision = timex.Precision(d.Count(255))
	m.partOfDay, m.basis, m.rootBasis = d.String(), DateBasis(d.String()), DateBasis(d.String())
	m.dateSpan, m.root = d.span(len(src.Text)), d.span(len(src.Text))
	m.datedBy = int(d.Varint())
	m.background = d.Count(1) == 1
	m.role = leadRole(d.Count(int(roleLead)))
	if n := d.Count(len(d.Data)); n > 0 {
		m.attrs = make([]attribution, n)
	}
	for i := range m.attrs {
		m.attrs[i] = attribution{speaker: d.String(), stance: Stance(d.String()), says: d.String(), verb: d.String()}
	}
	if n := d.Count(len(d.Data)); n > 0 {
		m.figures = make([]figure, n)
	}
	for i := range m.figures {
		m.figures[i] = figure{value: int(d.Varint()), unit: d.String()}
		fl := d.Count(3)
		m.figures[i].atLeast, m.figures[i].approx = fl&1 != 0, fl&2 != 0
	}
	if n := d.Count(len(d.Data)); n > 0 {
		m.terms = make([]string, n)
	}
	for i := range m.terms {
		m.terms[i] = d.String()
	}
	m.exprs = exprsIn(r.article, m.sentence.Span)
	m.quote = words.CollapseSpace(m.text())
	return m
}
