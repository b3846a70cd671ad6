package timex

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"unsafe"

	"github.com/timeline-project/timeline/timeline/varint"
)

// This file writes found expressions to bytes and reads them back, so
// that a build can keep what Find found in a source between runs and
// skip Find for a source that has not changed.
//
// The encoding follows Expr's fields as the compiled program lays them
// out, found by reflection once: every field, exported or not, nested
// structs included, is written in order as a varint (integers), a byte
// (booleans), eight bytes (floats) or a length and bytes (strings). No
// field is named here, so the rules may add, drop or rename fields of
// meaning without touching this file; CodecVersion changes when they do,
// and a reader must refuse bytes written under another CodecVersion.

// codecField is one scalar field of Expr: where it lies and its kind.
type codecField struct {
	offset uintptr
	kind   reflect.Kind
}

var (
	exprFields, exprCodecErr = codecFields(reflect.TypeFor[Expr](), 0, "Expr")
	codecVersion             = codecFingerprint(reflect.TypeFor[Expr]())
)

// CodecVersion names the layout of Expr that AppendExprs writes. Bytes
// written by a program with another CodecVersion must not be read.
func CodecVersion() string { return codecVersion }

// codecFields lists the scalar fields of t, a struct, depth first, at
// their offsets from base. It refuses a field it cannot write: a
// pointer, slice, map, interface, array, channel or function.
func codecFields(t reflect.Type, base uintptr, path string) ([]codecField, error) {
	var out []codecField
	for i := range t.NumField() {
		f := t.Field(i)
		switch k := f.Type.Kind(); k {
		case reflect.Struct:
			inner, err := codecFields(f.Type, base+f.Offset, path+"."+f.Name)
			if err != nil {
				return nil, err
			}
			out = append(out, inner...)
		case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
			reflect.Float64, reflect.String:
			out = append(out, codecField{offset: base + f.Offset, kind: k})
		default:
			return nil, fmt.Errorf("timex codec: field %s.%s is a %s, which it cannot write", path, f.Name, k)
		}
	}
	return out, nil
}

// codecFingerprint hashes the names, types and offsets of t's fields,
// nested ones included.
func codecFingerprint(t reflect.Type) string {
	var b strings.Builder
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		fmt.Fprintf(&b, "%s{", t.Name())
		for i := range t.NumField() {
			f := t.Field(i)
			fmt.Fprintf(&b, "%s %s %s %d;", f.Name, f.Type.Kind(), f.Type.Name(), f.Offset)
			if f.Type.Kind() == reflect.Struct {
				walk(f.Type)
			}
		}
		b.WriteString("}")
	}
	walk(t)
	sum := sha256.Sum256([]byte(b.String()))
	return "timex-expr-1-" + hex.EncodeToString(sum[:8])
}

// AppendExprs appends exprs to b: their number, then each one's fields.
func AppendExprs(b []byte, exprs []Expr) ([]byte, error) {
	if exprCodecErr != nil {
		return b, exprCodecErr
	}
	w := varint.Writer{B: b}
	w.Uvarint(uint64(len(exprs)))
	for i := range exprs {
		appendFields(&w, unsafe.Pointer(&exprs[i]))
	}
	return w.B, nil
}

