package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// newsPage is a news page of testdata/add: an article with dates, its
// publication date in a <meta>, no canonical address.
func newsPage(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata/add", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// pageServer is a local web server for add's tests: it serves the
// handlers given by path, and counts the requests of each path and
// what User-Agent they named.
type pageServer struct {
	*httptest.Server
	mu     sync.Mutex
	hits   map[string]int
	agents []string
}

func newPageServer(t *testing.T, routes map[string]http.HandlerFunc) *pageServer {
	t.Helper()
	ps := &pageServer{hits: map[string]int{}}
	mux := http.NewServeMux()
	for p, h := range routes {
		mux.HandleFunc(p, h)
	}
	ps.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ps.mu.Lock()
		ps.hits[r.URL.Path]++
		ps.agents = append(ps.agents, r.UserAgent())
		ps.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(ps.Close)
	return ps
}

// requests returns how many requests the server had, in all.
func (ps *pageServer) requests() int {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	n := 0
	for _, h := range ps.hits {
		n += h
	}
	return n
}

// serveBytes answers with body as a page of the content type given.
func serveBytes(contentType string, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		w.Write(body)
	}
}

// runMain runs m (its streams and clock set here) with args and
// returns its exit status, standard output and standard error.
func runMain(t *testing.T, m *Main, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	m.Stdout, m.Stderr, m.Now = &stdout, &stderr, func() time.Time { return buildDay }
	code := exitCode(&stderr, m.Run(context.Background(), args))
	return code, stdout.String(), stderr.String()
}

