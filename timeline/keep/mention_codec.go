package keep

import (
	"cmp"
	"errors"
	"slices"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/claim"
	"github.com/timeline-project/timeline/timeline/merge"
	"github.com/timeline-project/timeline/timeline/read"
	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/words"
)

// This file writes a reading's remembered mentions (mentionMemo) with
// the reading, so that a build whose sources did not change need not
// find them again. Decoding checks every index against the reading; a
// mention that does not fit fails the whole reading.

// maxMemoMentions bounds the mentions decoded for one reading.
const maxMemoMentions = merge.MaxMentionsPerSource

func (w *codecWriter) mentionMemo(m *mentionMemo, src *timeline.Source) {
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

func (w *codecWriter) mention(m *merge.Mention, src *timeline.Source) {
	i, _ := slices.BinarySearchFunc(src.Sentences, m.Sentence.Span.Start, func(s timeline.Sentence, start int) int {
		return cmp.Compare(s.Span.Start, start)
	})
	w.Uvarint(uint64(i))
	w.date(m.Date)
	w.Uvarint(uint64(m.Precision))
	w.Strings(m.PartOfDay, string(m.Basis), string(m.RootBasis))
	w.spans(m.DateSpan, m.Root)
	w.Varint(int64(m.DatedBy))
	w.flags(m.Background)
	w.Uvarint(uint64(m.Role))
	w.Uvarint(uint64(len(m.Attrs)))
	for _, a := range m.Attrs {
		w.Strings(a.Speaker, string(a.Stance), a.Says, a.Verb)
	}
	w.Uvarint(uint64(len(m.Figures)))
	for _, f := range m.Figures {
		w.Varint(int64(f.Value))
		w.Strings(f.Unit)
		w.flags(f.AtLeast, f.Approx)
	}
	w.Uvarint(uint64(len(m.Terms)))
	w.Strings(m.Terms...)
}

func (w *codecWriter) spans(spans ...timeline.Span) {
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
func (d *codecReader) mentionMemo(r *read.Reading) *mentionMemo {
	memo := &mentionMemo{}
	if d.Count(1) == 0 {
		return memo
	}
	memo.ok = true
	memo.published.Date = d.date()
	memo.published.Basis, memo.published.Evidence, memo.id = timeline.Basis(d.String()), d.String(), d.String()
	if n := d.Count(len(r.Src.Blocks)); n > 0 {
		memo.marks = make([]int, n)
		for i := range memo.marks {
			memo.marks[i] = d.Count(len(r.Src.Blocks) - 1)
		}
	}
	memo.problems = make([]error, d.Count(len(d.Data)))
	for i := range memo.problems {
		memo.problems[i] = errors.New(d.String())
	}
	// The mentions' source is the reading's as the build that found them
	// saw it.
	src := *r.Src
	src.Published, src.ID = memo.published, memo.id
	if len(memo.marks) > 0 {
		// the build that found them numbered the sentences with these
		// blocks made page furniture
		src.Blocks = slices.Clone(src.Blocks)
		for _, j := range memo.marks {
			src.Blocks[j].Furniture = "marked"
		}
		src.Sentences = read.SentencesOf(src.Text, src.Blocks)
	}
	n := d.Count(min(maxMemoMentions, len(d.Data)))
	memo.mentions = make([]merge.Mention, 0, n)
	for range n {
		m := d.mention(r, &src)
		if d.Err() != nil {
			return &mentionMemo{}
		}
		memo.mentions = append(memo.mentions, m)
	}
	return memo
}

func (d *codecReader) mention(r *read.Reading, src *timeline.Source) merge.Mention {
	m := merge.Mention{Src: src}
	if i := d.Count(len(src.Sentences) - 1); d.Err() == nil {
		m.Sentence = src.Sentences[i]
	}
	m.Date = d.date()
	m.Precision = timex.Precision(d.Count(255))
	m.PartOfDay, m.Basis, m.RootBasis = d.String(), timeline.DateBasis(d.String()), timeline.DateBasis(d.String())
	m.DateSpan, m.Root = d.span(len(src.Text)), d.span(len(src.Text))
	m.DatedBy = int(d.Varint())
	m.Background = d.Count(1) == 1
	m.Role = merge.LeadRole(d.Count(int(merge.RoleLead)))
	if n := d.Count(len(d.Data)); n > 0 {
		m.Attrs = make([]claim.Attribution, n)
	}
	for i := range m.Attrs {
		m.Attrs[i] = claim.Attribution{Speaker: d.String(), Stance: timeline.Stance(d.String()), Says: d.String(), Verb: d.String()}
	}
	if n := d.Count(len(d.Data)); n > 0 {
		m.Figures = make([]claim.Figure, n)
	}
	for i := range m.Figures {
		m.Figures[i] = claim.Figure{Value: int(d.Varint()), Unit: d.String()}
		fl := d.Count(3)
		m.Figures[i].AtLeast, m.Figures[i].Approx = fl&1 != 0, fl&2 != 0
	}
	if n := d.Count(len(d.Data)); n > 0 {
		m.Terms = make([]string, n)
	}
	for i := range m.Terms {
		m.Terms[i] = d.String()
	}
	m.Exprs = read.ExprsIn(r.Article, m.Sentence.Span)
	m.Quote = words.CollapseSpace(m.Text())
	return m
}
