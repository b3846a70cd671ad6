package site

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
)

// planKeys plans the site of tl and returns its pages' keys by path.
func planKeys(t *testing.T, tl *timeline.Timeline, opts Options) map[string]Key {
	t.Helper()
	pages, err := Plan(tl, opts)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]Key{}
	for _, p := range pages {
		keys[p.Path] = p.Key()
	}
	return keys
}

func TestPagesRenderedOneByOneAreTheSite(t *testing.T) {
	for _, opts := range []Options{{}, {BaseURL: "https://example.org/story"}} {
		tl := fixture(t)
		files, err := Render(tl, opts)
		if err != nil {
			t.Fatal(err)
		}
		pages, err := Plan(tl, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(pages) != len(files) {
			t.Fatalf("Plan has %d pages, Render %d files", len(pages), len(files))
		}
		for i, p := range pages {
			data, err := p.Render()
			if err != nil {
				t.Fatal(err)
			}
			if p.Path != files[i].Path || !bytes.Equal(data, files[i].Data) {
				t.Errorf("page %d, %s: not the file %s of Render", i, p.Path, files[i].Path)
			}
		}
	}
}

func TestPageKeysFollowTheirData(t *testing.T) {
	opts := Options{BaseURL: "https://example.org/story"}
	before := planKeys(t, fixture(t), opts)
	if again := planKeys(t, fixture(t), opts); !maps.Equal(before, again) {
		t.Fatalf("the same timeline gives other keys")
	}
	if other := planKeys(t, fixture(t), Options{}); other["index.html"] == before["index.html"] {
		t.Errorf("index.html keeps its key without the base URL it links with")
	}
	changed := func(change func(*timeline.Timeline)) []string {
		tl := fixture(t)
		change(tl)
		var paths []string
		for path, key := range planKeys(t, tl, opts) {
			if key != before[path] {
				paths = append(paths, path)
			}
		}
		slices.Sort(paths)
		return paths
	}
	storyWide := []string{"events.csv", "feed.xml", "index.html", "timeline.ics", "timeline.json", "timelinejs.json"}
	for _, tc := range []struct {
		name   string
		change func(*timeline.Timeline)
		want   []string
	}{
		{"page furniture of a source", func(tl *timeline.Timeline) {
			src := tl.Sources[0]
			src.Text = strings.Replace(src.Text, "Read more", "Read less", 1)
		}, []string{"sources/a-news.html"}},
		{"the title of an entry", func(tl *timeline.Timeline) { tl.Events[1].Title = "Another title" },
			append([]string{"sources/a-news.html"}, storyWide...)},
		{"a summary", func(tl *timeline.Timeline) { tl.Events[1].Summary = "Another summary" }, storyWide},
		{"the story's title", func(tl *timeline.Timeline) { tl.Title = "Another story" },
			append([]string{"404.html", "sources/a-news.html", "sources/b-blog.html"}, storyWide...)},
	} {
		if got := changed(tc.change); !slices.Equal(got, slices.Sorted(slices.Values(tc.want))) {
			t.Errorf("%s: pages whose key changed: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestRenderChangedRendersOnlyWhatChanged(t *testing.T) {
	for _, keeps := range []bool{false, true} {
		plan := Plan
		if keeps {
			r, err := New()
			if err != nil {
				t.Fatal(err)
			}
			plan = r.Plan
		}
		renderChangedOnly(t, plan, keeps)
	}
}

// renderChangedOnly checks RenderChanged with pages from plan, whose
// Renderer keeps fragments when keeps is true: then the story-wide
// files and the source pages come in chunks.
func renderChangedOnly(t *testing.T, plan func(*timeline.Timeline, Options) ([]Page, error), keeps bool) {
	opts := Options{BaseURL: "https://example.org/story"}
	pages, err := plan(fixture(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	_, kept, err := RenderChanged(pages, nil)
	if err != nil {
		t.Fatal(err)
	}
	tl := fixture(t)
	tl.Sources[0].Text = strings.Replace(tl.Sources[0].Text, "Read more", "Read less", 1)
	if pages, err = plan(tl, opts); err != nil {
		t.Fatal(err)
	}
	files, _, err := RenderChanged(pages, maps.Clone(kept)) // it updates the map it is given
	if err != nil {
		t.Fatal(err)
	}
	want, err := Render(tl, opts)
	if err != nil {
		t.Fatal(err)
	}
	var rendered []string
	for i, f := range files {
		if f.Path != want[i].Path || !bytes.Equal(f.Bytes(), want[i].Data) {
			t.Errorf("%s: not the file %s of Render", f.Path, want[i].Path)
		}
		if chunked := f.Chunks != nil; chunked != (keeps && (f.Path == "index.html" || strings.HasPrefix(f.Path, "sources/") ||
			strings.HasSuffix(f.Path, ".json") || strings.HasSuffix(f.Path, ".csv") || strings.HasSuffix(f.Path, ".xml") || strings.HasSuffix(f.Path, ".ics"))) {
			t.Errorf("%s: in chunks %v, keeps %v", f.Path, chunked, keeps)
		}
		k := kept[f.Path]
		switch {
		case len(f.Chunks) > 0 && &f.Chunks[0] != &k.Chunks[0], len(f.Data) > 0 && &f.Data[0] != &k.Data[0]:
			rendered = append(rendered, f.Path)
		}
	}
	if !slices.Equal(rendered, []string{"sources/a-news.html"}) {
		t.Errorf("keeps %v: rendered again: %q, want only the page of the changed source", keeps, rendered)
	}
}

func TestKeepRendered(t *testing.T) {
	key := func(s string) Key { return keyOf(s) }
	file := func(path string) File { return File{Path: path, Data: []byte(path)} }
	old := map[string]Rendered{
		"a.html": {Key: key("a"), Data: []byte("a")},
		"b.html": {Key: key("b"), Data: []byte("b")},
		"c.html": {Key: key("c"), Data: []byte("c")},
	}
	tests := []struct {
		name  string
		kept  map[string]Rendered
		files []File
		fresh []int
		want  map[string]string // path → the key's name
	}{
		{"nothing kept", nil, []File{file("a.html"), file("b.html")}, []int{0, 1},
			map[string]string{"a.html": "new a.html", "b.html": "new b.html"}},
		{"one changed", maps.Clone(old), []File{file("a.html"), file("b.html"), file("c.html")}, []int{1},
			map[string]string{"a.html": "a", "b.html": "new b.html", "c.html": "c"}},
		{"one added", maps.Clone(old), []File{file("a.html"), file("b.html"), file("c.html"), file("d.html")}, []int{3},
			map[string]string{"a.html": "a", "b.html": "b", "c.html": "c", "d.html": "new d.html"}},
		{"one gone", maps.Clone(old), []File{file("a.html"), file("c.html")}, nil,
			map[string]string{"a.html": "a", "c.html": "c"}},
		{"one gone, one added", maps.Clone(old), []File{file("a.html"), file("c.html"), file("e.html")}, []int{2},
			map[string]string{"a.html": "a", "c.html": "c", "e.html": "new e.html"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keys := make([]Key, len(tt.files))
			for i, f := range tt.files {
				keys[i] = key("new " + f.Path)
			}
			got := keepRendered(tt.kept, tt.files, keys, tt.fresh)
			same := func(a, b Rendered) bool { return a.Key == b.Key }
			if tt.kept != nil && !maps.EqualFunc(tt.kept, got, same) {
				t.Errorf("the map given is not the map returned: not updated in place")
			}
			if len(got) != len(tt.want) {
				t.Errorf("kept %d pages, want %d", len(got), len(tt.want))
			}
			for path, name := range tt.want {
				if r, ok := got[path]; !ok || r.Key != key(name) {
					t.Errorf("%s: kept %v (%v), want the key of %q", path, r.Key, ok, name)
				}
			}
		})
	}
}
