// Package varint writes numbers and strings as varints and reads them
// back, checking each against a bound: the one codec under the build
// cache's readings (package keep) and timex's expressions.
//
// A Reader remembers the first error and reads zeros after it, so that
// a decoder reads a whole record and checks Err once.
package varint

import (
	"encoding/binary"
	"errors"
)

// Writer appends varints and strings to B.
type Writer struct{ B []byte }

// Uvarint appends v as an unsigned varint.
func (w *Writer) Uvarint(v uint64) { w.B = binary.AppendUvarint(w.B, v) }

// Varint appends v as a signed varint.
func (w *Writer) Varint(v int64) { w.B = binary.AppendVarint(w.B, v) }

// Strings appends each of ss as its length and its bytes.
func (w *Writer) Strings(ss ...string) {
	for _, s := range ss {
		w.Uvarint(uint64(len(s)))
		w.B = append(w.B, s...)
	}
}

// ErrMalformed is the error of a Reader given bytes a Writer did not
// write, or a number out of its bound.
var ErrMalformed = errors.New("malformed bytes")

// Reader reads what a Writer wrote from Data, which it consumes.
type Reader struct {
	// Data is what is left to read.
	Data []byte
	err  error
	// strs holds the short strings read, so that a repeated one
	// ("DATE", a publisher) is one allocation.
	strs map[string]string
}

// Err returns the first error met, or nil.
func (r *Reader) Err() error { return r.err }

// Fail records ErrMalformed, unless an error is recorded already, and
// drops what is left to read.
func (r *Reader) Fail() {
	if r.err == nil {
		r.err = ErrMalformed
	}
	r.Data = nil
}

// Uvarint reads an unsigned varint; 0 after an error.
func (r *Reader) Uvarint() uint64 {
	v, k := binary.Uvarint(r.Data)
	if k <= 0 {
		r.Fail()
		return 0
	}
	r.Data = r.Data[k:]
	return v
}

// Varint reads a signed varint; 0 after an error.
func (r *Reader) Varint() int64 {
	v, k := binary.Varint(r.Data)
	if k <= 0 {
		r.Fail()
		return 0
	}
	r.Data = r.Data[k:]
	return v
}

// Count reads an unsigned varint that must be at most limit (a negative
// limit admits none): a length, an index, a count.
func (r *Reader) Count(limit int) int {
	v := r.Uvarint()
	if limit < 0 || v > uint64(limit) {
		r.Fail()
		return 0
	}
	return int(v)
}

// maxShared is the longest string a Reader keeps to share.
const maxShared = 64

// String reads a string that Strings wrote.
func (r *Reader) String() string {
	v := r.Uvarint()
	if r.err != nil || v > uint64(len(r.Data)) {
		r.Fail()
		return ""
	}
	n := int(v)
	b := r.Data[:n]
	r.Data = r.Data[n:]
	if n > maxShared {
		return string(b)
	}
	if s, ok := r.strs[string(b)]; ok {
		return s
	}
	if r.strs == nil {
		r.strs = map[string]string{}
	}
	s := string(b)
	r.strs[s] = s
	return s
}
