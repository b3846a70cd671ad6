package timeline

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/timeline-project/timeline/timeline/timex"
)

// This file writes a Reading to bytes and reads it back, so that a
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

// AppendBinary appends the reading to b. The source's text is written
// only when it is not a verbatim part of the input's bytes, which
// DecodeReading is given again.
func (rd *Reading) AppendBinary(b []byte) ([]byte, error) {
	r := rd.r
	w := codecWriter{b: b}
	src := r.src
	w.strings(src.ID, src.Title, src.URL, src.Publisher, src.Author)
	w.varint(int64(src.TextOffset))
	if src.TextOffset >= 0 {
		w.uvarint(uint64(len(src.Text)))
	} else {
		w.strings(src.Text)
	}
	w.uvarint(uint64(len(src.Blocks)))
	for _, bl := range src.Blocks {
		w.uvarint(uint64(bl.Span.Start))
		w.uvarint(uint64(bl.Span.End - bl.Span.Start))
		w.uvarint(uint64(bl.Kind))
		w.strings(bl.Furniture)
	}
	w.uvarint(uint64(len(src.Sentences)))
	for _, s := range src.Sentences {
		w.uvarint(uint64(s.Span.Start))
		w.uvarint(uint64(s.Span.End - s.Span.Start))
		w.uvarint(uint64(s.Block))
		w.uvarint(uint64(s.N))
	}
	meta := reflect.ValueOf(r.meta)
	w.uvarint(uint64(meta.NumField()))
	for i := range meta.NumField() {
		w.strings(meta.Field(i).String())
	}
	var err error
	if w.b, err = timex.AppendExprs(w.b, r.exprs); err != nil {
		return b, err
	}
	w.articleIndexes(r.exprs, r.article)
	w.date(r.stated.Date)
	w.strings(string(r.stated.Basis), r.stated.Evidence)
	w.uvarint(uint64(r.ownText))
	w.uvarint(uint64(len(r.problems)))
	for _, p := range r.problems {
		w.strings(p.Error())
	}
	w.anchors(r.anchors)
	w.mentionMemo(r.found, r.src)
	return w.b, nil
}

// Grown reports whether the reading has remembered more since it was
// read or decoded: encoding it again keeps that for the next build.
func (rd *Reading) Grown() bool {
	rd.r.anchors.mu.Lock()
	grown := rd.r.anchors.added > 0
	rd.r.anchors.mu.Unlock()
	rd.r.found.mu.Lock()
	defer rd.r.found.mu.Unlock()
	return grown || rd.r.found.added
}

