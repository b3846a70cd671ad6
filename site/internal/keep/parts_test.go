package keep

import (
	"errors"
	"slices"
	"testing"
)

// TestPartsMakeOnlyWhatIsNotKept makes the fragments of a file, then of
// the file with one part changed and one added: only those two are
// rendered, and the fragment no longer used is dropped.
func TestPartsMakeOnlyWhatIsNotKept(t *testing.T) {
	var p Parts
	var rendered []string
	part := func(s string) Part {
		return Part{Key: Of(s), Render: func() ([]byte, error) { rendered = append(rendered, s); return []byte(s), nil }}
	}
	make := func(names ...string) []string {
		t.Helper()
		var parts []Part
		for _, n := range names {
			parts = append(parts, part(n))
		}
		frags, err := p.Make("f", parts, inOrder)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range frags {
			out = append(out, string(f))
		}
		return out
	}
	if got := make("a", "b", "c"); !slices.Equal(got, []string{"a", "b", "c"}) || len(rendered) != 3 {
		t.Fatalf("first render: %q, rendered %q", got, rendered)
	}
	rendered = nil
	if got := make("a", "B", "c", "d"); !slices.Equal(got, []string{"a", "B", "c", "d"}) || !slices.Equal(rendered, []string{"B", "d"}) {
		t.Errorf("second render: %q, rendered %q; want B and d rendered", got, rendered)
	}
	if kept, made := p.Counts("f"); kept != 4 || made != 2 {
		t.Errorf("%d fragments kept, %d made; want 4 and 2", kept, made)
	}
	p.Retain(func(string) bool { return false })
	if kept, _ := p.Counts("f"); kept != 0 {
		t.Errorf("%d fragments kept of a file no longer there", kept)
	}
	failing := Part{Key: Of("x"), Render: func() ([]byte, error) { return nil, errors.New("no") }}
	if _, err := p.Make("f", []Part{failing}, inOrder); err == nil {
		t.Error("a part that fails to render: no error")
	}
}
