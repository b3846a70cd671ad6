package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"sync"
)

// The exports are assembled from fragments too (see assemble): per
// event, its element of timeline.json's and timelinejs.json's events,
// its row of events.csv, its entry of feed.xml and its event of
// timeline.ics; per source, its element of timeline.json's sources.

// exportKey returns the key of a fragment of the export at path made
// from the data of the event or source whose key is of (see storyKeys)
// and from the story's title and address; first tells the first
// element of a list, which has no comma before it.
func (st *story) exportKey(path string, of Key, first bool) Key {
	k := newKeyHash("export fragment")
	k.str(path)
	k.key(of)
	k.str(st.base)
	k.str(st.title())
	k.uint(bit(first))
	return k.sum()
}

// eventLinkKey returns the key of event i of st with the address of
// its entry, which the exports that link to it show: it moves to the
// page of its month when the chronology is split (see chronicle).
func (st *story) eventLinkKey(i int) Key {
	k := newKeyHash("event and its entry")
	k.key(st.keys().events[i])
	k.str(st.entryPath(&st.tl.Events[i]))
	return k.sum()
}

// splitEvent reports whether r lays out event i of st in pieces, its
// citations apart: r keeps fragments, and the event has its citations'
// keys (see splitCitesMin).
func (r *Renderer) splitEvent(st *story, i int) bool {
	return st.keys().citations[i] != nil && !r.frags.off
}

// eventElementKey returns the key of event i's element of the export at
// path, or of its opening when it is laid out in pieces.
func (r *Renderer) eventElementKey(st *story, path string, i int) Key {
	k := st.exportKey(path, st.keys().events[i], i == 0)
	if r.splitEvent(st, i) {
		k = keyOf("split", k)
	}
	return k
}

// jsonDoc lays out a JSON document byte for byte as encodeJSON would
// write it whole (indented by two spaces, HTML characters left as they
// are, ending in a newline): an object whose members are written one at
// a time, and whose lists' elements are parts.
type jsonDoc struct {
	a       assembly
	members int
	err     error
}

// newJSONDoc begins a document in room, an empty assembly.
func newJSONDoc(room assembly) *jsonDoc {
	d := &jsonDoc{a: room}
	d.a.literal([]byte("{"))
	return d
}

// key returns the beginning of the next member, named name (plain ASCII).
func (d *jsonDoc) key(name string) []byte {
	var b []byte
	if d.members > 0 {
		b = append(b, ',')
	}
	d.members++
	return append(append(append(b, "\n  \""...), name...), "\": "...)
}

// member writes the member name with value v.
func (d *jsonDoc) member(name string, v any) {
	b := bytes.NewBuffer(d.key(name))
	if err := encodeIndented(b, "  ", v); err != nil && d.err == nil {
		d.err = err
	}
	d.a.literal(b.Bytes())
}

// list writes the member name, an array of n elements: key(i) returns
// the key of what element i is made from, elem(i) the element.
func (d *jsonDoc) list(name string, n int, key func(i int) Key, elem func(i int) any) {
	d.splitList(name, n, key, elem, nil)
}

// innerList is a run of an element of a list laid out piece by piece:
// the citations of an event, in an array or in a string. keys are the
// keys of what the pieces are made from; sep(j) returns the bytes
// before piece j and piece(j) those of piece j; after follows the last
// piece. cut returns where, in the bytes of the element made with no
// pieces, the pieces go.
type innerList struct {
	keys  []Key
	sep   func(j int) []byte
	piece func(j int) ([]byte, error)
	after []byte
	cut   func(elem []byte) (int, error)
}

// splitList is list, but element i is laid out in three when inner(i)
// returns a run of it: the element up to the run, each piece of the run,
// the element after it. elem(i) must then return the element without
// the run's pieces. When one piece is added to a run of thousands, only
// the element's two ends and the new piece are made again.
func (d *jsonDoc) splitList(name string, n int, key func(i int) Key, elem func(i int) any, inner func(i int) *innerList) {
	b := d.key(name)
	if n == 0 {
		d.a.literal(append(b, "[]"...))
		return
	}
	d.a.literal(append(b, '['))
	inners := make([]*innerList, n)
	parts := n
	if inner != nil {
		for i := range inners {
			if inners[i] = inner(i); inners[i] != nil {
				parts += len(inners[i].keys) + 1
			}
		}
	}
	d.a.grow(parts)
	for i, in := range inners {
		// element is the bytes of element i, after its comma and line
		// break, and where the run goes in them: made once for both ends.
		element := sync.OnceValues(func() (cutBytes, error) {
			var b bytes.Buffer
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n    ")
			start := b.Len()
			if err := encodeIndented(&b, "    ", elem(i)); err != nil {
				return cutBytes{}, err
			}
			if in == nil {
				return cutBytes{b.Bytes(), b.Len()}, nil
			}
			at, err := in.cut(b.Bytes()[start:])
			return cutBytes{b.Bytes(), start + at}, err
		})
		k := key(i)
		up := part{key: k, render: func() (fragment, error) {
			e, err := element()
			return fragment{data: e.data[:e.at]}, err
		}}
		if in == nil {
			d.a.add(up)
			continue
		}
		// The element's bytes are made from what its key is made from,
		// its pieces' included: it is a group.
		d.a.group(k, func() {
			d.a.add(up)
			d.innerElements(in)
			d.a.add(part{key: keyOf("after the run", k), render: func() (fragment, error) {
				e, err := element()
				return fragment{data: e.data[e.at:]}, err
			}})
		})
	}
	d.a.literal([]byte("\n  ]"))
}

