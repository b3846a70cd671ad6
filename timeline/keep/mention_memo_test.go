package keep

import (
	"reflect"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/build"
	"github.com/timeline-project/timeline/timeline/internal/fixture"
	"github.com/timeline-project/timeline/timeline/read"
)

// assembleOf reads nothing: it assembles the given kept readings and
// fails the test when that fails.
func assembleOf(t *testing.T, readings []*Reading) *build.Assembly {
	t.Helper()
	a, err := Assemble(readings, nil, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// readEach reads every input as a source to keep.
func readEach(t *testing.T, inputs []timeline.Input) []*Reading {
	t.Helper()
	out := make([]*Reading, len(inputs))
	for i, in := range inputs {
		rd, err := Read(in)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = rd
	}
	return out
}

// assemblePlain reads the inputs and assembles them with no memo, the
// plain way, failing the test when that fails.
func assemblePlain(t *testing.T, inputs []timeline.Input) *build.Assembly {
	t.Helper()
	sources := make([]build.Source, len(inputs))
	for i, in := range inputs {
		r, err := read.Read(in)
		if err != nil {
			t.Fatal(err)
		}
		sources[i] = build.Source{Reading: r}
	}
	a, err := build.Assemble(sources, nil, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestAssembleAgainWithKeptReadings checks that readings kept from one
// build (their mentions remembered) give the next build the timeline,
// problems and checks that readings with no memo give, also when the
// other sources change and with them an undated source's inferred date.
func TestAssembleAgainWithKeptReadings(t *testing.T) {
	inputs := fixture.Seeds(t)
	n := len(inputs)
	inputs = append(inputs,
		timeline.Input{Name: "may.md", Data: []byte("---\npublished: 2031-05-10\n---\n" +
			"A drone attack on Monday, May 5, damaged the harbour offices, the mayor said.\n")},
		timeline.Input{Name: "june.md", Data: []byte("---\npublished: 2031-06-20\n---\n" +
			"A drone attack on Monday, June 16, damaged the harbour offices, the mayor said.\n")},
		timeline.Input{Name: "undated.txt", Data: []byte(
			"A drone attack on Monday damaged the harbour offices, the mayor said on Tuesday.\n")},
		timeline.Input{Name: "Report.md", Data: []byte("---\npublished: 2031-06-21\n---\n" +
			"The harbour offices reopened on Friday, June 20, the mayor said.\n")},
		timeline.Input{Name: "report.md", Data: []byte("---\npublished: 2031-06-22\n---\n" +
			"The harbour offices reopened on Friday, June 20, a port official said.\n")})
	kept := readEach(t, inputs)
	seeds, may, june, undated := kept[:n], kept[n], kept[n+1], kept[n+2]
	upper, lower := kept[n+3], kept[n+4]
	for _, set := range []struct {
		name     string
		readings []*Reading
	}{
		{"seeds", seeds},
		{"may", []*Reading{may, undated}},
		{"june", []*Reading{june, undated}},
		{"seeds again", seeds},
		{"all", kept},
		{"may again", []*Reading{may, undated}},
		{"one report", []*Reading{upper, june}},
		{"two reports", []*Reading{upper, lower, june}},
		{"one report again", []*Reading{upper, june}},
	} {
		again := assembleOf(t, set.readings)
		var ins []timeline.Input
		for _, rd := range set.readings {
			for _, in := range inputs {
				if in.Name == rd.file() {
					ins = append(ins, in)
				}
			}
		}
		fresh := assemblePlain(t, ins)
		if !reflect.DeepEqual(again.Timeline, fresh.Timeline) {
			t.Errorf("%s: the timeline of kept readings differs from that of fresh ones", set.name)
		}
		if !reflect.DeepEqual(again.Problems, fresh.Problems) {
			t.Errorf("%s: problems of kept readings %v, of fresh ones %v", set.name, again.Problems, fresh.Problems)
		}
		if !reflect.DeepEqual(again.Checks(), fresh.Checks()) {
			t.Errorf("%s: checks of kept readings differ from those of fresh ones", set.name)
		}
		if len(again.Timeline.Events) == 0 {
			t.Errorf("%s: no events", set.name)
		}
	}
	for _, rd := range kept {
		if !rd.found.ok {
			t.Errorf("%s: its mentions were not kept", rd.file())
		}
	}
}
