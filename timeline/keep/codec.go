package keep

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/dating"
	"github.com/timeline-project/timeline/timeline/read"
	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/varint"
)

// This file writes a Reading to bytes and reads it back, so that a
// build can keep the readings of unchanged sources between runs. The
// bytes are for the same program only: CodecVersion names the
// layout, and a caller must not decode bytes written under another.

// readingCodecFormat is bumped whenever the encoding below changes.
const readingCodecFormat = 2

// readingCodecVersion names the encoding: its format, the layout of the
// types it writes, and the expressions' encoding.
var readingCodecVersion = func() string {
	var b strings.Builder
	for _, t := range []reflect.Type{reflect.TypeFor[timeline.Source](), reflect.TypeFor[timeline.Block](),
		reflect.TypeFor[timeline.Sentence](), reflect.TypeFor[read.Meta](), reflect.TypeFor[timeline.Published]()} {
		fmt.Fprintf(&b, "%s{", t.Name())
		for i := range t.NumField() {
			fmt.Fprintf(&b, "%s %s;", t.Field(i).Name, t.Field(i).Type)
		}
		b.WriteString("}")
	}
	sum := sha256.Sum256([]byte(b.String()))
	return fmt.Sprintf("reading-%d-%s/%s", readingCodecFormat, hex.EncodeToString(sum[:8]), timex.CodecVersion())
}()

// CodecVersion names the encoding of AppendBinary. Bytes written
// by a program with another CodecVersion must not be decoded.
func CodecVersion() string { return readingCodecVersion }

// AppendBinary appends the reading and what it remembers to b. The
// source's text is written only when it is not a verbatim part of the
// input's bytes, which Decode is given again.
func (rd *Reading) AppendBinary(b []byte) ([]byte, error) {
	r := rd.r
	w := codecWriter{varint.Writer{B: b}}
	src := r.Src
	w.Strings(src.ID, src.Title, src.URL, src.Publisher, src.Author)
	w.Varint(int64(src.TextOffset))
	if src.TextOffset >= 0 {
		w.Uvarint(uint64(len(src.Text)))
	} else {
		w.Strings(src.Text)
	}
	w.Uvarint(uint64(len(src.Blocks)))
	for _, bl := range src.Blocks {
		w.spans(bl.Span)
		w.Uvarint(uint64(bl.Kind))
		w.Strings(bl.Furniture)
	}
	w.Uvarint(uint64(len(src.Sentences)))
	for _, s := range src.Sentences {
		w.spans(s.Span)
		w.Uvarint(uint64(s.Block))
		w.Uvarint(uint64(s.N))
	}
	meta := reflect.ValueOf(r.Meta)
	w.Uvarint(uint64(meta.NumField()))
	for i := range meta.NumField() {
		w.Strings(meta.Field(i).String())
	}
	var err error
	if w.B, err = timex.AppendExprs(w.B, r.Exprs); err != nil {
		return b, err
	}
	w.articleIndexes(r.Exprs, r.Article)
	w.date(r.Stated.Date)
	w.Strings(string(r.Stated.Basis), r.Stated.Evidence, r.Stated.Time)
	w.Uvarint(uint64(r.OwnText))
	w.Uvarint(uint64(len(r.Problems)))
	for _, p := range r.Problems {
		w.Strings(p.Error())
	}
	w.anchors(rd.anchors)
	w.mentionMemo(rd.found, r.Src)
	return w.B, nil
}

// Grown reports whether the reading has remembered more since it was
// read or decoded: encoding it again keeps that for the next build.
func (rd *Reading) Grown() bool {
	rd.anchors.mu.Lock()
	grown := rd.anchors.added > 0
	rd.anchors.mu.Unlock()
	rd.found.mu.Lock()
	defer rd.found.mu.Unlock()
	return grown || rd.found.added
}

// Decode reads back a Reading that AppendBinary wrote for in: in
// must be the input it was read from, byte for byte.
func Decode(in timeline.Input, data []byte) (*Reading, error) {
	d := codecReader{varint.Reader{Data: data}}
	src := &timeline.Source{File: in.Name, Format: read.FormatOf(in.Name)}
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
	src.Blocks = make([]timeline.Block, d.Count(len(d.Data)-1))
	for i := range src.Blocks {
		src.Blocks[i] = timeline.Block{Span: d.span(len(src.Text)), Kind: timeline.BlockKind(d.Uvarint()), Furniture: d.String()}
	}
	src.Sentences = make([]timeline.Sentence, d.Count(len(d.Data)-1))
	for i := range src.Sentences {
		src.Sentences[i] = timeline.Sentence{Span: d.span(len(src.Text)), Block: d.Count(len(src.Blocks) - 1), N: d.Count(len(src.Sentences))}
	}
	r := &read.Reading{Src: src}
	meta := reflect.ValueOf(&r.Meta).Elem()
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
	if r.Exprs, d.Data, err = timex.DecodeExprs(d.Data); err != nil {
		return nil, err
	}
	r.Article = d.articleExprs(r.Exprs)
	r.Stated.Date = d.date()
	r.Stated.Basis, r.Stated.Evidence, r.Stated.Time = timeline.Basis(d.String()), d.String(), d.String()
	r.OwnText = d.Count(len(src.Text))
	r.Problems = make([]error, d.Count(len(d.Data)-1))
	for i := range r.Problems {
		r.Problems[i] = errors.New(d.String())
	}
	k := &Reading{r: r, anchors: d.anchors(len(r.Article)), found: d.mentionMemo(r)}
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
			w.Varint(int64(rd.Day - e.dct))
			w.Uvarint(uint64(rd.Expr))
		}
	}
}

// codecReader reads what codecWriter wrote, remembering the first
// error.
type codecReader struct{ varint.Reader }

// span reads a span that must lie within [0, n].
func (d *codecReader) span(n int) timeline.Span {
	start := d.Count(n)
	length := d.Count(n - start)
	return timeline.Span{Start: start, End: start + length}
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
			m.days = append(m.days, dating.RelDay{Day: int32(dct + offset), Expr: int32(d.Count(nArticle - 1))})
		}
		m.index[i] = anchorIndex{dct: int32(dct), from: int32(from), to: int32(len(m.days))}
	}
	if d.Err() != nil {
		return &anchorMemo{}
	}
	m.days = slices.Clip(m.days)
	return m
}
