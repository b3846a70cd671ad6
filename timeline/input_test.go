package timeline

import (
	"testing"
)

func TestIsSourceName(t *testing.T) {
	for name, want := range map[string]bool{
		"a.txt": true, "b/c.md": true, "X.TXT": true, "d.markdown": true,
		"site.md": false, "sub/site.md": true, ".hidden.txt": false, ".git/a.txt": false,
		"a/.b/c.txt": false, "a.html": true, "b.HTM": true, "a.yaml": false, "README": false,
	} {
		if got := IsSourceName(name); got != want {
			t.Errorf("IsSourceName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestSidecarName(t *testing.T) {
	for in, want := range map[string]string{"a.html": "a.yaml", "x/b.txt": "x/b.yaml", "c.d.md": "c.d.yaml"} {
		if got := SidecarName(in); got != want {
			t.Errorf("SidecarName(%q) = %q, want %q", in, got, want)
		}
	}
}
