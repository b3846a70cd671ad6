package main

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline/build"
)

var (
	linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idAttr   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// TestSiteUnderSubPath serves the built seed site under /story/, as
// GitHub Pages serves a project site, and follows every link of every
// page: each resolves to a page of the site, and each fragment to an
// element of it. Links to other hosts are only the sources' originals.
func TestSiteUnderSubPath(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := run(t, "build", "-src", "../../testdata/seeds", "-out", out); code != 0 {
		t.Fatalf("build exited %d: %s", code, stderr)
	}
	mux := http.NewServeMux()
	mux.Handle("/story/", http.StripPrefix("/story/", http.FileServer(http.Dir(out))))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	pages := map[string]string{} // URL without fragment → body
	fetch := func(u string) (string, int) {
		if body, ok := pages[u]; ok {
			return body, http.StatusOK
		}
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		if resp.StatusCode == http.StatusOK {
			pages[u] = string(data)
		}
		return string(data), resp.StatusCode
	}
	start := srv.URL + "/story/index.html"
	queue := []string{start}
	seen := map[string]bool{start: true}
	links := 0
	for len(queue) > 0 {
		page := queue[0]
		queue = queue[1:]
		body, code := fetch(page)
		if code != http.StatusOK {
			t.Errorf("%s: status %d", page, code)
			continue
		}
		if !strings.HasSuffix(page, ".html") {
			continue
		}
		base, _ := url.Parse(page)
		for _, m := range linkAttr.FindAllStringSubmatch(body, -1) {
			href := m[1]
			if strings.HasPrefix(href, "/") {
				t.Errorf("%s: link %q is not relative", page, href)
				continue
			}
			ref, err := base.Parse(strings.ReplaceAll(href, "&amp;", "&"))
			if err != nil {
				t.Errorf("%s: bad link %q: %v", page, href, err)
				continue
			}
			if ref.Host != base.Host {
				if !strings.Contains(body, `class="original" href="`+href+`"`) {
					t.Errorf("%s: link %q leaves the site", page, href)
				}
				continue
			}
			links++
			fragment := ref.Fragment
			ref.Fragment = ""
			target := ref.String()
			if !strings.HasPrefix(ref.Path, "/story/") {
				t.Errorf("%s: link %q leaves /story/", page, href)
				continue
			}
			if !seen[target] {
				seen[target] = true
				queue = append(queue, target)
			}
			if fragment != "" {
				tbody, code := fetch(target)
				if code == http.StatusOK && !hasID(tbody, fragment) {
					t.Errorf("%s: link %q: no element with id %q in %s", page, href, fragment, target)
				}
			}
		}
	}
	if links < 50 || len(seen) < 8 {
		t.Errorf("followed %d links to %d files; the site looks too small", links, len(seen))
	}
}

func hasID(body, id string) bool {
	for _, m := range idAttr.FindAllStringSubmatch(body, -1) {
		if m[1] == id {
			return true
		}
	}
	return false
}

// TestCollectIdleRaisesTheTarget checks the collector's target that
// serve keeps between rebuilds: idleGCPercent after a collection, and a
// GOGC the user set left as it was.
func TestCollectIdleRaisesTheTarget(t *testing.T) {
	t.Setenv("GOGC", "") // as if unset: the environment of `go test` may set it
	was := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(was) })
	collectIdle()
	if got := debug.SetGCPercent(100); got != idleGCPercent {
		t.Errorf("after collectIdle the target is %d, want %d", got, idleGCPercent)
	}
	t.Setenv("GOGC", "80")
	debug.SetGCPercent(80)
	collectIdle()
	if got := debug.SetGCPercent(80); got != 80 {
		t.Errorf("with GOGC=80 set, after collectIdle the target is %d", got)
	}
}

// TestServeCopyIsNoLostSource checks that a source of the served site
// that a rebuild leaves out as a copy of another does not keep the last
// site served: its text is in the new one, as the other's. A source
// that went bad does.
func TestServeCopyIsNoLostSource(t *testing.T) {
	s := &siteServer{sources: []string{"a.txt", "b.txt", "c.txt"}}
	st := &story{problems: []build.Problem{
		{File: "b.txt", Err: &build.CopyError{Original: "a.txt"}, Skipped: true},
		{File: "c.txt", Err: errors.New("a binary file"), Skipped: true},
	}}
	if lost := s.lostSources(st); len(lost) != 1 || lost[0] != "c.txt" {
		t.Errorf("lost %v, want c.txt alone", lost)
	}
}
