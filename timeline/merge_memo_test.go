package timeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/timeline-project/timeline/timeline/timex"
)

// sortedBySource returns ms ordered as Assemble gives them to merging:
// by source ID, then sentence.
func sortedBySource(ms []*mention) []*mention {
	out := slices.Clone(ms)
	slices.SortStableFunc(out, func(a, b *mention) int {
		return strings.Compare(a.src.ID, b.src.ID)
	})
	return out
}

// withoutSources returns ms without the mentions of the sources whose
// IDs end in one of suffixes.
func withoutSources(ms []*mention, suffixes ...string) []*mention {
	return slices.DeleteFunc(slices.Clone(ms), func(m *mention) bool {
		for _, s := range suffixes {
			if strings.HasSuffix(m.src.ID, s) {
				return true
			}
		}
		return false
	})
}

// changedSource returns ms with the mentions of the source whose ID
// ends in suffix made anew (new pointers, the same content but the last
// sentence dropped): the source was edited.
func changedSource(ms []*mention, suffix string) []*mention {
	return editedSource(ms, suffix, func(*mention) {})
}

// renamedSpeaker returns ms with the source whose ID ends in suffix
// edited to name Gladkov in full: every source's "Gladkov" then has the
// name it gives.
func renamedSpeaker(ms []*mention, suffix string) []*mention {
	return editedSource(ms, suffix, func(m *mention) {
		m.attrs = slices.Clone(m.attrs)
		for i, a := range m.attrs {
			if strings.Contains(a.speaker, "Gladkov") {
				m.attrs[i].speaker = "Belgorod Region Governor Vyacheslav Gladkov"
			}
		}
	})
}

// editedSource returns ms with the mentions of the source whose ID ends
// in suffix made anew, edited by edit, and its last one dropped.
func editedSource(ms []*mention, suffix string, edit func(*mention)) []*mention {
	var out []*mention
	var edited []*mention
	for _, m := range ms {
		if !strings.HasSuffix(m.src.ID, suffix) {
			out = append(out, m)
			continue
		}
		cp := *m
		edit(&cp)
		edited = append(edited, &cp)
	}
	if len(edited) > 1 {
		edited = edited[:len(edited)-1]
	}
	return sortedBySource(append(out, edited...))
}

// TestMergeMemoSameAsCold merges a story of generated sources again and
// again with one memo as sources are added, removed and changed: every
// build gives the events merging without the memo gives.
func TestMergeMemoSameAsCold(t *testing.T) {
	seed := seedMentions(t)
	for _, n := range []int{20, 300} {
		all := sortedBySource(pointersTo(corpusMentions(seed, n+2)))
		last, next := fmt.Sprintf("-%05d", n+1), fmt.Sprintf("-%05d", n)
		steps := []struct {
			name string
			ms   []*mention
		}{
			{"first build", withoutSources(all, last, next)},
			{"the same again", withoutSources(all, last, next)},
			{"one added", withoutSources(all, last)},
			{"two added", all},
			{"one removed", withoutSources(all, "-00003")},
			{"another removed", withoutSources(all, "-00003", "-00007")},
			{"one changed", changedSource(withoutSources(all, "-00003", "-00007"), "-00011")},
			{"all back", all},
			{"half removed", withoutSources(all, "0", "2", "4", "6", "8")},
			{"all back again", all},
			{"a speaker named in full", renamedSpeaker(all, "-00002")},
			{"named in short again", all},
		}
		memo := &MergeMemo{}
		for _, step := range steps {
			t.Run(fmt.Sprintf("n=%d/%s", n, step.name), func(t *testing.T) {
				cold := eventsOf(step.ms)
				warm := eventsOfMemo(step.ms, memo)
				if len(cold) == 0 {
					t.Fatal("no events")
				}
				if !reflect.DeepEqual(cold, warm) {
					t.Errorf("with the memo: %d events, cold: %d; first difference at %d", len(warm), len(cold), firstDifference(cold, warm))
				}
			})
		}
	}
}

// firstDifference returns the index of the first event that differs.
func firstDifference(a, b []Event) int {
	for i := range min(len(a), len(b)) {
		if !reflect.DeepEqual(a[i], b[i]) {
			return i
		}
	}
	return min(len(a), len(b))
}

// readingsOf reads inputs as sources.
func readingsOf(t *testing.T, inputs []Input) []*Reading {
	t.Helper()
	var rs []*Reading
	for _, in := range inputs {
		rd, err := Read(in)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, rd)
	}
	return rs
}

