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
	b = binary.AppendUvarint(b, uint64(len(exprs)))
	for i := range exprs {
		b = appendFields(b, unsafe.Pointer(&exprs[i]))
	}
	return b, nil
}

func appendFields(b []byte, p unsafe.Pointer) []byte {
	for _, f := range exprFields {
		q := unsafe.Add(p, f.offset)
		switch f.kind {
		case reflect.Bool:
			if *(*bool)(q) {
				b = append(b, 1)
			} else {
				b = append(b, 0)
			}
		case reflect.Int:
			b = binary.AppendVarint(b, int64(*(*int)(q)))
		case reflect.Int8:
			b = binary.AppendVarint(b, int64(*(*int8)(q)))
		case reflect.Int16:
			b = binary.AppendVarint(b, int64(*(*int16)(q)))
		case reflect.Int32:
			b = binary.AppendVarint(b, int64(*(*int32)(q)))
		case reflect.Int64:
			b = binary.AppendVarint(b, *(*int64)(q))
		case reflect.Uint:
			b = binary.AppendUvarint(b, uint64(*(*uint)(q)))
		case reflect.Uint8:
			b = binary.AppendUvarint(b, uint64(*(*uint8)(q)))
		case reflect.Uint16:
			b = binary.AppendUvarint(b, uint64(*(*uint16)(q)))
		case reflect.Uint32:
			b = binary.AppendUvarint(b, uint64(*(*uint32)(q)))
		case reflect.Uint64:
			b = binary.AppendUvarint(b, *(*uint64)(q))
		case reflect.Float64:
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(*(*float64)(q)))
		case reflect.String:
			s := *(*string)(q)
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
	}
	return b
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
	n, k := binary.Uvarint(data)
	if k <= 0 || n > uint64(len(data)) {
		return nil, data, errCodec
	}
	data = data[k:]
	exprs := make([]Expr, n)
	d := fieldDecoder{data: data}
	for i := range exprs {
		d.decode(unsafe.Pointer(&exprs[i]))
		if d.err != nil {
			return nil, data, d.err
		}
	}
	return exprs, d.data, nil
}

// fieldDecoder reads fields from data, remembering the first error.
type fieldDecoder struct {
	data []byte
	err  error
	// strs holds the strings read, so that a repeated one ("DATE") is
	// one allocation.
	strs map[string]string
}

func (d *fieldDecoder) varint(lo, hi int64) int64 {
	v, k := binary.Varint(d.data)
	if k <= 0 || v < lo || v > hi {
		d.err = errCodec
		return 0
	}
	d.data = d.data[k:]
	return v
}

func (d *fieldDecoder) uvarint(hi uint64) uint64 {
	v, k := binary.Uvarint(d.data)
	if k <= 0 || v > hi {
		d.err = errCodec
		return 0
	}
	d.data = d.data[k:]
	return v
}

func (d *fieldDecoder) decode(p unsafe.Pointer) {
	for _, f := range exprFields {
		if d.err != nil {
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
			if len(d.data) < 8 {
				d.err = errCodec
				return
			}
			*(*float64)(q) = math.Float64frombits(binary.LittleEndian.Uint64(d.data))
			d.data = d.data[8:]
		case reflect.String:
			*(*string)(q) = d.string()
		}
	}
}

func (d *fieldDecoder) string() string {
	n := d.uvarint(uint64(len(d.data)))
	if d.err != nil || n > uint64(len(d.data)) {
		d.err = errCodec
		return ""
	}
	b := d.data[:n]
	d.data = d.data[n:]
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
