package timex

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// codecTexts are texts whose expressions exercise every kind of meaning:
// points, weekdays, offsets, narrative dates, clocks, durations, sets,
// references, holidays, parts of day, modifiers and numeric dates.
var codecTexts = []string{
	"Russian officials said on Tuesday afternoon that a counterterrorism operation began in the early hours of Monday.",
	"A drone attack hit early on Wednesday, May 24, Moscow said. Two days later, at 10:30 a.m. ET, it ended.",
	"— Anton Gerashchenko (@Gerashchenko_en) May 22, 2023\nPublished on 2023-05-23T22:33:50.746Z; 23.05.2023",
	"It lasted two days and 15 months ago, for more than 20 years, every Monday, about 3.5 hours.",
	"the 1990s, '80s, 1957-58, 3/22/2013, 03/04/2013, Q1 2013, the first half of last year, last summer",
	"By Christmas and Easter 2024, the end of the year, next week, tonight, now, recently, in the future.",
}

// TestCodecRoundTrip writes the expressions of many texts and reads
// them back: every field, the unexported meaning included, survives.
func TestCodecRoundTrip(t *testing.T) {
	texts := append([]string(nil), codecTexts...)
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	total := 0
	for _, text := range texts {
		exprs := Find(text)
		total += len(exprs)
		data, err := AppendExprs([]byte("head"), exprs)
		if err != nil {
			t.Fatal(err)
		}
		got, rest, err := DecodeExprs(append(data[len("head"):], "tail"...))
		if err != nil {
			t.Fatalf("decode: %v", err)
		}
		if string(rest) != "tail" {
			t.Errorf("rest after the expressions is %q, want %q", rest, "tail")
		}
		if len(exprs) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, exprs) {
			t.Errorf("round trip of the expressions of %.40q changed them:\n got %+v\nwant %+v", text, got, exprs)
		}
	}
	if total < 50 {
		t.Errorf("only %d expressions were tried", total)
	}
}

// TestCodecRefusesTruncated checks that every cut of valid bytes is
// refused, not read as something else.
func TestCodecRefusesTruncated(t *testing.T) {
	data, err := AppendExprs(nil, Find(codecTexts[1]))
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(data) {
		if _, _, err := DecodeExprs(data[:n]); err == nil {
			t.Errorf("the first %d of %d bytes decoded without error", n, len(data))
		}
	}
}

func TestCodecVersion(t *testing.T) {
	if v := CodecVersion(); len(v) < 20 || v != codecFingerprint(reflect.TypeFor[Expr]()) {
		t.Errorf("CodecVersion() = %q, not a stable fingerprint", v)
	}
	if exprCodecErr != nil {
		t.Fatal(exprCodecErr)
	}
}

// FuzzDecodeExprs checks that DecodeExprs never panics on any bytes.
func FuzzDecodeExprs(f *testing.F) {
	for _, text := range codecTexts {
		data, _ := AppendExprs(nil, Find(text))
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		exprs, rest, err := DecodeExprs(data)
		if err == nil && len(rest) > len(data) {
			t.Fatalf("rest longer than the input")
		}
		_ = exprs
	})
}