// assertAssembleSameAsCold assembles each set of readings in turn with
// one memo, and each also without it: the timelines are the same, to
// the byte.
func assertAssembleSameAsCold(t *testing.T, steps []string, sets [][]*Reading) {
	t.Helper()
	memo := &MergeMemo{}
	for i, rs := range sets {
		cold, err := Assemble(rs, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		warm, err := Assemble(rs, nil, Options{Merging: memo})
		if err != nil {
			t.Fatal(err)
		}
		cj, _ := json.Marshal(cold.Timeline)
		wj, _ := json.Marshal(warm.Timeline)
		if len(cold.Timeline.Events) == 0 {
			t.Errorf("%s: no events", steps[i])
		}
		if !bytes.Equal(cj, wj) || !reflect.DeepEqual(cold.Timeline, warm.Timeline) {
			t.Errorf("%s: the timeline with the memo differs from the cold one (%d events, cold %d)",
				steps[i], len(warm.Timeline.Events), len(cold.Timeline.Events))
		}
	}
}

// TestAssembleMergeMemoSeeds assembles the seed story with a memo as
// its sources are removed, added back and edited.
func TestAssembleMergeMemoSeeds(t *testing.T) {
	inputs := seedInputs(t)
	rs := readingsOf(t, inputs)
	edited := inputs[2]
	edited.Data = append(slices.Clone(edited.Data), []byte("\n\nOn Monday, officials said the bridge reopened to traffic after repairs were finished.\n")...)
	changed := slices.Clone(rs)
	changed[2] = readingsOf(t, []Input{edited})[0]
	steps := []string{"all", "again", "one removed", "two removed", "one back", "all back", "one edited", "edit undone"}
	sets := [][]*Reading{rs, rs, slices.Delete(slices.Clone(rs), 1, 2), slices.Delete(slices.Clone(rs), 1, 3),
		slices.Delete(slices.Clone(rs), 2, 3), rs, changed, rs}
	assertAssembleSameAsCold(t, steps, sets)
}

// TestAssembleMergeMemoCorpus assembles a generated story of 200
// sources with a memo as sources are added, removed and edited.
func TestAssembleMergeMemoCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a corpus")
	}
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "../cmd/timeline/internal/gencorpus", "-n", "203", "-seeds", "../testdata/seeds", "-out", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("no corpus: %v: %s", err, out)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var inputs []Input
	for _, e := range entries {
		if e.Name() == SiteFile {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, Input{Name: e.Name(), Data: data})
	}
	if len(inputs) != 203 {
		t.Fatalf("%d files, want 203", len(inputs))
	}
	rs := readingsOf(t, inputs)
	edited := inputs[50]
	edited.Data = bytes.Replace(edited.Data, []byte("."), []byte(". Officials said on Monday that the talks would go on."), 1)
	changed := slices.Clone(rs)
	changed[50] = readingsOf(t, []Input{edited})[0]
	steps := []string{"200", "201", "202", "203", "one removed", "one edited", "all back"}
	sets := [][]*Reading{rs[:200], rs[:201], rs[:202], rs, slices.Delete(slices.Clone(rs), 7, 8), changed, rs}
	assertAssembleSameAsCold(t, steps, sets)
}

// madeMention returns the one mention of a source of its own, id, whose
// sentence uses the words terms, dated date by basis.
func madeMention(id string, date timex.Date, basis DateBasis, terms ...string) *mention {
	text := "Officials said the " + strings.Join(terms, " ") + " happened."
	src := &Source{ID: id, Text: text, Published: Published{Date: date.AddDays(1), Basis: BasisText}}
	return &mention{src: src, sentence: Sentence{Span: Span{0, len(text)}, N: 1}, date: date,
		precision: timex.PrecisionDay, basis: basis, terms: terms}
}

// TestMergeMemoAcrossDays merges a group dated by an inferred date into
// a better-dated group of a nearby day, then, with a source added, into
// a more similar group of another day, then back: each merge is the
// cold one's.
func TestMergeMemoAcrossDays(t *testing.T) {
	day := timex.NewDate(2024, time.March, 10)
	a := madeMention("a", day, DatedExplicit, "bridge", "collapse", "river", "town", "crowd")
	b := madeMention("b", day.AddDays(1), DatedInferred, "bridge", "collapse", "river", "town", "night", "rescue")
	c := madeMention("c", day.AddDays(2), DatedExplicit, "bridge", "collapse", "river", "night", "rescue", "divers")
	other := madeMention("d", day.AddDays(20), DatedExplicit, "election", "vote", "count", "polls", "turnout")
	steps := [][]*mention{{a, b, other}, {a, b, c, other}, {a, b, other}, {a, b, c, other}}
	memo := &MergeMemo{}
	for i, ms := range steps {
		cold := eventsOf(ms)
		if len(cold) >= len(ms) {
			t.Fatalf("step %d: %d events of %d sentences: nothing merged", i, len(cold), len(ms))
		}
		if warm := eventsOfMemo(ms, memo); !reflect.DeepEqual(cold, warm) {
			t.Errorf("step %d: %d events with the memo, %d cold; first difference at %d", i, len(warm), len(cold), firstDifference(cold, warm))
		}
	}
}

