package keep

import (
	"reflect"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

// TestKeyFieldsCovered fails when a type whose fields story.go hashes
// one by one gains or loses a field: story.go must then hash it too.
func TestKeyFieldsCovered(t *testing.T) {
	for _, tc := range []struct {
		v      any
		fields int
	}{
		{timeline.Timeline{}, 5},
		{timeline.Source{}, 12},
		{timeline.Published{}, 4},
		{timeline.Block{}, 3},
		{timeline.Sentence{}, 3},
		{timeline.Span{}, 2},
		{timeline.Event{}, 16},
		{timeline.Account{}, 4},
		{timeline.Dating{}, 2},
		{timeline.OtherDate{}, 3},
		{timeline.Citation{}, 8},
		{timex.Date{}, 3},
	} {
		typ := reflect.TypeOf(tc.v)
		if typ.NumField() != tc.fields {
			t.Errorf("%v has %d fields, story.go hashes %d: hash the new ones", typ, typ.NumField(), tc.fields)
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
	n := checkLeaves(t, "Event", reflect.ValueOf(&e).Elem(), func() Key { _, k := eventKeys(&e, noFacts); return k })
	// The key of the entry sees every field but the rank and the count
	// of outlets.
	e.Rank, e.Outlets = 1, 1
	entry, _ := eventKeys(&e, noFacts)
	e.Rank, e.Outlets = 2, 3
	if again, _ := eventKeys(&e, noFacts); again != entry {
		t.Error("the key of an entry changes with the event's rank")
	}
	e.Title = "other"
	if again, _ := eventKeys(&e, noFacts); again == entry {
		t.Error("the key of an entry does not change with its title")
	}
	e.Title = ""
	src := timeline.Source{Blocks: []timeline.Block{{}}, Sentences: []timeline.Sentence{{}}}
	both := func() Key { return Of("t", SourceFacts(&src), SourceText(&src)) }
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

// inOrder runs do for every i in turn.
func inOrder(n int, do func(i int)) {
	for i := range n {
		do(i)
	}
}

// TestTextKeysKeptFollowTheText keys stories with the texts kept from
// the last: a source's text key must still change with its text, blocks
// and sentences, and come back with them.
func TestTextKeysKeptFollowTheText(t *testing.T) {
	var texts Texts
	source := func() *timeline.Source {
		text := "One sentence. Another one."
		return &timeline.Source{ID: "s", Text: text,
			Blocks:    []timeline.Block{{Span: timeline.Span{Start: 0, End: len(text)}}},
			Sentences: []timeline.Sentence{{Span: timeline.Span{Start: 0, End: 13}, N: 1}, {Span: timeline.Span{Start: 14, End: len(text)}, N: 2}}}
	}
	keyOf := func(src *timeline.Source) Key {
		return StoryKeys([]*timeline.Source{src}, nil, &texts, inOrder).Texts[0]
	}
	base := keyOf(source())
	if keyOf(source()) != base {
		t.Fatal("the same text has another key")
	}
	for _, tc := range []struct {
		name   string
		change func(src *timeline.Source)
	}{
		{"text", func(src *timeline.Source) { src.Text = "X" + src.Text[1:] }},
		{"block", func(src *timeline.Source) { src.Blocks[0].Kind = timeline.Quote }},
		{"sentence", func(src *timeline.Source) { src.Sentences[1].Span.End-- }},
	} {
		src := source()
		tc.change(src)
		if keyOf(src) == base {
			t.Errorf("%s changed: the text keeps its key", tc.name)
		}
		if keyOf(source()) != base {
			t.Errorf("%s changed back: the text has another key", tc.name)
		}
	}
	// A story's slices changed in place after keying: the key kept must
	// not change with them.
	src := source()
	keyOf(src)
	src.Blocks[0].Kind = timeline.Quote
	if keyOf(src) == base {
		t.Errorf("block changed in place: the text keeps its key")
	}
}