// DecodeReading reads back a Reading that AppendBinary wrote for in: in
// must be the input it was read from, byte for byte.
func DecodeReading(in Input, data []byte) (*Reading, error) {
	d := codecReader{data: data}
	src := &Source{File: in.Name, Format: formatOf(in.Name)}
	src.ID, src.Title, src.URL, src.Publisher, src.Author = d.string(), d.string(), d.string(), d.string(), d.string()
	src.TextOffset = int(d.varint())
	if src.TextOffset >= 0 {
		n := d.count(len(in.Data))
		if d.err == nil && src.TextOffset+n > len(in.Data) {
			d.err = errMalformedReading
		} else if d.err == nil {
			src.Text = string(in.Data[src.TextOffset : src.TextOffset+n])
		}
	} else {
		src.Text = d.string()
	}
	src.Blocks = make([]Block, d.count(len(d.data)-1))
	for i := range src.Blocks {
		src.Blocks[i] = Block{Span: d.span(len(src.Text)), Kind: BlockKind(d.uvarint()), Furniture: d.string()}
	}
	src.Sentences = make([]Sentence, d.count(len(d.data)-1))
	for i := range src.Sentences {
		src.Sentences[i] = Sentence{Span: d.span(len(src.Text)), Block: d.count(len(src.Blocks) - 1), N: d.count(len(src.Sentences))}
	}
	r := &reading{src: src}
	meta := reflect.ValueOf(&r.meta).Elem()
	if d.count(meta.NumField()) != meta.NumField() {
		d.fail()
	}
	for i := range meta.NumField() {
		if s := d.string(); d.err == nil {
			meta.Field(i).SetString(s)
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	var err error
	if r.exprs, d.data, err = timex.DecodeExprs(d.data); err != nil {
		return nil, err
	}
	r.article = d.articleExprs(r.exprs)
	r.stated.Date = d.date()
	r.stated.Basis, r.stated.Evidence = Basis(d.string()), d.string()
	r.ownText = d.count(len(src.Text))
	r.problems = make([]error, d.count(len(d.data)-1))
	for i := range r.problems {
		r.problems[i] = errors.New(d.string())
	}
	r.anchors = d.anchors(len(r.article))
	r.found = d.mentionMemo(r)
	r.blocks = &blockKeys{}
	if d.err == nil && len(d.data) > 0 {
		d.fail()
	}
	if d.err != nil {
		return nil, d.err
	}
	return &Reading{r: r}, nil
}

var errMalformedReading = errors.New("decode reading: malformed bytes")

// codecWriter appends varints and strings to b.
type codecWriter struct{ b []byte }

func (w *codecWriter) uvarint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *codecWriter) varint(v int64)   { w.b = binary.AppendVarint(w.b, v) }

func (w *codecWriter) strings(ss ...string) {
	for _, s := range ss {
		w.uvarint(uint64(len(s)))
		w.b = append(w.b, s...)
	}
}

func (w *codecWriter) date(d timex.Date) {
	w.varint(int64(d.Year))
	w.uvarint(uint64(d.Month))
	w.uvarint(uint64(d.Day))
}

// articleIndexes writes the indexes in exprs of article, which is a
// subsequence of exprs.
func (w *codecWriter) articleIndexes(exprs, article []timex.Expr) {
	w.uvarint(uint64(len(article)))
	j := 0
	for _, e := range article {
		for j < len(exprs) && exprs[j].Start != e.Start {
			j++
		}
		w.uvarint(uint64(j))
	}
}

func (w *codecWriter) anchors(m *anchorMemo) {
	m.mu.Lock()
	defer m.mu.Unlock()
	w.uvarint(uint64(len(m.index)))
	for _, e := range m.index {
		w.varint(int64(e.dct))
		w.uvarint(uint64(e.to - e.from))
		for _, rd := range m.days[e.from:e.to] {
			w.varint(int64(rd.day - e.dct))
			w.uvarint(uint64(rd.expr))
		}
	}
}

// codecReader reads what codecWriter wrote, remembering the first error.
type codecReader struct {
	data []byte
	err  error
	strs map[string]string
}

func (d *codecReader) fail() {
	if d.err == nil {
		d.err = errMalformedReading
	}
	d.data = nil
}

func (d *codecReader) uvarint() uint64 {
	v, k := binary.Uvarint(d.data)
	if k <= 0 {
		d.fail()
		return 0
	}
	d.data = d.data[k:]
	return v
}

func (d *codecReader) varint() int64 {
	v, k := binary.Varint(d.data)
	if k <= 0 {
		d.fail()
		return 0
	}
	d.data = d.data[k:]
	return v
}

// count reads a number that must be at most limit.
func (d *codecReader) count(limit int) int {
	v := d.uvarint()
	if limit < 0 || v > uint64(limit) {
		d.fail()
		return 0
	}
	return int(v)
}

// span reads a span that must lie within [0, n].
func (d *codecReader) span(n int) Span {
	start := d.count(n)
	length := d.count(n - start)
	return Span{start, start + length}
}

func (d *codecReader) string() string {
	v := d.uvarint()
	if d.err != nil || v > uint64(len(d.data)) {
		d.fail()
		return ""
	}
	n := int(v)
	b := d.data[:n]
	d.data = d.data[n:]
	if n > 64 {
		return string(b)
	}
	if s, ok := d.strs[string(b)]; ok {
		return s
	}
	if d.strs == nil {
		d.strs = map[string]string{}
	}
	s := string(b)
	d.strs[s] = s
	return s
}

func (d *codecReader) date() timex.Date {
	y, m, day := int(d.varint()), d.count(12), d.count(31)
	if y < -1e6 || y > 1e6 {
		d.fail()
	}
	return timex.Date{Year: y, Month: time.Month(m), Day: day}
}

func (d *codecReader) articleExprs(exprs []timex.Expr) []timex.Expr {
	out := make([]timex.Expr, d.count(len(exprs)))
	for i := range out {
		if j := d.count(len(exprs) - 1); d.err == nil {
			out[i] = exprs[j]
		}
	}
	return out
}

func (d *codecReader) anchors(nArticle int) *anchorMemo {
	n := d.count(maxAnchors)
	m := &anchorMemo{index: make([]anchorIndex, n)}
	for i := range m.index {
		dct := d.varint()
		k := d.count(nArticle)
		if dct < -1e7 || dct > 1e7 || i > 0 && dct <= int64(m.index[i-1].dct) {
			d.fail()
		}
		if d.err != nil {
			return &anchorMemo{}
		}
		from := len(m.days)
		for range k {
			offset := d.varint()
			if offset < -1e5 || offset > 1e5 {
				d.fail()
			}
			m.days = append(m.days, relDay{day: int32(dct + offset), expr: int32(d.count(nArticle - 1))})
		}
		m.index[i] = anchorIndex{dct: int32(dct), from: int32(from), to: int32(len(m.days))}
	}
	if d.err != nil {
		return &anchorMemo{}
	}
	m.days = slices.Clip(m.days)
	return m
}

// dayNumber returns the number of days from 1970-01-01 to d, by the
// proleptic Gregorian calendar: AddDays without time.Date, for the many
// days a memo holds.
func dayNumber(d timex.Date) int64 {
	y, m := int64(d.Year), int64(d.Month)
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + int64(d.Day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// dateOfNumber is the inverse of dayNumber.
func dateOfNumber(n int64) timex.Date {
	n += 719468
	era := floorDiv(n, 146097)
	doe := n - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	m := (mp+2)%12 + 1
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return timex.Date{Year: int(y), Month: time.Month(m), Day: int(day)}
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
