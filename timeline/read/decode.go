package read

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline"
)

// FormatOf returns the format of a source by its file name.
func FormatOf(name string) timeline.Format {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		return timeline.FormatMarkdown
	case ".html", ".htm":
		return timeline.FormatHTML
	}
	return timeline.FormatText
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decoded is a file's content as UTF-8 text.
type Decoded struct {
	Text string
	// Offset is where text begins in the file's bytes, or -1 when text
	// was converted from another encoding.
	Offset int
}

// Decode returns a file's content as UTF-8 text: a UTF-8 byte order mark
// is dropped, UTF-16 with a byte order mark is converted. It refuses
// what is not text: an empty file, a binary file, invalid UTF-8.
func Decode(data []byte) (Decoded, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
		return checkText(data, len(bomUTF8))
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		text, err := decodeUTF16(data)
		if err != nil {
			return Decoded{}, err
		}
		return checkText([]byte(text), -1)
	}
	return checkText(data, 0)
}

// checkText accepts data as text or says why not.
func checkText(data []byte, offset int) (Decoded, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Decoded{}, errors.New("the file is empty")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return Decoded{}, fmt.Errorf("a binary file, not text (NUL byte at offset %d)", i)
	}
	if controls := countControls(data); controls*100 > len(data) {
		return Decoded{}, fmt.Errorf("a binary file, not text (%d control characters)", controls)
	}
	if !utf8.Valid(data) {
		return Decoded{}, fmt.Errorf("not UTF-8 text (invalid byte at offset %d); save it as UTF-8",
			firstInvalidUTF8(data)+max(offset, 0))
	}
	return Decoded{Text: string(data), Offset: offset}, nil
}

// countControls counts the C0 control bytes other than tab, newline,
// carriage return and form feed.
func countControls(data []byte) int {
	n := 0
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			n++
		}
	}
	return n
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// decodeUTF16 converts UTF-16 with a byte order mark to UTF-8.
func decodeUTF16(data []byte) (string, error) {
	if len(data)%2 != 0 {
		return "", errors.New("UTF-16 text with an odd number of bytes")
	}
	bigEndian := bytes.HasPrefix(data, bomUTF16BE)
	units := make([]uint16, 0, len(data)/2-1)
	for i := 2; i+1 < len(data); i += 2 {
		if bigEndian {
			units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			units = append(units, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	return string(utf16.Decode(units)), nil
}
