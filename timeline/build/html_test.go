package build

import (
	"os"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

// TestHTMLSources reads saved web pages, with and without sidecars: the
// page's metadata is used, the sidecar's fields win, and a sidecar that
// is not YAML is a warning.
func TestHTMLSources(t *testing.T) {
	page, err := os.ReadFile("../htmldoc/testdata/pages/meta-published-time.html")
	if err != nil {
		t.Fatal(err)
	}
	noDate, err := os.ReadFile("../htmldoc/testdata/pages/no-date.html")
	if err != nil {
		t.Fatal(err)
	}
	// Each page's text differs from the others': a page saved twice is
	// one source (see TestBuildDropsCopies).
	fixed := []byte(strings.Replace(string(page), "Shop owners in the town centre", "Shop owners in the old town", 1))
	noDate = []byte(strings.Replace(string(noDate), "Shop owners in the town centre", "Shop owners on the high street", 1))
	text := []byte("---\ntitle: In the file\npublished: 2023-05-01\n---\nThe council said on Monday, May 29, 2023, that the bridge would close.\n")
	inputs := []timeline.Input{
		{Name: "page.html", Data: page},
		{Name: "fixed.html", Data: fixed, Sidecar: []byte("title: Fixed title\npublished: 2023-05-31\nid: fixed-page\n")},
		{Name: "badside.html", Data: noDate, Sidecar: []byte("title: [unclosed\n")},
		{Name: "note.txt", Data: text, Sidecar: []byte("published: 2023-05-30\npublisher: The Sidecar\n")},
	}
	tl, problems, err := Build(inputs, Options{Today: timex.NewDate(2023, 6, 30)})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		id, title, url, publisher, date string
		basis                           timeline.Basis
		evidence                        string
	}{
		{"page", "Stone bridge closed after engineers find cracks", "https://valleycourier.example/news/bridge-closed",
			"The Valley Courier", "2023-05-30", timeline.BasisText, "<meta article:published_time>: 2023-05-30T08:15:00+01:00"},
		{"fixed-page", "Fixed title", "https://valleycourier.example/news/bridge-closed",
			"The Valley Courier", "2023-05-31", timeline.BasisFrontMatter, "published: 2023-05-31"},
		{"badside", "Stone bridge closed", "", "", "", "", ""},
		{"note", "In the file", "", "The Sidecar", "2023-05-30", timeline.BasisFrontMatter, "published: 2023-05-30"},
	} {
		s := tl.Source(tt.id)
		if s == nil {
			t.Errorf("no source %q among %d", tt.id, len(tl.Sources))
			continue
		}
		if s.Title != tt.title || s.URL != tt.url || s.Publisher != tt.publisher {
			t.Errorf("%s: title %q, url %q, publisher %q; want %q, %q, %q", tt.id, s.Title, s.URL, s.Publisher, tt.title, tt.url, tt.publisher)
		}
		if tt.date != "" && (s.Published.Date.String() != tt.date || s.Published.Basis != tt.basis || s.Published.Evidence != tt.evidence) {
			t.Errorf("%s: published %v; want %s, %s, %q", tt.id, s.Published, tt.date, tt.basis, tt.evidence)
		}
	}
	if s := tl.Source("page"); s != nil && (s.Format != timeline.FormatHTML || s.TextOffset != -1 || strings.Contains(s.Text, "cookies")) {
		t.Errorf("page read as %s at %d: %.80q", s.Format, s.TextOffset, s.Text)
	}
	var warned bool
	for _, p := range problems {
		warned = warned || strings.Contains(p.Error(), "sidecar badside.yaml: front matter is not YAML")
	}
	if !warned {
		t.Errorf("no warning for badside.yaml among %v", problems)
	}
}
