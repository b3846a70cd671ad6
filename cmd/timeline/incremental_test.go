package main

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// buildCounting builds src into out and returns the names of the sources
// read afresh and standard error.
func buildCounting(t *testing.T, src, out string) ([]string, string) {
	t.Helper()
	var stderr bytes.Buffer
	var reads []string
	m := &Main{Stdout: &bytes.Buffer{}, Stderr: &stderr, Now: func() time.Time { return buildDay },
		onRead: func(name string) { reads = append(reads, name) }}
	if err := m.Run(context.Background(), []string{"build", "-src", src, "-out", out}); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr.String())
	}
	slices.Sort(reads)
	return reads, stderr.String()
}

// siteFiles returns every file of a built site by path.
func siteFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestIncrementalBuild builds the seeds three times: the second build
// reads nothing again and gives the same site; after one source
// changes, the third reads only it, and the site shows the change.
func TestIncrementalBuild(t *testing.T) {
	src := copySeeds(t)
	out := filepath.Join(t.TempDir(), "public")
	reads, _ := buildCounting(t, src, out)
	if len(reads) != 5 {
		t.Fatalf("first build read %v, want the 5 sources", reads)
	}
	first := siteFiles(t, out)

	reads, stderr := buildCounting(t, src, out)
	if len(reads) != 0 || !strings.Contains(stderr, "(0 files read, 5 unchanged)") {
		t.Errorf("second build read %v again:\n%s", reads, stderr)
	}
	if second := siteFiles(t, out); !mapsEqual(first, second) {
		t.Errorf("a build from the cache differs from the build that read every source")
	}

	changed := filepath.Join(src, "002_be923fc5e0fa518d.txt")
	data, err := os.ReadFile(changed)
	if err != nil {
		t.Fatal(err)
	}
	data = append([]byte("---\ntitle: A title given in front matter\n---\n"), data...)
	if err := os.WriteFile(changed, data, 0o644); err != nil {
		t.Fatal(err)
	}
	reads, _ = buildCounting(t, src, out)
	if !slices.Equal(reads, []string{"002_be923fc5e0fa518d.txt"}) {
		t.Errorf("third build read %v, want only the changed source", reads)
	}
	third := siteFiles(t, out)
	if !strings.Contains(third["sources/002_be923fc5e0fa518d.html"], "A title given in front matter") ||
		!strings.Contains(third["timeline.json"], "A title given in front matter") {
		t.Errorf("the site does not show the changed source's new title")
	}
	if third["sources/004_1cdc5eb8c7f642e6.html"] != first["sources/004_1cdc5eb8c7f642e6.html"] {
		t.Errorf("the page of an unchanged source changed")
	}

	// The same sources built with no cache give the same site.
	cold := filepath.Join(t.TempDir(), "cold")
	buildCounting(t, src, cold)
	if !mapsEqual(third, siteFiles(t, cold)) {
		t.Errorf("an incremental build differs from a build from scratch")
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || v != w {
			return false
		}
	}
	return true
}

// builtWithCache builds a copy of the seeds and returns the source and
// output folders, the site's files and the path of its readings cache.
func builtWithCache(t *testing.T) (src, out string, files map[string]string, cache string) {
	t.Helper()
	src = copySeeds(t)
	out = filepath.Join(t.TempDir(), "public")
	buildCounting(t, src, out)
	cache, err := readingsCachePath(out)
	if err != nil {
		t.Fatal(err)
	}
	return src, out, siteFiles(t, out), cache
}

