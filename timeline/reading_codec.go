package timeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/varint"
)

// This file writes a Kept to bytes and reads it back, so that a
// build can keep the readings of unchanged sources between runs. The
// bytes are for the same program only: ReadingCodecVersion names the
// layout, and a caller must not decode bytes written under another.

// readingCodecFormat is bumped whenever the encoding below changes.
const readingCodecFormat = 2

// readingCodecVersion names the encoding: its format, the layout of the
// types it writes, and the expressions' encoding.
var readingCodecVersion = func() string {
	var b strings.Builder
	for _, t := range []reflect.Type{reflect.TypeFor[Source](), reflect.TypeFor[Block](),
		reflect.TypeFor[Sentence](), reflect.TypeFor[Meta](), reflect.TypeFor[Published]()} {
		fmt.Fprintf(&b, "%s{", t.Name())
		for i := range t.NumField() {
			fmt.Fprintf(&b, "%s %s;", t.Field(i).Name, t.Field(i).Type)
		}
		b.WriteString("}")
	}
	sum := sha256.Sum256([]byte(b.String()))
	return fmt.Sprintf("reading-%d-%s/%s", readingCodecFormat, hex.EncodeToString(sum[:8]), timex.CodecVersion())
}()

// ReadingCodecVersion names the encoding of AppendBinary. Bytes written
// by a program with another ReadingCodecVersion must not be decoded.
func ReadingCodecVersion() string { return readingCodecVersion }

// AppendBinary appends the reading and what it remembers to b. The
// source's text is written only when it is not a verbatim part of the
// input's bytes, which DecodeReading is given again.
func (k *Kept) AppendBinary(b []byte) ([]byte, error) {
	r := k.r
	w := codecWriter{varint.Writer{B: b}}
	src := r.src
	w.Strings(src.ID, src.Title, src.URL, src.Publisher, src.Author)
	w.Varint(int64(src.TextOffset))
	if src.TextOffset >= 0 {
		w.Uvarint(uint64(len(src.Text)))
	} else {
		w.Strings(src.Text)
	}
	w.Uvarint(uint64(len(src.Blocks)))
	for _, bl := range src.Blocks {
		w.Uvarint(uint64(bl.Span.Start))
		w.Uvarint(uint64(bl.Span.End - bl.Span.Start))
		w.Uvarint(uint64(bl.Kind))
		w.Strings(bl.Furniture)
	}
	w.Uvarint(uint64(len(src.Sentences)))
	for _, s := range src.Sentences {
		w.Uvarint(uint64(s.Span.Start))
		w.Uvarint(uint64(s.Span.End - s.Span.Start))
		w.Uvarint(uint64(s.Block))
		w.Uvarint(uint64(s.N))
	}
	meta := reflect.ValueOf(r.meta)
	w.Uvarint(uint64(meta.NumField()))
	for i := range meta.NumField() {
		w.Strings(meta.Field(i).String())
	}
	var err error
	if w.B, err = timex.AppendExprs(w.B, r.exprs); err != nil {
		return b, err
	}
	w.articleIndexes(r.exprs, r.article)
	w.date(r.stated.Date)
	w.Strings(string(r.stated.Basis), r.stated.Evidence)
	w.Uvarint(uint64(r.ownText))
	w.Uvarint(uint64(len(r.problems)))
	for _, p := range r.problems {
		w.Strings(p.Error())
	}
	w.anchors(k.anchors)
	w.mentionMemo(k.found, r.src)
	return w.B, nil
}

// Grown reports whether the reading has remembered more since it was
// read or decoded: encoding it again keeps that for the next build.
func (k *Kept) Grown() bool {
	k.anchors.mu.Lock()
	grown := k.anchors.added > 0
	k.anchors.mu.Unlock()
	k.found.mu.Lock()
	defer k.found.mu.Unlock()
	return grown || k.found.added
}

