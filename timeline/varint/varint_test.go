package varint

import (
	"errors"
	"math"
	"testing"
)

// TestRoundTrip reads back what a Writer wrote: numbers at their
// bounds, strings short and long, and nothing left over.
func TestRoundTrip(t *testing.T) {
	long := string(make([]byte, 100))
	var w Writer
	w.Uvarint(0)
	w.Uvarint(math.MaxUint64)
	w.Varint(math.MinInt64)
	w.Varint(-1)
	w.Strings("", "DATE", long, "DATE")
	w.Uvarint(7)
	r := Reader{Data: w.B}
	if got := r.Uvarint(); got != 0 {
		t.Errorf("Uvarint = %d, want 0", got)
	}
	if got := r.Uvarint(); got != math.MaxUint64 {
		t.Errorf("Uvarint = %d, want MaxUint64", got)
	}
	if got := r.Varint(); got != math.MinInt64 {
		t.Errorf("Varint = %d, want MinInt64", got)
	}
	if got := r.Varint(); got != -1 {
		t.Errorf("Varint = %d, want -1", got)
	}
	for _, want := range []string{"", "DATE", long, "DATE"} {
		if got := r.String(); got != want {
			t.Errorf("String = %q, want %q", got, want)
		}
	}
	if got := r.Count(7); got != 7 {
		t.Errorf("Count = %d, want 7", got)
	}
	if r.Err() != nil || len(r.Data) != 0 {
		t.Errorf("after reading all: err %v, %d bytes left", r.Err(), len(r.Data))
	}
}

// TestReaderFails checks that every way of reading past the bytes or
// over a bound fails with ErrMalformed, and reads zeros after.
func TestReaderFails(t *testing.T) {
	var w Writer
	w.Uvarint(8)
	tests := []struct {
		name string
		read func(r *Reader)
	}{
		{"count over its limit", func(r *Reader) { r.Count(7) }},
		{"negative limit", func(r *Reader) { r.Count(-1) }},
		{"string longer than the bytes", func(r *Reader) { _ = r.String() }},
		{"varint past the end", func(r *Reader) { r.Uvarint(); r.Varint() }},
	}
	for _, tt := range tests {
		r := Reader{Data: w.B}
		tt.read(&r)
		if !errors.Is(r.Err(), ErrMalformed) {
			t.Errorf("%s: err %v, want ErrMalformed", tt.name, r.Err())
		}
		if got := r.Uvarint(); got != 0 || len(r.Data) != 0 {
			t.Errorf("%s: read %d after the error, %d bytes left", tt.name, got, len(r.Data))
		}
	}
}
