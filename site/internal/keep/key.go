// Package keep is what `timeline serve` keeps from one render of a site
// to the next, and what a build compares to the site it wrote before:
// the keys of what pages and fragments are made from, the pages
// rendered, and the fragments of the few large ones. A render from
// nothing (site.Render) uses none of it; package site's tests check that
// a render with what is kept makes the same bytes.
package keep

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"math"
	"reflect"
	"slices"
	"sync"
)

// Key identifies what some bytes are made from: the data they show and
// the code and templates that render them. Two pages with one Key,
// rendered by one version of the program, have the same bytes. A caller
// that keeps keys from one run to the next should also key them by the
// program, whose code may render the same data otherwise.
type Key [sha256.Size]byte

// version is part of every key: change it when a change to the code of
// package site changes the bytes of pages made from the same data.
const version = "timeline site keys 3"

// Hash collects the data of a key: every piece it is given is written
// with its length or kind first, so that different data cannot run
// together into the same bytes. Its Sum may be taken once.
type Hash struct {
	h   hash.Hash
	buf []byte
}

// hashes holds Hashes for New: a story's keys take tens of thousands.
var hashes = sync.Pool{New: func() any { return &Hash{h: sha256.New(), buf: make([]byte, 0, 4096)} }}

// New returns a Hash of the given kind of data.
func New(kind string) *Hash {
	k := hashes.Get().(*Hash)
	k.h.Reset()
	k.buf = k.buf[:0]
	k.String(version)
	k.String(kind)
	return k
}

// Sum returns the key of everything written. k must not be used again.
func (k *Hash) Sum() Key {
	k.h.Write(k.buf)
	var key Key
	k.h.Sum(key[:0])
	hashes.Put(k)
	return key
}

func (k *Hash) flush() {
	if len(k.buf) >= 4096 {
		k.h.Write(k.buf)
		k.buf = k.buf[:0]
	}
}

// Uint writes n.
func (k *Hash) Uint(n uint64) {
	k.buf = binary.AppendUvarint(k.buf, n)
	k.flush()
}

// Int writes n.
func (k *Hash) Int(n int) { k.Uint(uint64(n)) }

// Bool writes b.
func (k *Hash) Bool(b bool) {
	if b {
		k.Uint(1)
	} else {
		k.Uint(0)
	}
}

// String writes s.
func (k *Hash) String(s string) {
	k.Uint(uint64(len(s)))
	if len(s) > 1024 {
		k.h.Write(k.buf)
		k.buf = k.buf[:0]
		k.h.Write([]byte(s))
		return
	}
	k.buf = append(k.buf, s...)
	k.flush()
}

// Strings writes ss.
func (k *Hash) Strings(ss []string) {
	k.Uint(uint64(len(ss)))
	for _, s := range ss {
		k.String(s)
	}
}

// Key writes a key made before.
func (k *Hash) Key(key Key) {
	k.buf = append(k.buf, key[:]...)
	k.flush()
}

// Value writes v: its strings, numbers and booleans, its slices' and
// arrays' elements, and the exported fields of its structs, walked in
// order (the fields a template can show). A map's entries are written
// in the order of their keys' bytes.
func (k *Hash) Value(v any) { k.value(reflect.ValueOf(v)) }

func (k *Hash) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		k.String(v.String())
	case reflect.Bool:
		k.Bool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		k.Uint(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		k.Uint(v.Uint())
	case reflect.Float32, reflect.Float64:
		k.Uint(math.Float64bits(v.Float()))
	case reflect.Slice, reflect.Array:
		k.Uint(uint64(v.Len()))
		for i := range v.Len() {
			k.value(v.Index(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				k.value(v.Field(i))
			}
		}
	case reflect.Pointer, reflect.Interface:
		k.Bool(!v.IsNil())
		if !v.IsNil() {
			k.value(v.Elem())
		}
	case reflect.Map:
		k.mapValue(v)
	case reflect.Invalid:
		k.String("nil")
	default:
		k.String("unhashable " + v.Type().String())
	}
}

// mapValue writes the entries of map v in the order of their keys' bytes.
func (k *Hash) mapValue(v reflect.Value) {
	type entry struct {
		key []byte
		val reflect.Value
	}
	var entries []entry
	for it := v.MapRange(); it.Next(); {
		sub := &Hash{h: sha256.New()}
		sub.value(it.Key())
		sub.h.Write(sub.buf)
		entries = append(entries, entry{key: sub.h.Sum(nil), val: it.Value()})
	}
	slices.SortFunc(entries, func(a, b entry) int { return bytes.Compare(a.key, b.key) })
	k.Uint(uint64(len(entries)))
	for _, e := range entries {
		k.buf = append(k.buf, e.key...)
		k.value(e.val)
	}
}

// Of returns the key of the given kind of data, each written by Value.
func Of(kind string, data ...any) Key {
	k := New(kind)
	for _, d := range data {
		k.Value(d)
	}
	return k.Sum()
}
