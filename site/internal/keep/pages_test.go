package keep

import "testing"

func TestPagesKeep(t *testing.T) {
	var p Pages
	key := func(s string) Key { return Of(s) }
	p.Keep([]string{"a.html", "b.html", "c.html"}, []Key{key("a"), key("b"), key("c")}, [][]byte{[]byte("a"), []byte("b"), []byte("c")})
	if data, ok := p.Get("b.html", key("b")); !ok || string(data) != "b" {
		t.Errorf("b.html: %q, %v", data, ok)
	}
	if _, ok := p.Get("b.html", key("other")); ok {
		t.Error("b.html given for another key")
	}
	// One changed, one gone, one added.
	p.Keep([]string{"a.html", "b.html", "d.html"}, []Key{key("a"), key("b2"), key("d")}, [][]byte{[]byte("a"), []byte("b2"), []byte("d")})
	for _, tc := range []struct {
		path, key, data string
		ok              bool
	}{
		{"a.html", "a", "a", true},
		{"b.html", "b", "", false},
		{"b.html", "b2", "b2", true},
		{"c.html", "c", "", false},
		{"d.html", "d", "d", true},
	} {
		if data, ok := p.Get(tc.path, key(tc.key)); ok != tc.ok || string(data) != tc.data {
			t.Errorf("%s for the key of %q: %q, %v; want %q, %v", tc.path, tc.key, data, ok, tc.data, tc.ok)
		}
	}
	if len(p.m) != 3 {
		t.Errorf("%d pages kept, want 3", len(p.m))
	}
}