// cutBytes is bytes and a place in them.
type cutBytes struct {
	data []byte
	at   int
}

// innerElements lays out the pieces of in.
func (d *jsonDoc) innerElements(in *innerList) {
	for j, k := range in.keys {
		if sep := in.sep(j); len(sep) > 0 {
			d.a.literal(sep)
		}
		d.a.add(part{key: k, render: func() (fragment, error) {
			data, err := in.piece(j)
			return fragment{data: data}, err
		}})
	}
	if len(in.keys) > 0 {
		d.a.literal(in.after)
	}
}

// arrayRun is the run of the elements of an element's last member, an
// array: elem(j) returns element j of the n.
func arrayRun(keys []Key, elem func(j int) any) *innerList {
	return &innerList{
		keys: keys,
		sep: func(j int) []byte {
			if j == 0 {
				return []byte("\n        ")
			}
			return []byte(",\n        ")
		},
		piece: func(j int) ([]byte, error) {
			var b bytes.Buffer
			err := encodeIndented(&b, "        ", elem(j))
			return b.Bytes(), err
		},
		after: []byte("\n      "),
		cut: func(elem []byte) (int, error) {
			// The element ends with its last member, empty: "[]\n    }".
			rest, ok := bytes.CutSuffix(elem, []byte("]\n    }"))
			if !ok || !bytes.HasSuffix(rest, []byte(": [")) {
				return 0, errors.New("an element does not end with an empty array")
			}
			return len(rest), nil
		},
	}
}

// stringRun is a run inside a string of an element: the n strings
// piece(j) escaped as JSON escapes them in a string, one after the
// other. marked returns the element with the one letter "x" where the
// run goes, in the string: the bytes of the element with no run and
// with the letter differ there first.
func stringRun(keys []Key, piece func(j int) string, marked func() any) *innerList {
	return &innerList{
		keys:  keys,
		sep:   func(int) []byte { return nil },
		piece: func(j int) ([]byte, error) { return jsonStringBody(piece(j)) },
		cut: func(elem []byte) (int, error) {
			var b bytes.Buffer
			if err := encodeIndented(&b, "    ", marked()); err != nil {
				return 0, err
			}
			m := b.Bytes()
			errMark := errors.New("an element's string does not take its run where it was marked")
			if len(m) != len(elem)+1 {
				return 0, errMark
			}
			at := 0
			for at < len(elem) && elem[at] == m[at] {
				at++
			}
			if m[at] != 'x' || !bytes.Equal(m[at+1:], elem[at:]) {
				return 0, errMark
			}
			return at, nil
		},
	}
}

// jsonStringBody returns s as JSON writes it in a string (HTML
// characters left as they are), without the quotation marks.
func jsonStringBody(s string) ([]byte, error) {
	var b bytes.Buffer
	if err := encodeIndented(&b, "", s); err != nil {
		return nil, err
	}
	return b.Bytes()[1 : b.Len()-1], nil
}

// end closes the document and returns its layout.
func (d *jsonDoc) end() (*assembly, error) {
	if d.err != nil {
		return nil, d.err
	}
	if d.members > 0 {
		d.a.literal([]byte("\n"))
	}
	d.a.literal([]byte("}\n"))
	return &d.a, nil
}

// encodeIndented writes v as encodeJSON would at a depth whose lines
// begin with prefix, without the newline Encode ends with.
func encodeIndented(b *bytes.Buffer, prefix string, v any) error {
	e := compactEncoders.Get().(*compactEncoder)
	defer compactEncoders.Put(e)
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return err
	}
	// Indent grows b once, to twice what it is given; the encoder's own
	// indenting grew a new buffer step by step for every value.
	compact := e.buf.Bytes()
	return json.Indent(b, compact[:len(compact)-1], prefix, "  ")
}

// compactEncoder is a JSON encoder that leaves HTML characters as they
// are, with the buffer it writes to: one per goroutine at a time, kept
// from value to value in compactEncoders.
type compactEncoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

// compactEncoders holds compactEncoders for encodeIndented.
var compactEncoders = sync.Pool{New: func() any {
	e := new(compactEncoder)
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e
}}