// TestCacheDamagedOrForeign checks that a cache that was cut, changed
// or written by something else is ignored with a note, and every source
// read again.
func TestCacheDamagedOrForeign(t *testing.T) {
	src, out, want, cache := builtWithCache(t)
	good, err := os.ReadFile(cache)
	if err != nil {
		t.Fatalf("no cache beside the output folder: %v", err)
	}
	flipped := slices.Clone(good)
	flipped[len(flipped)/2] ^= 0x40
	for _, tt := range []struct {
		name string
		data []byte
		note string
	}{
		{"flipped byte", flipped, "ignored: damaged"},
		{"cut", good[:len(good)-100], "ignored: damaged"},
		{"foreign", []byte("GIF89a not a cache at all"), "written by another version"},
		{"other program", encodeBlob("timeline v0.0.1/other", nil), "written by another version"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.WriteFile(cache, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			reads, stderr := buildCounting(t, src, out)
			if len(reads) != 5 || !strings.Contains(stderr, tt.note) {
				t.Errorf("read %v; stderr lacks %q:\n%s", reads, tt.note, stderr)
			}
			if !mapsEqual(want, siteFiles(t, out)) {
				t.Errorf("the site differs after the cache was ignored")
			}
		})
	}
}

// TestPagesRenderedOnlyWhenChanged builds the seeds, then again with
// one page edited by hand: only that page is rendered again; then with
// one source changed: only the pages that show it are.
func TestPagesRenderedOnlyWhenChanged(t *testing.T) {
	src := copySeeds(t)
	out := filepath.Join(t.TempDir(), "public")
	build := func() []string {
		t.Helper()
		var rendered []string
		m := &Main{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Now: func() time.Time { return buildDay },
			onRender: func(path string) { rendered = append(rendered, path) }}
		if err := m.Run(context.Background(), []string{"build", "-src", src, "-out", out}); err != nil {
			t.Fatal(err)
		}
		slices.Sort(rendered)
		return rendered
	}
	if rendered := build(); len(rendered) < 10 {
		t.Fatalf("the first build rendered %v, want every page", rendered)
	}
	first := siteFiles(t, out)

	edited := filepath.Join(out, "sources", "003_0f1b90f516402c10.html")
	if err := os.WriteFile(edited, []byte("edited by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	if rendered := build(); !slices.Equal(rendered, []string{"sources/003_0f1b90f516402c10.html"}) {
		t.Errorf("after a page was edited by hand, the build rendered %v, want only that page", rendered)
	}
	if !mapsEqual(siteFiles(t, out), first) {
		t.Errorf("the site differs from the first build's")
	}

	changed := filepath.Join(src, "001_cd3dfe0bcc080581.txt")
	data, err := os.ReadFile(changed)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(changed, append([]byte("---\ntitle: A new title\n---\n"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	rendered := build()
	if !slices.Contains(rendered, "sources/001_cd3dfe0bcc080581.html") || !slices.Contains(rendered, "timeline.json") {
		t.Errorf("after a source changed, the build rendered %v: not its page and timeline.json", rendered)
	}
	for _, p := range []string{"sources/004_1cdc5eb8c7f642e6.html", "style.css", "timeline.js"} {
		if slices.Contains(rendered, p) {
			t.Errorf("after one source changed, the build rendered %s again", p)
		}
	}
}

// TestCacheOfManySources checks the cache of a story of more sources
// than are encoded at once: a second build reads none of them again.
func TestCacheOfManySources(t *testing.T) {
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "public")
	n := 2*cacheBatch + 7
	for i := range n {
		text := fmt.Sprintf("---\npublished: 2023-05-24\n---\nOn May 22, 2023, crews in town %d reported %d new cases.\n", i, 10+i)
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("s%04d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if reads, stderr := buildCounting(t, src, out); len(reads) != n {
		t.Fatalf("first build read %d sources, want %d\n%s", len(reads), n, stderr)
	}
	first := siteFiles(t, out)
	reads, stderr := buildCounting(t, src, out)
	if len(reads) != 0 {
		t.Fatalf("second build read %d sources again, want none\n%s", len(reads), stderr)
	}
	if got := siteFiles(t, out); !maps.Equal(got, first) {
		t.Error("the second build's site differs from the first's")
	}
}