// DecodeReading reads back a Kept that AppendBinary wrote for in: in
// must be the input it was read from, byte for byte.
func DecodeReading(in Input, data []byte) (*Kept, error) {
	d := codecReader{varint.Reader{Data: data}}
	src := &Source{File: in.Name, Format: formatOf(in.Name)}
	src.ID, src.Title, src.URL, src.Publisher, src.Author = d.String(), d.String(), d.String(), d.String(), d.String()
	src.TextOffset = int(d.Varint())
	if src.TextOffset >= 0 {
		n := d.Count(len(in.Data))
		if d.Err() == nil && src.TextOffset+n > len(in.Data) {
			d.Fail()
		} else if d.Err() == nil {
			src.Text = string(in.Data[src.TextOffset : src.TextOffset+n])
		}
	} else {
		src.Text = d.String()
	}
	src.Blocks = make([]Block, d.Count(len(d.Data)-1))
	for i := range src.Blocks {
		src.Blocks[i] = Block{Span: d.span(len(src.Text)), Kind: BlockKind(d.Uvarint()), Furniture: d.String()}
	}
	src.Sentences = make([]Sentence, d.Count(len(d.Data)-1))
	for i := range src.Sentences {
		src.Sentences[i] = Sentence{Span: d.span(len(src.Text)), Block: d.Count(len(src.Blocks) - 1), N: d.Count(len(src.Sentences))}
	}
	r := &reading{src: src}
	meta := reflect.ValueOf(&r.meta).Elem()
	if d.Count(meta.NumField()) != meta.NumField() {
		d.Fail()
	}
	for i := range meta.NumField() {
		if s := d.String(); d.Err() == nil {
			meta.Field(i).SetString(s)
		}
	}
	if d.Err() != nil {
		return nil, fmt.Errorf("decode reading: %w", d.Err())
	}
	var err error
	if r.exprs, d.Data, err = timex.DecodeExprs(d.Data); err != nil {
		return nil, err
	}
	r.article = d.articleExprs(r.exprs)
	r.stated.Date = d.date()
	r.stated.Basis, r.stated.Evidence = Basis(d.String()), d.String()
	r.ownText = d.Count(len(src.Text))
	r.problems = make([]error, d.Count(len(d.Data)-1))
	for i := range r.problems {
		r.problems[i] = errors.New(d.String())
	}
	k := &Kept{r: r, anchors: d.anchors(len(r.article)), found: d.mentionMemo(r)}
	if d.Err() == nil && len(d.Data) > 0 {
		d.Fail()
	}
	if d.Err() != nil {
		return nil, fmt.Errorf("decode reading: %w", d.Err())
	}
	return k, nil
}

// codecWriter writes a reading with the one varint codec.
type codecWriter struct{ varint.Writer }

func (w *codecWriter) date(d timex.Date) {
	w.Varint(int64(d.Year))
	w.Uvarint(uint64(d.Month))
	w.Uvarint(uint64(d.Day))
}

// articleIndexes writes the indexes in exprs of article, which is a
// subsequence of exprs.
func (w *codecWriter) articleIndexes(exprs, article []timex.Expr) {
	w.Uvarint(uint64(len(article)))
	j := 0
	for _, e := range article {
		for j < len(exprs) && exprs[j].Start != e.Start {
			j++
		}
		w.Uvarint(uint64(j))
	}
}

func (w *codecWriter) anchors(m *anchorMemo) {
	m.mu.Lock()
	defer m.mu.Unlock()
	w.Uvarint(uint64(len(m.index)))
	for _, e := range m.index {
		w.Varint(int64(e.dct))
		w.Uvarint(uint64(e.to - e.from))
		for _, rd := range m.days[e.from:e.to] {
			w.Varint(int64(rd.day - e.dct))
			w.Uvarint(uint64(rd.expr))
		}
	}
}

// codecReader reads what codecWriter wrote, remembering the first
// error.
type codecReader struct{ varint.Reader }

// span reads a span that must lie within [0, n].
func (d *codecReader) span(n int) Span {
	start := d.Count(n)
	length := d.Count(n - start)
	return Span{start, start + length}
}

func (d *codecReader) date() timex.Date {
	y, m, day := int(d.Varint()), d.Count(12), d.Count(31)
	if y < -1e6 || y > 1e6 {
		d.Fail()
	}
	return timex.Date{Year: y, Month: time.Month(m), Day: day}
}

func (d *codecReader) articleExprs(exprs []timex.Expr) []timex.Expr {
	out := make([]timex.Expr, d.Count(len(exprs)))
	for i := range out {
		if j := d.Count(len(exprs) - 1); d.Err() == nil {
			out[i] = exprs[j]
		}
	}
	return out
}

func (d *codecReader) anchors(nArticle int) *anchorMemo {
	n := d.Count(maxAnchors)
	m := &anchorMemo{index: make([]anchorIndex, n)}
	for i := range m.index {
		dct := d.Varint()
		k := d.Count(nArticle)
		if dct < -1e7 || dct > 1e7 || i > 0 && dct <= int64(m.index[i-1].dct) {
			d.Fail()
		}
		if d.Err() != nil {
			return &anchorMemo{}
		}
		from := len(m.days)
		for range k {
			offset := d.Varint()
			if offset < -1e5 || offset > 1e5 {
				d.Fail()
			}
			m.days = append(m.days, relDay{day: int32(dct + offset), expr: int32(d.Count(nArticle - 1))})
		}
		m.index[i] = anchorIndex{dct: int32(dct), from: int32(from), to: int32(len(m.days))}
	}
	if d.Err() != nil {
		return &anchorMemo{}
	}
	m.days = slices.Clip(m.days)
	return m
}