// TestMergeMemoUndated places an undated sentence with the group of an
// earlier day, then, with a source added, with a more similar group of
// another day, then back: each placement is the cold one's.
func TestMergeMemoUndated(t *testing.T) {
	day := timex.NewDate(2024, time.March, 10)
	a := madeMention("a", day, DatedExplicit, "bridge", "collapse", "river", "town", "night", "rescue")
	c := madeMention("c", day.AddDays(1), DatedExplicit, "bridge", "collapse", "river", "night", "rescue", "divers", "helicopter")
	e := madeMention("e", timex.Date{}, DatedExplicit, "bridge", "collapse", "river", "night", "rescue", "divers")
	e.src.Published.Date, e.basis = day.AddDays(2), ""
	// Far days use the same words, and others enough of other words,
	// that adding c changes no weight: e is then compared with c's
	// group alone, not placed afresh.
	var far []*mention
	for i := range 16 {
		far = append(far, madeMention(fmt.Sprintf("g%02d", i), day.AddDays(100+10*i), DatedExplicit,
			"bridge", "collapse", "river", "night", "rescue", "divers", "helicopter", "town"))
	}
	for i := range 22 {
		far = append(far, madeMention(fmt.Sprintf("h%02d", i), day.AddDays(400+10*i), DatedExplicit,
			"election", "vote", "count", "polls", "turnout"))
	}
	without := append([]*mention{a, e}, far...)
	with := append([]*mention{a, c, e}, far...)
	steps := [][]*mention{without, with, without, with}
	memo := &MergeMemo{}
	for i, ms := range steps {
		cold := eventsOf(ms)
		cited := 0
		for _, ev := range cold {
			cited += len(ev.Citations)
		}
		if cited != len(ms) {
			t.Fatalf("step %d: the undated sentence joined no group (%d citations of %d sentences)", i, cited, len(ms))
		}
		if warm := eventsOfMemo(ms, memo); !reflect.DeepEqual(cold, warm) {
			t.Errorf("step %d: %d events with the memo, %d cold; first difference at %d", i, len(warm), len(cold), firstDifference(cold, warm))
		}
	}
}

// TestMergeMemoUndatedChain places an undated sentence e2 with a group
// only because another, e1, joined it before; then e1 joins a group
// that a source replacing a far one (so no weight changes) brings, and
// e2 must be placed afresh: it joins nothing.
func TestMergeMemoUndatedChain(t *testing.T) {
	day := timex.NewDate(2024, time.March, 10)
	undated := func(id string, pub timex.Date, terms ...string) *mention {
		m := madeMention(id, timex.Date{}, "", terms...)
		m.src.Published.Date = pub
		return m
	}
	moved := []string{"bridge", "collapse", "river", "night", "rescue", "divers", "helicopter", "crane", "winch"}
	a := madeMention("a", day, DatedExplicit, "bridge", "collapse", "river", "town", "night", "rescue")
	c := madeMention("c", day.AddDays(4), DatedExplicit, moved...)
	far := madeMention("z", day.AddDays(100), DatedExplicit, moved...)
	e1 := undated("e1", day.AddDays(5), "bridge", "collapse", "river", "night", "rescue", "divers", "helicopter", "crane")
	e2 := undated("e2", day.AddDays(2), "divers", "rescue", "night", "helicopter", "crane")
	before, after := []*mention{a, e1, e2, far}, []*mention{a, c, e1, e2}
	memo := &MergeMemo{}
	for i, ms := range [][]*mention{before, after, before} {
		cold := eventsOf(ms)
		if warm := eventsOfMemo(ms, memo); !reflect.DeepEqual(cold, warm) {
			t.Errorf("step %d: %d events with the memo, %d cold; first difference at %d", i, len(warm), len(cold), firstDifference(cold, warm))
		}
	}
}
