package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/timeline-project/timeline/cmd/timeline/internal/seedpages"
)

// seedPagesDir holds the seeds wrapped in news pages.
const seedPagesDir = "../../testdata/pages/seeds"

// TestSeedPagesUpToDate regenerates the seed pages from the seeds and
// compares them with testdata/pages (rewritten with -update).
func TestSeedPagesUpToDate(t *testing.T) {
	for _, s := range seedpages.Seeds {
		text, err := os.ReadFile(filepath.Join("../../testdata/seeds", s.Name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		p, err := seedpages.Build(s, string(text))
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, filepath.Join(seedPagesDir, s.Name+".html"), []byte(p.HTML))
		checkGolden(t, filepath.Join("../../testdata/pages/want", s.Name+".want"), []byte(p.Want))
	}
	site, err := os.ReadFile("../../testdata/seeds/site.md")
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join(seedPagesDir, "site.md"), site)
}

// TestBuildSeedPages builds the story from the seeds wrapped in news
// pages: it must score as the .txt seeds do.
func TestBuildSeedPages(t *testing.T) {
	txt := buildAndScore(t, "../../testdata/seeds")
	html := buildAndScore(t, seedPagesDir)
	t.Logf("seeds as text: %v", txt)
	t.Logf("seeds as pages: %v", html)
	for _, m := range html.misses {
		t.Logf("miss: %s", m)
	}
	if html.found != txt.found || html.published != html.sources || html.sources != txt.sources ||
		html.junk+html.lumped+html.late+html.uncited > 0 || html.verbatim != html.quotes {
		t.Errorf("seed pages score %v; the .txt seeds score %v", html, txt)
	}
}

// buildAndScore builds the story of src and scores it against the seed
// gold, as score-timeline does.
func buildAndScore(t *testing.T, src string) score {
	t.Helper()
	out := t.TempDir()
	code, _, stderr := run(t, "build", "-src", src, "-out", out)
	if code != 0 {
		t.Fatalf("build of %s exited %d:\n%s", src, code, stderr)
	}
	var g goldFile
	var tl scoredTimeline
	if err := readJSON("../../testdata/gold/seeds.json", &g); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "timeline.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &tl); err != nil {
		t.Fatal(err)
	}
	s, err := scoreTimeline(g, tl, src)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSidecar builds a web page with a sidecar, then with the sidecar
// changed: the sidecar is not a source, its fields win, and a change to
// it alone is seen through the build cache.
func TestSidecar(t *testing.T) {
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "public")
	page, err := os.ReadFile("../../timeline/htmldoc/testdata/pages/time-only.html")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(src, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("bridge.html", string(page))
	write("other.yaml", "title: not a sidecar of any source\n")
	for _, title := range []string{"First title", "Second title"} {
		write("bridge.yaml", "title: "+title+"\npublisher: Valley Courier\n")
		code, _, stderr := run(t, "build", "-src", src, "-out", out)
		if code != 0 {
			t.Fatalf("build exited %d:\n%s", code, stderr)
		}
		var tl struct {
			Sources []struct{ ID, Title, Publisher, Published, Published_basis string }
		}
		if err := readJSON(filepath.Join(out, "timeline.json"), &tl); err != nil {
			t.Fatal(err)
		}
		if len(tl.Sources) != 1 || tl.Sources[0].Title != title || tl.Sources[0].Publisher != "Valley Courier" ||
			tl.Sources[0].Published != "2023-05-30" {
			t.Errorf("sources %+v; want one, %q by Valley Courier, published 2023-05-30", tl.Sources, title)
		}
	}
}
