package site

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

// TestKeyFieldsCovered fails when a type whose fields storykeys.go
// hashes one by one gains or loses a field: storykeys.go must then
// hash it too.
func TestKeyFieldsCovered(t *testing.T) {
	for _, tc := range []struct {
		v      any
		fields int
	}{
		{timeline.Timeline{}, 5},
		{timeline.Source{}, 12},
		{timeline.Published{}, 3},
		{timeline.Block{}, 3},
		{timeline.Sentence{}, 3},
		{timeline.Span{}, 2},
		{timeline.Event{}, 16},
		{timeline.Account{}, 4},
		{timeline.Dating{}, 2},
		{timeline.OtherDate{}, 3},
		{timeline.Citation{}, 8},
		{timex.Date{}, 3},
		// and the views whose fields indexparts.go and sourceparts.go hash
		{citationView{}, 14},
		{blockView{}, 7},
		{segment{}, 5},
		{entryLink{}, 3},
	} {
		typ := reflect.TypeOf(tc.v)
		if typ.NumField() != tc.fields {
			t.Errorf("%v has %d fields, storykeys.go hashes %d: hash the new ones", typ, typ.NumField(), tc.fields)
		}
	}
}

// TestKeysSeeEveryField changes each leaf field of an event and of a
// source in turn and checks that the key that should see it changes.
func TestKeysSeeEveryField(t *testing.T) {
	e := timeline.Event{
		ClaimedBy:  []string{"a"},
		Accounts:   []timeline.Account{{Citations: []int{0}}},
		OtherDates: []timeline.OtherDate{{}},
		Citations:  []timeline.Citation{{}},
	}
	noFacts := func(string) Key { return Key{} }
	whole := func() Key { k, _, _ := eventKey(&e, noFacts, nil, false); return k }
	n := checkLeaves(t, "Event", reflect.ValueOf(&e).Elem(), whole)
	// An event laid out citation by citation: its key and its
	// citation's both change with each field of the citation.
	defer func(n int) { splitCitesMin = n }(splitCitesMin)
	splitCitesMin = 1
	split := func() Key {
		k, cites, _ := eventKey(&e, noFacts, nil, false)
		return keyOf("t", k, cites)
	}
	n += checkLeaves(t, "Event", reflect.ValueOf(&e).Elem(), split)
	citation := func() Key { _, cites, _ := eventKey(&e, noFacts, nil, false); return cites[0] }
	n += checkLeaves(t, "Citation", reflect.ValueOf(&e.Citations[0]).Elem(), citation)
	// With the keys kept from the last key made (see citeKeyCache):
	// a citation changed in place since is hashed again.
	var kept *citedKeys
	cached := func() Key {
		_, cites, made := eventKey(&e, noFacts, kept, true)
		kept = &made
		return cites[0]
	}
	cached()
	n += checkLeaves(t, "Citation", reflect.ValueOf(&e.Citations[0]).Elem(), cached)
	src := timeline.Source{Blocks: []timeline.Block{{}}, Sentences: []timeline.Sentence{{}}}
	both := func() Key { return keyOf("t", sourceFactsKey(&src), sourceTextKey(&src)) }
	n += checkLeaves(t, "Source", reflect.ValueOf(&src).Elem(), both)
	if n < 40 {
		t.Errorf("changed only %d fields", n)
	}
}

// checkLeaves changes every string, integer and boolean reachable from
// v (a settable struct) in turn and checks that key changes each time.
// It returns how many it changed.
func checkLeaves(t *testing.T, path string, v reflect.Value, key func() Key) int {
	t.Helper()
	switch v.Kind() {
	case reflect.Struct:
		n := 0
		for i := range v.NumField() {
			n += checkLeaves(t, path+"."+v.Type().Field(i).Name, v.Field(i), key)
		}
		return n
	case reflect.Slice:
		n := 0
		for i := range v.Len() {
			n += checkLeaves(t, path+"[]", v.Index(i), key)
		}
		return n
	}
	before := key()
	old := reflect.ValueOf(v.Interface())
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "x")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(v.Int() + 1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(v.Uint() + 1)
	default:
		t.Errorf("%s: kind %v not checked", path, v.Kind())
		return 0
	}
	if key() == before {
		t.Errorf("%s: the key does not change with it", path)
	}
	v.Set(old)
	if key() != before {
		t.Errorf("%s: the key does not come back with it", path)
	}
	return 1
}

// TestTextKeysKeptFollowTheText plans stories with one Renderer, which
// keeps the keys of the sources' texts: a source page's key must still
// change with its text, blocks and sentences, and come back with them.
func TestTextKeysKeptFollowTheText(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	const page = "sources/b-blog.html"
	keyOf := func(tl *timeline.Timeline) Key {
		t.Helper()
		pages, err := r.Plan(tl, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			if p.Path == page {
				return p.Key()
			}
		}
		t.Fatalf("no %s", page)
		return Key{}
	}
	base := keyOf(fixture(t))
	for _, tc := range []struct {
		name   string
		change func(src *timeline.Source)
	}{
		{"text", func(src *timeline.Source) { src.Text = "X" + src.Text[1:] }},
		{"block", func(src *timeline.Source) { src.Blocks[1].Kind = timeline.Quote }},
		{"sentence", func(src *timeline.Source) { src.Sentences[1].Span.End-- }},
	} {
		tl := fixture(t)
		tc.change(tl.Source("b-blog"))
		if keyOf(tl) == base {
			t.Errorf("%s changed: the page keeps its key", tc.name)
		}
		if keyOf(fixture(t)) != base {
			t.Errorf("%s changed back: the page has another key", tc.name)
		}
	}
	// A story's slices changed in place after planning: the key kept
	// must not change with them.
	tl := fixture(t)
	keyOf(tl)
	tl.Source("b-blog").Blocks[1].Kind = timeline.Quote
	if keyOf(tl) == base {
		t.Errorf("block changed in place: the page keeps its key")
	}
}

// TestEventKeyTakesKeptCitationKeys makes the keys of an event of many
// citations, then of the event with a citation added among them and a
// source's facts changed, from the keys kept: they are the keys made
// afresh.
func TestEventKeyTakesKeptCitationKeys(t *testing.T) {
	var e timeline.Event
	for i := range splitCitesMin + 4 {
		e.Citations = append(e.Citations, timeline.Citation{Source: fmt.Sprintf("s%d", i%7), Sentence: i, Quote: fmt.Sprint("quote ", i)})
	}
	facts := map[string]Key{}
	factsOf := func(source string) Key { return facts[source] }
	_, _, kept := eventKey(&e, factsOf, nil, true)
	e.Citations = slices.Insert(slices.Clone(e.Citations), 5, timeline.Citation{Source: "new", Sentence: 1, Quote: "added"})
	facts["s3"] = keyOf("changed")
	want, wantCites, _ := eventKey(&e, factsOf, nil, false)
	got, gotCites, made := eventKey(&e, factsOf, &kept, true)
	if got != want || !slices.Equal(gotCites, wantCites) {
		t.Error("the keys made from kept ones differ from those made afresh")
	}
	if &made.citations[0] == &e.Citations[0] {
		t.Error("the citations kept are the event's own slice, not a copy")
	}
}
