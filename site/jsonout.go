package site

import "encoding/json"

// jsonOut writes a JSON document byte for byte as encodeJSON would
// write it whole (indented by two spaces, HTML characters left as they
// are, ending in a newline), one member and one list element at a time,
// straight into an outBuffer: a chronology of many thousand events is
// then encoded without the whole-document buffers that encoding/json
// grows for a value and for its indented form.
//
// A document is an object: begin, then member (a value) or list (an
// array, element by element) per field, then end.
type jsonOut struct {
	buf     outBuffer
	enc     *json.Encoder
	members int
	err     error
}

// newJSONOut returns a writer of a new document.
func newJSONOut() *jsonOut {
	o := &jsonOut{}
	o.enc = json.NewEncoder(&o.buf)
	o.enc.SetEscapeHTML(false)
	o.buf.WriteByte('{')
	return o
}

// value writes v as encodeJSON would at a depth whose lines begin with
// prefix, without the newline Encode ends with.
func (o *jsonOut) value(prefix string, v any) {
	if o.err != nil {
		return
	}
	o.enc.SetIndent(prefix, "  ")
	if o.err = o.enc.Encode(v); o.err == nil {
		o.buf.dropLast()
	}
}

// key begins the next member of the document, named name (plain ASCII).
func (o *jsonOut) key(name string) {
	if o.members > 0 {
		o.buf.WriteByte(',')
	}
	o.members++
	o.buf.WriteString("\n  \"")
	o.buf.WriteString(name)
	o.buf.WriteString("\": ")
}

// member writes the member name with value v.
func (o *jsonOut) member(name string, v any) {
	o.key(name)
	o.value("  ", v)
}

// list writes the member name, an array of n elements: elem(i) returns
// element i.
func (o *jsonOut) list(name string, n int, elem func(i int) any) {
	o.key(name)
	if n == 0 {
		o.buf.WriteString("[]")
		return
	}
	o.buf.WriteByte('[')
	for i := range n {
		if i > 0 {
			o.buf.WriteByte(',')
		}
		o.buf.WriteString("\n    ")
		o.value("    ", elem(i))
	}
	o.buf.WriteString("\n  ]")
}

// end closes the document and returns its bytes.
func (o *jsonOut) end() ([]byte, error) {
	if o.err != nil {
		return nil, o.err
	}
	if o.members > 0 {
		o.buf.WriteByte('\n')
	}
	o.buf.WriteString("}\n")
	return o.buf.Bytes(), nil
}
