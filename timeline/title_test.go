package timeline

import "testing"

// TestAssembleTitle checks where a story's title comes from: the
// caller's, site.md's, one made from the story, the folder's name.
func TestAssembleTitle(t *testing.T) {
	src := Input{Name: "a.md", Data: []byte("---\npublished: 2023-05-23\n---\n\n# Armed men raid Belgorod\n\nOn Monday, May 22, armed men raided the Belgorod region, officials said.\n")}
	site := &Input{Name: SiteFile, Data: []byte("---\ntitle: The raid\n---\n")}
	for _, tc := range []struct {
		name string
		site *Input
		opts Options
		want string
	}{
		{"the caller's", site, Options{Title: "Given", Folder: "f"}, "Given"},
		{"site.md's", site, Options{Folder: "f"}, "The raid"},
		{"made from the story", nil, Options{Folder: "f"}, "Armed men, Belgorod"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rd, err := readSource(src)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Assemble([]buildSource{{Reading: rd}}, tc.site, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if a.Timeline.Title != tc.want {
				t.Errorf("title = %q, want %q", a.Timeline.Title, tc.want)
			}
		})
	}
	empty := Input{Name: "b.md", Data: []byte("---\npublished: 2023-05-23\n---\n\n2023\n")}
	rd, err := readSource(empty)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Assemble([]buildSource{{Reading: rd}}, nil, Options{Folder: "flood"})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Timeline.Events) != 0 || a.Timeline.Title != "flood" {
		t.Errorf("a story of no words in folder flood: %d events, title %q", len(a.Timeline.Events), a.Timeline.Title)
	}
}