func appendFields(w *varint.Writer, p unsafe.Pointer) {
	for _, f := range exprFields {
		q := unsafe.Add(p, f.offset)
		switch f.kind {
		case reflect.Bool:
			if *(*bool)(q) {
				w.Uvarint(1)
			} else {
				w.Uvarint(0)
			}
		case reflect.Int:
			w.Varint(int64(*(*int)(q)))
		case reflect.Int8:
			w.Varint(int64(*(*int8)(q)))
		case reflect.Int16:
			w.Varint(int64(*(*int16)(q)))
		case reflect.Int32:
			w.Varint(int64(*(*int32)(q)))
		case reflect.Int64:
			w.Varint(*(*int64)(q))
		case reflect.Uint:
			w.Uvarint(uint64(*(*uint)(q)))
		case reflect.Uint8:
			w.Uvarint(uint64(*(*uint8)(q)))
		case reflect.Uint16:
			w.Uvarint(uint64(*(*uint16)(q)))
		case reflect.Uint32:
			w.Uvarint(uint64(*(*uint32)(q)))
		case reflect.Uint64:
			w.Uvarint(*(*uint64)(q))
		case reflect.Float64:
			w.B = binary.LittleEndian.AppendUint64(w.B, math.Float64bits(*(*float64)(q)))
		case reflect.String:
			w.Strings(*(*string)(q))
		}
	}
}

// errCodec is returned for bytes AppendExprs did not write.
var errCodec = errors.New("timex codec: malformed expressions")

// DecodeExprs reads expressions that AppendExprs wrote at the start of
// data and returns them with the rest of data. It refuses bytes that do
// not decode, an integer out of its field's range among them; it cannot
// tell bytes written under another CodecVersion, which callers must
// check themselves.
func DecodeExprs(data []byte) ([]Expr, []byte, error) {
	if exprCodecErr != nil {
		return nil, data, exprCodecErr
	}
	d := fieldDecoder{varint.Reader{Data: data}}
	n := d.Count(len(data))
	if d.Err() != nil {
		return nil, data, errCodec
	}
	exprs := make([]Expr, n)
	for i := range exprs {
		d.decode(unsafe.Pointer(&exprs[i]))
		if d.Err() != nil {
			return nil, data, errCodec
		}
	}
	return exprs, d.Data, nil
}

// fieldDecoder reads fields with the one varint codec, each checked
// against its type's range.
type fieldDecoder struct{ varint.Reader }

func (d *fieldDecoder) varint(lo, hi int64) int64 {
	v := d.Varint()
	if v < lo || v > hi {
		d.Fail()
		return 0
	}
	return v
}

func (d *fieldDecoder) uvarint(hi uint64) uint64 {
	v := d.Uvarint()
	if v > hi {
		d.Fail()
		return 0
	}
	return v
}

func (d *fieldDecoder) decode(p unsafe.Pointer) {
	for _, f := range exprFields {
		if d.Err() != nil {
			return
		}
		q := unsafe.Add(p, f.offset)
		switch f.kind {
		case reflect.Bool:
			*(*bool)(q) = d.uvarint(1) == 1
		case reflect.Int:
			*(*int)(q) = int(d.varint(math.MinInt, math.MaxInt))
		case reflect.Int8:
			*(*int8)(q) = int8(d.varint(math.MinInt8, math.MaxInt8))
		case reflect.Int16:
			*(*int16)(q) = int16(d.varint(math.MinInt16, math.MaxInt16))
		case reflect.Int32:
			*(*int32)(q) = int32(d.varint(math.MinInt32, math.MaxInt32))
		case reflect.Int64:
			*(*int64)(q) = d.varint(math.MinInt64, math.MaxInt64)
		case reflect.Uint:
			*(*uint)(q) = uint(d.uvarint(math.MaxUint))
		case reflect.Uint8:
			*(*uint8)(q) = uint8(d.uvarint(math.MaxUint8))
		case reflect.Uint16:
			*(*uint16)(q) = uint16(d.uvarint(math.MaxUint16))
		case reflect.Uint32:
			*(*uint32)(q) = uint32(d.uvarint(math.MaxUint32))
		case reflect.Uint64:
			*(*uint64)(q) = d.uvarint(math.MaxUint64)
		case reflect.Float64:
			if len(d.Data) < 8 {
				d.Fail()
				return
			}
			*(*float64)(q) = math.Float64frombits(binary.LittleEndian.Uint64(d.Data))
			d.Data = d.Data[8:]
		case reflect.String:
			*(*string)(q) = d.String()
		}
	}
}