// folderFiles returns the names of the files in dir, hidden ones too.
func folderFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestAddSavesAPageThatBuildsWithItsAddress adds a news page with no
// canonical address: it is saved as it came, with a sidecar, fetched
// once with the tool's User-Agent and nothing else of it (no style,
// script or image); built, an entry cites it, and the source's address
// is the one it was fetched from.
func TestAddSavesAPageThatBuildsWithItsAddress(t *testing.T) {
	page := newsPage(t, "news.html")
	ps := newPageServer(t, map[string]http.HandlerFunc{"/news/flood-hallow": serveBytes("text/html; charset=utf-8", page)})
	dir := filepath.Join(t.TempDir(), "story") // made by add
	addr := ps.URL + "/news/flood-hallow"
	code, stdout, stderr := runMain(t, &Main{}, "add", "-src", dir, addr)
	if code != 0 {
		t.Fatalf("add: exit %d\n%s%s", code, stdout, stderr)
	}
	const name = "127.0.0.1_news_flood-hallow.html"
	want := addr + ": saved as " + name + `, "River Wen floods the old town of Hallow", published 2024-03-12 (<meta article:published_time>: 2024-03-12T08:30:00Z)` + "\n"
	if stdout != want {
		t.Errorf("add printed\n%s\nwant\n%s", stdout, want)
	}
	if got := folderFiles(t, dir); !slices.Equal(got, []string{name, "127.0.0.1_news_flood-hallow.yaml"}) {
		t.Errorf("the folder holds %q, want the page and its sidecar", got)
	}
	if saved, _ := os.ReadFile(filepath.Join(dir, name)); !bytes.Equal(saved, page) {
		t.Error("the page saved is not the bytes served")
	}
	side, _ := os.ReadFile(filepath.Join(dir, "127.0.0.1_news_flood-hallow.yaml"))
	if !strings.Contains(string(side), "\nurl: "+addr+"\n") {
		t.Errorf("the sidecar does not record the address:\n%s", side)
	}
	if ps.requests() != 1 || !strings.HasPrefix(ps.agents[0], "timeline/") {
		t.Errorf("the server had %d requests, User-Agents %q; want one, naming the tool", ps.requests(), ps.agents)
	}

	out := t.TempDir()
	if code, _, stderr := run(t, "build", "-src", dir, "-out", out); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	var tl timelineJSON
	raw, err := os.ReadFile(filepath.Join(out, "timeline.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &tl); err != nil {
		t.Fatal(err)
	}
	if len(tl.Sources) != 1 || tl.Sources[0].URL != addr || tl.Sources[0].File != name {
		t.Fatalf("sources %+v, want %s with the address %s", tl.Sources, name, addr)
	}
	cited := false
	for _, e := range tl.Events {
		for _, c := range e.Citations {
			cited = cited || c.Source == tl.Sources[0].ID
		}
	}
	if !cited {
		t.Errorf("no entry cites the page added: %+v", tl.Events)
	}
}

// TestAddSavesPlainText adds a plain text page: saved as .txt, its
// publication line read.
func TestAddSavesPlainText(t *testing.T) {
	ps := newPageServer(t, map[string]http.HandlerFunc{"/relief": serveBytes("text/plain; charset=utf-8", newsPage(t, "news.txt"))})
	dir := t.TempDir()
	code, stdout, stderr := runMain(t, &Main{}, "add", "-src", dir, ps.URL+"/relief")
	if code != 0 || !strings.Contains(stdout, "saved as 127.0.0.1_relief.txt, ") ||
		!strings.Contains(stdout, ", published 2024-03-13 (Published on March 13, 2024)\n") {
		t.Errorf("add: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestAddSameArticleTwice gives one article twice, the second time with
// tracking parameters: fetched once. Given again in another run, it is
// not fetched at all, nor is a page whose canonical address is its; with
// -force it is saved again, under another name.
func TestAddSameArticleTwice(t *testing.T) {
	var canonical []byte
	ps := newPageServer(t, map[string]http.HandlerFunc{
		"/news/flood-hallow": serveBytes("text/html", newsPage(t, "news.html")),
		"/m/flood":           func(w http.ResponseWriter, r *http.Request) { w.Write(canonical) },
	})
	addr := ps.URL + "/news/flood-hallow"
	link := `<link rel="canonical" href="` + strings.Replace(addr, "http://", "https://www.", 1) + `">`
	canonical = bytes.Replace(newsPage(t, "news.html"), []byte("<title>"), []byte(link+"\n<title>"), 1)
	dir := t.TempDir()
	tracked := addr + "?utm_source=newsletter&utm_medium=email&ITO=1#comments"
	code, stdout, _ := runMain(t, &Main{}, "add", "-src", dir, addr, tracked, addr)
	want := tracked + ": not fetched: the same address as " + addr + ", above\n" +
		addr + ": not fetched: the same address as " + addr + ", above\n"
	if code != 0 || !strings.HasSuffix(stdout, want) || ps.hits["/news/flood-hallow"] != 1 {
		t.Errorf("exit %d, fetched %d times:\n%s\nwant the second line %q", code, ps.hits["/news/flood-hallow"], stdout, want)
	}

	again := addr + "/?ns_mchannel=social&at_medium=custom7"
	code, stdout, _ = runMain(t, &Main{}, "add", "-src", dir, again, ps.URL+"/m/flood")
	wants := again + ": not fetched: already in the story as 127.0.0.1_news_flood-hallow.html\n" +
		ps.URL + "/m/flood: not saved: already in the story as 127.0.0.1_news_flood-hallow.html (its canonical address)\n"
	if code != 0 || stdout != wants || ps.hits["/news/flood-hallow"] != 1 {
		t.Errorf("exit %d, fetched %d times:\n%s\nwant\n%s", code, ps.hits["/news/flood-hallow"], stdout, wants)
	}

	code, stdout, _ = runMain(t, &Main{}, "add", "-src", dir, "-force", addr)
	if code != 0 || !strings.Contains(stdout, ": saved as 127.0.0.1_news_flood-hallow-") || ps.hits["/news/flood-hallow"] != 2 {
		t.Errorf("with -force: exit %d, fetched %d times:\n%s", code, ps.hits["/news/flood-hallow"], stdout)
	}
	if n := len(folderFiles(t, dir)); n != 4 {
		t.Errorf("%d files after -force, want two pages and two sidecars", n)
	}
}

// TestAddList reads addresses from a list file and from standard
// input: blank lines and comments skipped, a bad line among good ones
// failing alone, named by its line.
func TestAddList(t *testing.T) {
	ps := newPageServer(t, map[string]http.HandlerFunc{
		"/a": serveBytes("text/html", newsPage(t, "news.html")),
		"/b": serveBytes("text/plain", newsPage(t, "news.txt")),
	})
	list := "\ufeff# flood links\n\n" + ps.URL + "/a\n   \n  # later\nnot an address\n\t" + ps.URL + "/b  \n"
	listFile := filepath.Join(t.TempDir(), "links.txt")
	if err := os.WriteFile(listFile, []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, arg, label string }{
		{"file", listFile, listFile},
		{"stdin", "-", "-"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			m := &Main{Stdin: strings.NewReader(list)}
			code, stdout, stderr := runMain(t, m, "add", "-src", dir, "-list", tc.arg)
			lines := strings.Split(strings.TrimSpace(stdout), "\n")
			wants := []string{
				tc.label + ":3: " + ps.URL + "/a: saved as 127.0.0.1_a.html",
				tc.label + ":6: not an address: not fetched: not a web address",
				tc.label + ":7: " + ps.URL + "/b: saved as 127.0.0.1_b.txt",
			}
			if code != 1 || len(lines) != len(wants) {
				t.Fatalf("exit %d, want 1, and a line an address:\n%s%s", code, stdout, stderr)
			}
			for i, want := range wants {
				if !strings.HasPrefix(lines[i], want) {
					t.Errorf("got  %q\nwant %q...", lines[i], want)
				}
			}
			if !strings.Contains(stderr, "3 addresses: 2 saved, 0 already in the story, 1 not added") {
				t.Errorf("no summary:\n%s", stderr)
			}
		})
	}
}

// TestAddNameTaken saves pages whose names are taken: by a user's file
// with the same name but another extension (the sidecar would be
// shared), and by another address of the same path. Each gets a suffix,
// the same in any folder; the user's file is left as it was.
func TestAddNameTaken(t *testing.T) {
	ps := newPageServer(t, map[string]http.HandlerFunc{"/story": serveBytes("text/html", newsPage(t, "news.html"))})
	var names [][]string
	for range 2 {
		dir := t.TempDir()
		mine := filepath.Join(dir, "127.0.0.1_story.txt")
		if err := os.WriteFile(mine, []byte("my notes"), 0o600); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := runMain(t, &Main{}, "add", "-src", dir, ps.URL+"/story?id=1", ps.URL+"/story?id=2")
		if code != 0 {
			t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
		}
		if data, _ := os.ReadFile(mine); string(data) != "my notes" {
			t.Errorf("the user's file was changed: %q", data)
		}
		names = append(names, folderFiles(t, dir))
	}
	got := names[0]
	if len(got) != 5 || !slices.Equal(got, names[1]) {
		t.Fatalf("the folders hold %q and %q; want the same five files", names[0], names[1])
	}
	for _, n := range got {
		if n != "127.0.0.1_story.txt" && !strings.HasPrefix(n, "127.0.0.1_story-") {
			t.Errorf("%s: want a suffixed name", n)
		}
	}
	if got[1] == got[3] {
		t.Errorf("two pages under one name: %q", got)
	}
}

// TestAddIsSeenByServesWatcher adds a page to a folder that serve's
// watcher watches: it is told of the page and its sidecar, not of the
// temporary files they were written to.
func TestAddIsSeenByServesWatcher(t *testing.T) {
	ps := newPageServer(t, map[string]http.HandlerFunc{"/story": serveBytes("text/html", newsPage(t, "news.html"))})
	dir := t.TempDir()
	w, err := watchFolder(dir)
	if err != nil {
		t.Skipf("no watcher here: %v", err)
	}
	defer w.close()
	if code, stdout, stderr := runMain(t, &Main{}, "add", "-src", dir, ps.URL+"/story"); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	changed := map[string]bool{}
	for !changed["127.0.0.1_story.html"] || !changed["127.0.0.1_story.yaml"] {
		select {
		case <-w.changes:
		case <-time.After(10 * time.Second):
			t.Fatalf("the watcher was told of %v", changed)
		}
		c, sure := w.take()
		if !sure {
			t.Fatal("the watcher is unsure")
		}
		for name := range c {
			changed[name] = true
		}
	}
	if len(changed) != 2 {
		t.Errorf("the watcher was told of %v, want the page and its sidecar", changed)
	}
}

// TestAddHelp: "add -h" and "timeline help" say what add sends and
// keeps; no address is a usage error.
func TestAddHelp(t *testing.T) {
	code, _, stderr := run(t, "add", "-h")
	for _, want := range []string{"usage: timeline add", "-list file", "no scripts, images or styles", "no cookies are kept", "User-Agent"} {
		if code != 0 || !strings.Contains(stderr, want) {
			t.Errorf("add -h: exit %d, lacks %q:\n%s", code, want, stderr)
		}
	}
	if _, stdout, _ := run(t, "help"); !strings.Contains(stdout, "timeline add [-src DIR]") {
		t.Errorf("help does not name add:\n%s", stdout)
	}
	if code, _, stderr := run(t, "add", "-src", t.TempDir()); code != 2 || !strings.Contains(stderr, "no address given") {
		t.Errorf("add without an address: exit %d\n%s", code, stderr)
	}
}

// timelineJSON is what add's tests read of timeline.json.
type timelineJSON struct {
	Sources []struct {
		ID, File, URL string
	}
	Events []struct {
		Citations []struct{ Source string }
	}
}

// TestAddShowsProgress adds two pages with a clock that runs two
// seconds a look: their progress shows on standard error, as a build's
// does, and each address's line on standard output.
func TestAddShowsProgress(t *testing.T) {
	ps := newPageServer(t, map[string]http.HandlerFunc{
		"/a": serveBytes("text/html", newsPage(t, "news.html")),
		"/b": http.NotFound,
	})
	var stdout, stderr bytes.Buffer
	now := buildDay
	var mu sync.Mutex
	m := &Main{Stdout: &stdout, Stderr: &stderr, Now: func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(2 * time.Second)
		return now
	}}
	err := m.Run(context.Background(), []string{"add", "-src", t.TempDir(), ps.URL + "/a", ps.URL + "/b"})
	if err == nil {
		t.Error("no error for the address that failed")
	}
	for _, want := range []string{"fetching the pages\n", "fetched 1 of 2 addresses\n", "fetched 2 of 2 addresses\n", "2 addresses: 1 saved, 0 already in the story, 1 not added\n"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("standard error lacks %q:\n%s", want, stderr.String())
		}
	}
	if n := strings.Count(stdout.String(), "\n"); n != 2 {
		t.Errorf("%d lines on standard output, want one an address:\n%s", n, stdout.String())
	}
}

// TestAddInterrupted: once interrupted, no address is fetched, each
// says so, and add fails.
func TestAddInterrupted(t *testing.T) {
	ps := newPageServer(t, map[string]http.HandlerFunc{"/a": serveBytes("text/html", newsPage(t, "news.html"))})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout bytes.Buffer
	m := &Main{Stdout: &stdout, Stderr: &bytes.Buffer{}, Now: func() time.Time { return buildDay }}
	dir := t.TempDir()
	err := m.Run(ctx, []string{"add", "-src", dir, "-force", ps.URL + "/a", ps.URL + "/a?b=1"})
	if err == nil || strings.Count(stdout.String(), ": not saved: interrupted") != 2 || ps.requests() != 0 {
		t.Errorf("error %v, %d requests, printed:\n%s", err, ps.requests(), stdout.String())
	}
	if got := folderFiles(t, dir); len(got) != 0 {
		t.Errorf("the folder holds %q", got)
	}
}
