package site

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"io/fs"
	"math"
	"reflect"
	"slices"
	"sync"

	"github.com/timeline-project/timeline/assets"
)

// Key identifies what the bytes of a page are made from: the data the
// page shows and the templates it is rendered with. Two pages with one
// Key, rendered by one version of the program, have the same bytes.
// A caller that keeps keys from one build to the next should also key
// them by the program, whose code may render the same data otherwise.
type Key [sha256.Size]byte

// keyVersion is part of every key: change it when a change to the code
// of this package changes the bytes of pages made from the same data.
const keyVersion = "timeline site keys 2"

// keyHash collects the data of a key: every piece it is given is
// written with its length or kind first, so that different data cannot
// run together into the same bytes.
type keyHash struct {
	h   hash.Hash
	buf []byte
}

// keyHashes holds keyHashes for newKeyHash: a story's keys take tens
// of thousands.
var keyHashes = sync.Pool{New: func() any { return &keyHash{h: sha256.New(), buf: make([]byte, 0, 4096)} }}

// newKeyHash returns a keyHash of the given kind of data. Its sum may
// be taken once.
func newKeyHash(kind string) *keyHash {
	k := keyHashes.Get().(*keyHash)
	k.h.Reset()
	k.buf = k.buf[:0]
	k.str(keyVersion)
	k.str(kind)
	return k
}

// sum returns the key of everything written, and gives k back to the
// pool of newKeyHash.
func (k *keyHash) sum() Key {
	k.h.Write(k.buf)
	var key Key
	k.h.Sum(key[:0])
	keyHashes.Put(k)
	return key
}

func (k *keyHash) flush() {
	if len(k.buf) >= 4096 {
		k.h.Write(k.buf)
		k.buf = k.buf[:0]
	}
}

func (k *keyHash) uint(n uint64) {
	k.buf = binary.AppendUvarint(k.buf, n)
	k.flush()
}

func (k *keyHash) str(s string) {
	k.uint(uint64(len(s)))
	if len(s) > 1024 {
		k.h.Write(k.buf)
		k.buf = k.buf[:0]
		k.h.Write([]byte(s))
		return
	}
	k.buf = append(k.buf, s...)
	k.flush()
}

// value writes v: its strings, numbers and booleans, its slices' and
// arrays' elements, and the exported fields of its structs, walked in
// order (the fields a template can show). A map's entries are written
// in the order of their keys' bytes.
func (k *keyHash) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		k.str(v.String())
	case reflect.Bool:
		k.uint(bit(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		k.uint(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		k.uint(v.Uint())
	case reflect.Float32, reflect.Float64:
		k.uint(math.Float64bits(v.Float()))
	case reflect.Slice, reflect.Array:
		k.uint(uint64(v.Len()))
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
		k.uint(bit(!v.IsNil()))
		if !v.IsNil() {
			k.value(v.Elem())
		}
	case reflect.Map:
		k.mapValue(v)
	default:
		k.str("unhashable " + v.Type().String())
	}
}

// mapValue writes the entries of map v in the order of their keys' bytes.
func (k *keyHash) mapValue(v reflect.Value) {
	type entry struct {
		key []byte
		val reflect.Value
	}
	var entries []entry
	for it := v.MapRange(); it.Next(); {
		sub := &keyHash{h: sha256.New()}
		sub.value(it.Key())
		sub.h.Write(sub.buf)
		entries = append(entries, entry{key: sub.h.Sum(nil), val: it.Value()})
	}
	slices.SortFunc(entries, func(a, b entry) int { return bytes.Compare(a.key, b.key) })
	k.uint(uint64(len(entries)))
	for _, e := range entries {
		k.buf = append(k.buf, e.key...)
		k.value(e.val)
	}
}

// bit returns 1 for true, 0 for false.
func bit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// keyOf returns the key of a page of the given kind made from data.
func keyOf(kind string, data ...any) Key {
	k := newKeyHash(kind)
	for _, d := range data {
		k.value(reflect.ValueOf(d))
	}
	return k.sum()
}

// chronologyKey returns the key of what the chronology's files for
// programs are made from: the story but its sources' texts.
func (st *story) chronologyKey() Key {
	st.chronology.once.Do(func() {
		keys := st.keys()
		k := newKeyHash("chronology")
		k.str(st.base)
		k.str(st.tl.Title)
		k.str(st.tl.Description)
		k.str(st.tl.Intro)
		k.uint(uint64(len(keys.facts)))
		for _, f := range keys.facts {
			k.key(f)
		}
		k.uint(uint64(len(keys.events)))
		for _, e := range keys.events {
			k.key(e)
		}
		st.chronology.key = k.sum()
	})
	return st.chronology.key
}

// templatesKey returns what the pages' templates are: the key of their
// sources, read from package assets.
func templatesKey() (string, error) {
	names, err := fs.Glob(assets.FS, "templates/*.html")
	if err != nil {
		return "", err
	}
	k := newKeyHash("templates")
	slices.SortFunc(names, cmp.Compare)
	for _, name := range names {
		data, err := fs.ReadFile(assets.FS, name)
		if err != nil {
			return "", err
		}
		k.str(name)
		k.str(string(data))
	}
	key := k.sum()
	return string(key[:]), nil
}
