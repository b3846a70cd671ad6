package site

import (
	"bytes"
	"encoding/json"
	"errors"
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

// jsonDoc lays out a JSON document byte for byte as encodeJSON would
// write it whole (indented by two spaces, HTML characters left as they
// are, ending in a newline): an object whose members are written one at
// a time, and whose lists' elements are parts.
type jsonDoc struct {
	path    string
	a       assembly
	members int
	err     error
}

// newJSONDoc begins the document of the file at path.
func newJSONDoc(path string) *jsonDoc {
	d := &jsonDoc{path: path}
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

// innerList is the last member of an element of a list, an array laid
// out element by element: keys are the keys of what its elements are
// made from, elem(j) element j.
type innerList struct {
	keys []Key
	elem func(j int) any
}

// splitList is list, but the last member of element i, an array, is
// laid out element by element when inner(i) returns its elements; elem(i)
// must then return element i with that array empty. When one element is
// added to an array of thousands, only the element it is in and the new
// one are encoded again.
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
				parts += len(inners[i].keys)
			}
		}
	}
	d.a.grow(parts)
	for i, in := range inners {
		d.a.add(part{key: key(i), render: func() (fragment, error) {
			var b bytes.Buffer
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n    ")
			if err := encodeIndented(&b, "    ", elem(i)); err != nil {
				return fragment{}, err
			}
			if in == nil {
				return fragment{data: b.Bytes()}, nil
			}
			// The element ends with its last member: "[]\n    }".
			data, ok := bytes.CutSuffix(b.Bytes(), []byte("]\n    }"))
			if !ok || !bytes.HasSuffix(data, []byte(": [")) {
				return fragment{}, errors.New("an element of " + d.path + " does not end with an empty array")
			}
			return fragment{data: data}, nil
		}})
		if in != nil {
			d.innerElements(in)
		}
	}
	d.a.literal([]byte("\n  ]"))
}

// innerElements lays out the elements of in and closes the array and
// the element it ends.
func (d *jsonDoc) innerElements(in *innerList) {
	for j, k := range in.keys {
		sep := []byte(",\n        ")
		if j == 0 {
			sep = sep[1:]
		}
		d.a.literal(sep)
		d.a.add(part{key: k, render: func() (fragment, error) {
			var b bytes.Buffer
			err := encodeIndented(&b, "        ", in.elem(j))
			return fragment{data: b.Bytes()}, err
		}})
	}
	if len(in.keys) == 0 {
		d.a.literal([]byte("]\n    }"))
	} else {
		d.a.literal([]byte("\n      ]\n    }"))
	}
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
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1)
	return nil
}
