package htmldoc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRead reads arbitrary bytes as a page: no panic, no hang, and what
// is read is clean text.
func FuzzRead(f *testing.F) {
	pages, _ := filepath.Glob("testdata/pages/*.html")
	for _, p := range pages {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("<html><body><article><p>On Monday, May 22, 2023, the council met.</p></article></body></html>"))
	f.Add([]byte(`<html><head><script type="application/ld+json">[[[{"@graph":[{"datePublished":7}]}]]]</script></head><body></body></html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		doc, err := Read(data)
		if err != nil {
			return
		}
		if len(doc.Blocks) == 0 {
			t.Fatal("no error and no blocks")
		}
		for _, b := range doc.Blocks {
			if b.Text == "" || !utf8.ValidString(b.Text) || strings.TrimSpace(b.Text) != b.Text {
				t.Fatalf("block %q is not clean text", b.Text)
			}
		}
	})
}
