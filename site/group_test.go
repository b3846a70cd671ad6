package site

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"strconv"
	"testing"

	"github.com/timeline-project/timeline/timeline"
)

// groupedPaths are the files that lay out an event cited many times as
// a group.
var groupedPaths = []string{"index.html", "timeline.json", "timelinejs.json", "events.csv"}

// TestGroupsTakenWhole renders the fixture, its entries of two
// citations laid out citation by citation, then a story where only an
// entry of one citation changed: every file takes the groups of the two
// others whole, laying out none of their parts, and its bytes are those
// of a render from nothing.
func TestGroupsTakenWhole(t *testing.T) {
	r := keptRenderer(t, 2, fixture(t))
	tl := fixture(t)
	tl.Events[0].Title = "Fighting went on through May"
	st, err := newStory(tl, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range groupedPaths {
		a, err := r.layout(path)(st, r.frags.room(path))
		if err != nil {
			t.Fatal(err)
		}
		if len(a.reused) != 2 || len(a.runs) != 0 {
			t.Errorf("%s: %d groups taken whole and %d laid out, want 2 and 0", path, len(a.reused), len(a.runs))
		}
		for i := range tl.Events[1:] {
			for _, k := range st.keys().citations[i+1] {
				if slices.ContainsFunc(a.parts, func(p part) bool { return p.key == k }) {
					t.Errorf("%s: a citation of a group taken whole is laid out", path)
				}
			}
		}
		got, err := r.assemble(path, a)
		if err != nil {
			t.Fatal(err)
		}
		if want := renderedFile(t, tl, path); !bytes.Equal(got, want) {
			t.Errorf("%s with groups taken whole:\n%s\nwant:\n%s", path, got, want)
		}
	}
}

// TestGroupKeepsItsFragments renders a story again and again, a
// different entry of one citation changed each time, while the entries
// of two citations are taken whole as groups; then changes one of those.
// The fragments of a group's citations stay kept all along, even when
// the file's fragments are sorted out (see nextFragments): the last
// render makes none of them again.
func TestGroupKeepsItsFragments(t *testing.T) {
	r := keptRenderer(t, 2, nil)
	tl := fixture(t)
	for i := range 40 {
		tl.Events[0].Title = fmt.Sprintf("Fighting, round %d", i)
		if _, err := r.Render(tl, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	st, err := newStory(tl, "")
	if err != nil {
		t.Fatal(err)
	}
	cites := st.keys().citations[2]
	before := map[string]map[Key]fragment{}
	for _, path := range groupedPaths {
		before[path] = maps.Clone(r.frags.get(path))
		for _, k := range cites {
			if _, ok := before[path][k]; !ok {
				t.Errorf("%s: a citation of a group taken whole is no longer kept", path)
			}
		}
	}
	slices.Reverse(tl.Events[2].Citations)
	for i := range tl.Events[2].Accounts {
		for j, n := range tl.Events[2].Accounts[i].Citations {
			tl.Events[2].Accounts[i].Citations[j] = len(tl.Events[2].Citations) - 1 - n
		}
	}
	files, err := r.Render(tl, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range groupedPaths {
		for k := range r.frags.get(path) {
			if _, ok := before[path][k]; !ok && slices.Contains(cites, k) {
				t.Errorf("%s: a citation of the changed group was rendered again", path)
			}
		}
		i := slices.IndexFunc(files, func(f File) bool { return f.Path == path })
		if want := renderedFile(t, tl, path); !bytes.Equal(files[i].Data, want) {
			t.Errorf("%s differs from a render from nothing", path)
		}
	}
}

// keptRenderer returns a Renderer that keeps fragments, having rendered
// tl unless it is nil, with entries of split citations or more laid out
// citation by citation until the test ends.
func keptRenderer(t *testing.T, split int, tl *timeline.Timeline) *Renderer {
	t.Helper()
	old := splitCitesMin
	splitCitesMin = split
	t.Cleanup(func() { splitCitesMin = old })
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if tl != nil {
		if _, err := r.Render(tl, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

// layout returns the function that lays out the file at path.
func (r *Renderer) layout(path string) func(*story, assembly) (*assembly, error) {
	return map[string]func(*story, assembly) (*assembly, error){
		"index.html": r.layIndex, "timeline.json": r.timelineJSON, "timelinejs.json": r.timelineJS, "events.csv": r.eventsCSV,
	}[path]
}

// renderedFile returns the file at path of tl rendered from nothing.
func renderedFile(t *testing.T, tl *timeline.Timeline, path string) []byte {
	t.Helper()
	files, err := Render(tl, Options{})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(files, func(f File) bool { return f.Path == path })
	if i < 0 {
		t.Fatalf("no %s rendered", path)
	}
	return files[i].Data
}

// TestGroupFollowsItsHoles adds a source whose filter key shares its
// first digits with that of a source an entry of two citations cites:
// that source's key grows longer (see stableKeys), and with it the
// entry's filter values, though nothing the entry's key is made from
// changed. The group of the entry must be laid out again.
func TestGroupFollowsItsHoles(t *testing.T) {
	first, second := sharedKeyPrefix(t)
	tl := fixture(t)
	renameSource(tl, "a-news", first)
	r := keptRenderer(t, 2, tl)
	added := blogSource(t)
	added.ID, added.File = second, second+".md"
	tl.Sources = append(tl.Sources, added)
	files, err := r.Render(tl, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := files[slices.IndexFunc(files, func(f File) bool { return f.Path == "index.html" })].Data
	if want := renderedFile(t, tl, "index.html"); !bytes.Equal(got, want) {
		t.Errorf("index.html after a source's filter key grew differs from a render from nothing")
	}
}

// sharedKeyPrefix returns two source IDs whose filter keys share their
// first filterKeyWidth digits.
func sharedKeyPrefix(t *testing.T) (string, string) {
	t.Helper()
	seen := map[uint64]string{}
	for i := range 1 << 24 {
		id := "source-" + strconv.Itoa(i)
		h := fnv.New64a()
		h.Write([]byte(id))
		prefix := h.Sum64() >> (64 - 4*filterKeyWidth) // a hex digit is 4 bits
		if other, ok := seen[prefix]; ok {
			if keys := stableKeys([]string{other, id}, filterKeyWidth); len(keys[0]) == filterKeyWidth {
				t.Fatalf("%s and %s: keys %q", other, id, keys)
			}
			return other, id
		}
		seen[prefix] = id
	}
	t.Fatal("no two IDs share a filter key")
	return "", ""
}

// renameSource gives the source of tl with ID from the ID to, in its
// events too.
func renameSource(tl *timeline.Timeline, from, to string) {
	for _, src := range tl.Sources {
		if src.ID == from {
			src.ID = to
		}
	}
	for i := range tl.Events {
		e := &tl.Events[i]
		for j := range e.Citations {
			if e.Citations[j].Source == from {
				e.Citations[j].Source = to
			}
		}
		for j := range e.OtherDates {
			if e.OtherDates[j].Source == from {
				e.OtherDates[j].Source = to
			}
		}
	}
}
