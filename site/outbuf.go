package site

// outBuffer collects the bytes of one large file (index.html, the
// exports) in blocks that are never copied as they fill, and gives them
// back in one slice of exactly their length: the file is copied once,
// and the site holds no room to spare, where a bytes.Buffer copies as it
// doubles and keeps up to twice the file.
type outBuffer struct {
	full [][]byte
	cur  []byte
	n    int
}

// Block sizes: the first, and the largest that a block grows to.
const (
	firstBlock = 64 << 10
	maxBlock   = 4 << 20
)

// room makes sure that the current block has room for n more bytes: a
// write always lands whole in one block.
func (o *outBuffer) room(n int) {
	if cap(o.cur)-len(o.cur) >= n {
		return
	}
	size := firstBlock
	if o.cur != nil {
		o.full = append(o.full, o.cur)
		size = min(2*cap(o.cur), maxBlock)
	}
	o.cur = make([]byte, 0, max(size, n))
}

// Write appends p; it never fails.
func (o *outBuffer) Write(p []byte) (int, error) {
	o.room(len(p))
	o.cur = append(o.cur, p...)
	o.n += len(p)
	return len(p), nil
}

// WriteString appends s; it never fails.
func (o *outBuffer) WriteString(s string) (int, error) {
	o.room(len(s))
	o.cur = append(o.cur, s...)
	o.n += len(s)
	return len(s), nil
}

// WriteByte appends c; it never fails.
func (o *outBuffer) WriteByte(c byte) error {
	o.room(1)
	o.cur = append(o.cur, c)
	o.n++
	return nil
}

// Len returns how many bytes the buffer holds.
func (o *outBuffer) Len() int { return o.n }

// Bytes returns everything written, in one new slice of exactly its
// length, and empties the buffer.
func (o *outBuffer) Bytes() []byte {
	out := make([]byte, 0, o.n)
	for _, b := range o.full {
		out = append(out, b...)
	}
	out = append(out, o.cur...)
	*o = outBuffer{}
	return out
}
