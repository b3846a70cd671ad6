package site

import (
	"bytes"
	"strings"
	"testing"
)

// TestRunCuts checks where a run's pieces go in the bytes of an element
// made without them, and that an element that does not have the place
// the run expects is refused rather than cut anywhere.
func TestRunCuts(t *testing.T) {
	type slide struct {
		Text  string `json:"text"`
		After string `json:"after"`
	}
	encode := func(v any) []byte {
		var b bytes.Buffer
		if err := encodeIndented(&b, "    ", v); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	elem := encode(slide{Text: "<p>“Said” \"so\"</p><ol></ol>", After: "x"})
	run := stringRun(nil, nil, func() any { return slide{Text: "<p>“Said” \"so\"</p><ol>x</ol>", After: "x"} })
	at, err := run.cut(elem)
	if err != nil {
		t.Fatal(err)
	}
	if head, tail := string(elem[:at]), string(elem[at:]); !strings.HasSuffix(head, `<ol>`) || !strings.HasPrefix(tail, `</ol>"`) {
		t.Errorf("string run cut into %q and %q", head, tail)
	}
	other := stringRun(nil, nil, func() any { return slide{Text: "<ol>xx</ol>", After: "x"} })
	if _, err := other.cut(elem); err == nil {
		t.Error("a string run cut an element it was not marked in")
	}

	type event struct {
		ID        string   `json:"id"`
		Citations []string `json:"citations"`
	}
	array := arrayRun(nil, nil)
	empty := encode(event{ID: "e", Citations: []string{}})
	if at, err := array.cut(empty); err != nil || !strings.HasSuffix(string(empty[:at]), `"citations": [`) {
		t.Errorf("array run cut %q at %d (%v)", empty, at, err)
	}
	for _, v := range []any{event{ID: "e", Citations: []string{"c"}}, slide{Text: "t"}} {
		if _, err := array.cut(encode(v)); err == nil {
			t.Errorf("an array run cut %s, which does not end with an empty array", encode(v))
		}
	}
}
