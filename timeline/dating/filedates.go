package dating

import (
	"github.com/timeline-project/timeline/timeline/read"
	"github.com/timeline-project/timeline/timeline/timex"
)

// FileDate is a temporal expression of a file, resolved.
type FileDate struct {
	// Start and End are byte offsets into the file's bytes (into the
	// converted text for a UTF-16 file).
	Start, End int
	// Text is the expression as written.
	Text  string
	Type  timex.Type
	Value string
}

// FileDates returns the temporal expressions in a file's bytes, the
// front matter included, resolved against dct (the zero Date leaves what
// needs an anchor unresolved). It answers "why this date?" for a source.
func FileDates(data []byte, dct timex.Date) []FileDate {
	text, offset := string(data), 0
	if dec, err := read.Decode(data); err == nil {
		text, offset = dec.Text, max(dec.Offset, 0)
	}
	exprs := timex.Find(text)
	values := timex.Resolve(exprs, dct)
	out := make([]FileDate, len(exprs))
	for i, e := range exprs {
		out[i] = FileDate{
			Start: offset + e.Start, End: offset + e.End,
			Text: text[e.Start:e.End], Type: e.Type, Value: values[i].TIMEX3,
		}
	}
	return out
}
