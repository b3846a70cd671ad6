package build

import (
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/read"
)

// TestAssembleTitle checks where a story's title comes from: the
// caller's, site.md's, one made from the story, the folder's name.
func TestAssembleTitle(t *testing.T) {
	src := timeline.Input{Name: "a.md", Data: []byte("---\npublished: 2023-05-23\n---\n\n# Armed men raid Belgorod\n\nOn Monday, May 22, armed men raided the Belgorod region, officials said.\n")}
	site := &timeline.Input{Name: timeline.SiteFile, Data: []byte("---\ntitle: The raid\n---\n")}
	for _, tc := range []struct {
		name string
		site *timeline.Input
		opts Options
		want string
	}{
		{"the caller's", site, Options{Title: "Given", Folder: "f"}, "Given"},
		{"site.md's", site, Options{Folder: "f"}, "The raid"},
		{"made from the story", nil, Options{Folder: "f"}, "Armed men, Belgorod"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rd, err := read.Read(src)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Assemble([]Source{{Reading: rd}}, tc.site, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if a.Timeline.Title != tc.want {
				t.Errorf("title = %q, want %q", a.Timeline.Title, tc.want)
			}
		})
	}
	empty := timeline.Input{Name: "b.md", Data: []byte("---\npublished: 2023-05-23\n---\n\n2023\n")}
	rd, err := read.Read(empty)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Assemble([]Source{{Reading: rd}}, nil, Options{Folder: "flood"})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Timeline.Events) != 0 || a.Timeline.Title != "flood" {
		t.Errorf("a story of no words in folder flood: %d events, title %q", len(a.Timeline.Events), a.Timeline.Title)
	}
}
