package keep

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/build"
	"github.com/timeline-project/timeline/timeline/internal/fixture"
	"github.com/timeline-project/timeline/timeline/words"
)

// codecInputs are the seeds and sources of every kind: Markdown, UTF-16,
// front matter with every field, problems, a teaser the story repeats.
func codecInputs(t testing.TB) []timeline.Input {
	inputs := fixture.Seeds(t)
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "The council said on Monday, May 22, that it would meet.\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	inputs = append(inputs,
		timeline.Input{Name: "front.md", Data: []byte("---\ntitle: T\nurl: https://example.com/a\npublisher: P\nauthor: A\n" +
			"published: 2023-05-24\nid: front-id\n---\n# Heading\n\nThe mayor said on Tuesday that the bridge had reopened.\n")},
		timeline.Input{Name: "bad-date.txt", Data: []byte("---\npublished: 03/04/2023\n---\nThe mayor said on Tuesday that it rained for hours.\n")},
		timeline.Input{Name: "wide.txt", Data: utf16},
	)
	// Six sources print one teaser on six days: page furniture of the
	// story, which the mentions of their readings are remembered with.
	for i := range 6 {
		inputs = append(inputs, timeline.Input{Name: fmt.Sprintf("teaser-%d.md", i), Data: []byte(fmt.Sprintf("---\npublished: 2024-04-%02d\n---\n"+
			"Workers at mill %d walked out on Monday over unpaid wages, the union said.\n\n"+
			"Hopes for a settlement of the wider dispute remain alive, says our correspondent.\n", 10+i, i))})
	}
	return inputs
}

// TestReadingCodecRoundTrip writes every reading, after a build has
// made it remember publication dates, and reads it back unchanged.
func TestReadingCodecRoundTrip(t *testing.T) {
	inputs := codecInputs(t)
	var readings []*Reading
	for _, in := range inputs {
		rd, err := Read(in)
		if err != nil {
			t.Fatalf("%s: %v", in.Name, err)
		}
		readings = append(readings, rd)
	}
	if _, err := Assemble(readings, nil, build.Options{}); err != nil {
		t.Fatal(err)
	}
	remembered, mentions := 0, 0
	for i, rd := range readings {
		data, err := rd.AppendBinary([]byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := Decode(inputs[i], data[1:])
		if err != nil {
			t.Fatalf("%s: decode: %v", inputs[i].Name, err)
		}
		if got.Grown() {
			t.Errorf("%s: a decoded reading says it has grown", inputs[i].Name)
		}
		want, have := rd.r, got.r
		if !reflect.DeepEqual(have.Src, want.Src) {
			t.Errorf("%s: source differs:\n got %+v\nwant %+v", inputs[i].Name, have.Src, want.Src)
		}
		if have.Meta != want.Meta || have.Stated != want.Stated {
			t.Errorf("%s: meta or stated date differ: %+v %+v, want %+v %+v", inputs[i].Name, have.Meta, have.Stated, want.Meta, want.Stated)
		}
		if !reflect.DeepEqual(have.Exprs, want.Exprs) || !reflect.DeepEqual(have.Article, want.Article) {
			t.Errorf("%s: expressions differ", inputs[i].Name)
		}
		if errorStrings(have.Problems) != errorStrings(want.Problems) {
			t.Errorf("%s: problems %q, want %q", inputs[i].Name, errorStrings(have.Problems), errorStrings(want.Problems))
		}
		if !sameAnchors(got.anchors, rd.anchors) {
			t.Errorf("%s: remembered dates differ", inputs[i].Name)
		}
		if !sameMentionMemo(got.found, rd.found) {
			t.Errorf("%s: remembered mentions differ", inputs[i].Name)
		}
		for _, m := range rd.found.mentions {
			if m.Quote != words.CollapseSpace(m.Text()) {
				t.Errorf("%s: sentence %d quoted as %q", inputs[i].Name, m.Sentence.N, m.Quote)
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
		if x.Src.Text != y.Src.Text || x.Src.ID != y.Src.ID {
			return false
		}
		x.Src, y.Src = nil, nil
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
	marked := 0
	for _, src := range got.Timeline.Sources {
		for _, b := range src.Blocks {
			if strings.HasPrefix(b.Furniture, "printed by") {
				marked++
			}
		}
	}
	if marked == 0 {
		t.Error("no block is furniture the story repeats: the marks were not tried")
	}
	if fmt.Sprint(got.Problems) != fmt.Sprint(want.Problems) {
		t.Errorf("decoded readings have problems %v, want %v", got.Problems, want.Problems)
	}
	for _, rd := range decoded {
		if rd.Grown() {
			t.Errorf("%s: mentions found again though remembered", rd.file())
		}
	}
}

// decodeEach encodes each reading and decodes it again from its input.
func decodeEach(t *testing.T, inputs []timeline.Input, readings []*Reading) []*Reading {
	t.Helper()
	decoded := make([]*Reading, len(readings))
	for i, rd := range readings {
		data, err := rd.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		if decoded[i], err = Decode(inputs[i], data); err != nil {
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
	rd, err := Read(in)
	if err != nil {
		t.Fatal(err)
	}
	data, err := rd.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < len(data); n += 1 + n/50 {
		if _, err := Decode(in, data[:n]); err == nil {
			t.Errorf("the first %d of %d bytes decoded", n, len(data))
		}
	}
	short := timeline.Input{Name: in.Name, Data: in.Data[:10]}
	if _, err := Decode(short, data); err == nil {
		t.Error("a reading decoded against an input too short for its text")
	}
}

// FuzzDecode checks that no bytes make Decode panic.
func FuzzDecode(f *testing.F) {
	in := timeline.Input{Name: "a.txt", Data: []byte("Menu\n\nThe mayor said on Tuesday, May 23, 2023 that the bridge had reopened after repairs.\n")}
	rd, err := Read(in)
	if err != nil {
		f.Fatal(err)
	}
	data, _ := rd.AppendBinary(nil)
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		Decode(in, data)
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
		opts := build.Options{Stage: func(s string) { stages = append(stages, s) }}
		opts.Remembered = func() {
			stages = append(stages, "remembered")
			early = encodeAll(t, readings)
		}
		if _, err := Assemble(readings, nil, opts); err != nil {
			t.Fatal(err)
		}
		want := []string{build.StageDating, build.StageMentions, "remembered", build.StageMerging}
		if !slices.Equal(stages, want) {
			t.Fatalf("stages %q, want %q", stages, want)
		}
		for i, data := range encodeAll(t, readings) {
			if !bytes.Equal(early[i], data) {
				t.Errorf("%s: remembered more after Remembered was told", readings[i].file())
			}
		}
	}
}

// encodeAll returns every reading encoded.
func encodeAll(t *testing.T, readings []*Reading) [][]byte {
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
