package timeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline/words"
)

// codecInputs are the seeds and sources of every kind: Markdown, UTF-16,
// front matter with every field, problems.
func codecInputs(t testing.TB) []Input {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var inputs []Input
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, Input{Name: filepath.Base(f), Data: data})
	}
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "The council said on Monday, May 22, that it would meet.\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	return append(inputs,
		Input{Name: "front.md", Data: []byte("---\ntitle: T\nurl: https://example.com/a\npublisher: P\nauthor: A\n" +
			"published: 2023-05-24\nid: front-id\n---\n# Heading\n\nThe mayor said on Tuesday that the bridge had reopened.\n")},
		Input{Name: "bad-date.txt", Data: []byte("---\npublished: 03/04/2023\n---\nThe mayor said on Tuesday that it rained for hours.\n")},
		Input{Name: "wide.txt", Data: utf16},
	)
}

// TestReadingCodecRoundTrip writes every reading, after a build has
// made it remember publication dates, and reads it back unchanged.
func TestReadingCodecRoundTrip(t *testing.T) {
	inputs := codecInputs(t)
	var readings []*Kept
	for _, in := range inputs {
		rd, err := ReadKept(in)
		if err != nil {
			t.Fatalf("%s: %v", in.Name, err)
		}
		readings = append(readings, rd)
	}
	if _, err := AssembleKept(readings, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	remembered, mentions := 0, 0
	for i, rd := range readings {
		data, err := rd.AppendBinary([]byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeReading(inputs[i], data[1:])
		if err != nil {
			t.Fatalf("%s: decode: %v", inputs[i].Name, err)
		}
		if got.Grown() {
			t.Errorf("%s: a decoded reading says it has grown", inputs[i].Name)
		}
		want, have := rd.r, got.r
		if !reflect.DeepEqual(have.src, want.src) {
			t.Errorf("%s: source differs:\n got %+v\nwant %+v", inputs[i].Name, have.src, want.src)
		}
		if have.meta != want.meta || have.stated != want.stated {
			t.Errorf("%s: meta or stated date differ: %+v %+v, want %+v %+v", inputs[i].Name, have.meta, have.stated, want.meta, want.stated)
		}
		if !reflect.DeepEqual(have.exprs, want.exprs) || !reflect.DeepEqual(have.article, want.article) {
			t.Errorf("%s: expressions differ", inputs[i].Name)
		}
		if errorStrings(have.problems) != errorStrings(want.problems) {
			t.Errorf("%s: problems %q, want %q", inputs[i].Name, errorStrings(have.problems), errorStrings(want.problems))
		}
		if !sameAnchors(got.anchors, rd.anchors) {
			t.Errorf("%s: remembered dates differ", inputs[i].Name)
		}
		if !sameMentionMemo(got.found, rd.found) {
			t.Errorf("%s: remembered mentions differ", inputs[i].Name)
		}
		for _, m := range rd.found.mentions {
			if m.quote != words.CollapseSpace(m.text()) {
				t.Errorf("%s: sentence %d quoted as %q", inputs[i].Name, m.sentence.N, m.quote)
			}
		}
		remembered += len(rd.anchors.index)
		mentions += len(rd.found.mentions)
	}
	if remembered == 0 {
		t.Error("no reading remembered any publication date: the memo was not tried")
	}
	if mentions == 0 {
		t.Error("no reading remembered any mention: the memo was not tried")
	}
}

// sameMentionMemo reports whether two memos hold the same mentions, each
// in its own source.
func sameMentionMemo(a, b *mentionMemo) bool {
	if a.ok != b.ok || a.published != b.published || a.id != b.id || errorStrings(a.problems) != errorStrings(b.problems) ||
		len(a.mentions) != len(b.mentions) {
		return false
	}
	for i := range a.mentions {
		x, y := a.mentions[i], b.mentions[i]
		if x.src.Text != y.src.Text || x.src.ID != y.src.ID {
			return false
		}
		x.src, y.src = nil, nil
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}

// TestDecodedReadingsBuildTheSame checks that readings decoded from
// bytes, their mentions remembered, build the timeline the originals
// build.
func TestDecodedReadingsBuildTheSame(t *testing.T) {
	inputs := codecInputs(t)
	readings := readEach(t, inputs)
	want := assembleOf(t, readings)
	decoded := decodeEach(t, inputs, readings)
	for i := range decoded {
		if !decoded[i].found.ok {
			t.Errorf("%s: mentions not remembered", inputs[i].Name)
		}
	}
	got := assembleOf(t, decoded)
	if !reflect.DeepEqual(got.Timeline, want.Timeline) {
		t.Error("decoded readings build another timeline")
	}
	if fmt.Sprint(got.Problems) != fmt.Sprint(want.Problems) {
		t.Errorf("decoded readings have problems %v, want %v", got.Problems, want.Problems)
	}
	for _, rd := range decoded {
		if rd.Grown() {
			t.Errorf("%s: mentions found again though remembered", rd.File())
		}
	}
}

// decodeEach encodes each reading and decodes it again from its input.
func decodeEach(t *testing.T, inputs []Input, readings []*Kept) []*Kept {
	t.Helper()
	decoded := make([]*Kept, len(readings))
	for i, rd := range readings {
		data, err := rd.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		if decoded[i], err = DecodeReading(inputs[i], data); err != nil {
			t.Fatalf("%s: decode: %v", inputs[i].Name, err)
		}
	}
	return decoded
}

func sameAnchors(a, b *anchorMemo) bool {
	if len(a.index) != len(b.index) {
		return false
	}
	for i, e := range a.index {
		f := b.index[i]
		if e.dct != f.dct || !slices.Equal(a.days[e.from:e.to], b.days[f.from:f.to]) {
			return false
		}
	}
	return true
}

func errorStrings(errs []error) string {
	var s []string
	for _, e := range errs {
		s = append(s, e.Error())
	}
	return strings.Join(s, "|")
}

// TestReadingCodecRefusesDamage checks that cut or changed bytes are
// refused or read without a panic.
func TestReadingCodecRefusesDamage(t *testing.T) {
	in := codecInputs(t)[0]
	rd, err := ReadKept(in)
	if err != nil {
		t.Fatal(err)
	}
	data, err := rd.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < len(data); n += 1 + n/50 {
		if _, err := DecodeReading(in, data[:n]); err == nil {
			t.Errorf("the first %d of %d bytes decoded", n, len(data))
		}
	}
	short := Input{Name: in.Name, Data: in.Data[:10]}
	if _, err := DecodeReading(short, data); err == nil {
		t.Error("a reading decoded against an input too short for its text")
	}
}

// FuzzDecodeReading checks that no bytes make DecodeReading panic.
func FuzzDecodeReading(f *testing.F) {
	in := Input{Name: "a.txt", Data: []byte("Menu\n\nThe mayor said on Tuesday, May 23, 2023 that the bridge had reopened after repairs.\n")}
	rd, err := ReadKept(in)
	if err != nil {
		f.Fatal(err)
	}
	data, _ := rd.AppendBinary(nil)
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		DecodeReading(in, data)
	})
}

// TestRememberedBeforeMerging checks Options.Remembered: told once,
// after the mentions are found and before the merging, when every
// reading encodes to the bytes it encodes to once Assemble is done;
// in the build after one that remembered too.
func TestRememberedBeforeMerging(t *testing.T) {
	readings := readEach(t, codecInputs(t))
	for range 2 {
		var stages []string
		var early [][]byte
		opts := Options{Stage: func(s string) { stages = append(stages, s) }}
		opts.Remembered = func() {
			stages = append(stages, "remembered")
			early = encodeAll(t, readings)
		}
		if _, err := AssembleKept(readings, nil, opts); err != nil {
			t.Fatal(err)
		}
		want := []string{StageDating, StageMentions, "remembered", StageMerging}
		if !slices.Equal(stages, want) {
			t.Fatalf("stages %q, want %q", stages, want)
		}
		for i, data := range encodeAll(t, readings) {
			if !bytes.Equal(early[i], data) {
				t.Errorf("%s: remembered more after Remembered was told", readings[i].File())
			}
		}
	}
}

// encodeAll returns every reading encoded.
func encodeAll(t *testing.T, readings []*Kept) [][]byte {
	t.Helper()
	out := make([][]byte, len(readings))
	for i, rd := range readings {
		data, err := rd.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = data
	}
	return out
}
