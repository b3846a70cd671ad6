package main

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestAddFollowsRedirects follows two redirects to the page, whose
// sidecar records the address it came from at last; a chain over
// maxRedirects, and a redirect to a file: address, are refused.
func TestAddFollowsRedirects(t *testing.T) {
	ps := newPageServer(t, map[string]http.HandlerFunc{
		"/news/flood-hallow": serveBytes("text/html", newsPage(t, "news.html")),
		"/old":               func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/older", http.StatusFound) },
		"/older": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/news/flood-hallow?utm_source=feed", http.StatusMovedPermanently)
		},
		"/loop": func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) },
		"/file": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		},
	})
	dir := t.TempDir()
	code, stdout, _ := runMain(t, &Main{}, "add", "-src", dir, ps.URL+"/old", ps.URL+"/loop", ps.URL+"/file")
	if code != 1 {
		t.Errorf("exit %d, want 1: two of three failed", code)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	wants := []string{
		ps.URL + "/old: saved as 127.0.0.1_news_flood-hallow.html, ",
		ps.URL + "/loop: not saved: redirected over 5 times",
		ps.URL + `/file: not saved: redirected to a "file" address, refused`,
	}
	for i, want := range wants {
		if i >= len(lines) || !strings.HasPrefix(lines[i], want) {
			t.Errorf("line %d: got %q, want %q...", i+1, lines, want)
		}
	}
	if !strings.HasSuffix(lines[0], ", redirected to "+ps.URL+"/news/flood-hallow") {
		t.Errorf("the line of the redirected page does not say where it went: %q", lines[0])
	}
	side, _ := os.ReadFile(filepath.Join(dir, "127.0.0.1_news_flood-hallow.yaml"))
	if !strings.Contains(string(side), "\nurl: "+ps.URL+"/news/flood-hallow\n") || !strings.Contains(string(side), "from "+ps.URL+"/old.") {
		t.Errorf("the sidecar does not record the address redirected to, without tracking, and the one asked:\n%s", side)
	}
	if n := ps.hits["/loop"]; n != maxRedirects+1 {
		t.Errorf("the loop was fetched %d times, want %d", n, maxRedirects+1)
	}
}

// TestAddRefusesWhatIsNoPage: a 404, a PDF, an image, an image sent as
// HTML, a page over the limit (told, and not told, by Content-Length),
// an empty page, and pages the reader rejects are not saved, each with
// its reason; the others go on, and nothing is left in the folder.
func TestAddRefusesWhatIsNoPage(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
	big := bytes.Repeat([]byte("<p>Flood.</p>\n"), 1000)
	french := bytes.Replace(newsPage(t, "news.html"), []byte(`lang="en"`), []byte(`lang="fr"`), 1)
	ps := newPageServer(t, map[string]http.HandlerFunc{
		"/missing":    http.NotFound,
		"/report.pdf": serveBytes("application/pdf", []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")),
		"/photo":      serveBytes("image/png", png),
		"/fake":       serveBytes("text/html", png),
		"/big":        serveBytes("text/html", big),
		"/big-stream": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			for range 10 {
				w.Write(big[:1000])
				w.(http.Flusher).Flush() // no Content-Length: chunked
			}
		},
		"/empty":   serveBytes("text/html", []byte(" \n")),
		"/paywall": serveBytes("text/html", newsPage(t, "paywall.html")),
		"/french":  serveBytes("text/html", french),
		"/good":    serveBytes("text/html", newsPage(t, "news.html")),
	})
	cases := []struct{ path, reason string }{
		{"/missing", "the server answered 404 Not Found"},
		{"/report.pdf", "not HTML or plain text but application/pdf"},
		{"/photo", "not HTML or plain text but image/png"},
		{"/fake", "not HTML or plain text: sent as text/html, but its bytes are image/png"},
		{"/big", "too large: over the limit of 4 KB for a source"},
		{"/big-stream", "too large: over the limit of 4 KB for a source"},
		{"/empty", "the server sent an empty page"},
		{"/paywall", "a page the reader rejects: only a paywall notice"},
		{"/french", "a page the reader rejects: the page is in another language"},
	}
	args := []string{"add", "-src", t.TempDir()}
	for _, c := range cases {
		args = append(args, ps.URL+c.path)
	}
	args = append(args, ps.URL+"/good")
	m := &Main{addLimit: 4 << 10}
	code, stdout, stderr := runMain(t, m, args...)
	if code != 1 || !strings.Contains(stderr, "add: 9 of 10 addresses could not be added") {
		t.Errorf("exit %d, want 1 saying 9 of 10 failed:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != len(cases)+1 {
		t.Fatalf("%d lines, want one an address:\n%s", len(lines), stdout)
	}
	for i, c := range cases {
		if want := ps.URL + c.path + ": not saved: " + c.reason; !strings.HasPrefix(lines[i], want) {
			t.Errorf("got  %q\nwant %q...", lines[i], want)
		}
	}
	if !strings.Contains(lines[len(cases)], ": saved as 127.0.0.1_good.html") {
		t.Errorf("the good page after the bad ones: %q", lines[len(cases)])
	}
	if got := folderFiles(t, args[2]); !slices.Equal(got, []string{"127.0.0.1_good.html", "127.0.0.1_good.yaml"}) {
		t.Errorf("the folder holds %q, want only the good page and its sidecar", got)
	}
}

// TestAddTimesOut fetches from a server that never answers, with a
// short -timeout: the address fails saying it timed out.
func TestAddTimesOut(t *testing.T) {
	ps := newPageServer(t, map[string]http.HandlerFunc{
		"/silent": func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() },
	})
	dir := t.TempDir()
	code, stdout, _ := runMain(t, &Main{}, "add", "-src", dir, "-timeout", "50ms", ps.URL+"/silent")
	if want := ps.URL + "/silent: not saved: timed out: no whole answer within 50ms\n"; code != 1 || stdout != want {
		t.Errorf("exit %d, %q; want 1, %q", code, stdout, want)
	}
	if got := folderFiles(t, dir); len(got) != 0 {
		t.Errorf("the folder holds %q after a failed fetch, want nothing", got)
	}
}

// TestAddRefusesOtherSchemes refuses javascript:, file:, ftp: and what
// is no address, asking nothing of the network.
func TestAddRefusesOtherSchemes(t *testing.T) {
	ps := newPageServer(t, nil)
	cases := []struct{ addr, reason string }{
		{"javascript:alert(document.domain)", `not fetched: refused scheme "javascript"`},
		{"file:///etc/passwd", `not fetched: refused scheme "file"`},
		{"FTP://" + ps.Listener.Addr().String() + "/x", `not fetched: refused scheme "ftp"`},
		{ps.Listener.Addr().String() + "/news", "not fetched: not a web address"},
		{"http://user:secret@" + ps.Listener.Addr().String() + "/", "not fetched: refused: an address with a user name or password"},
		{"http:///news", "not fetched: not a web address: no host"},
	}
	for _, c := range cases {
		code, stdout, _ := runMain(t, &Main{}, "add", "-src", t.TempDir(), c.addr)
		if want := c.addr + ": " + c.reason; code != 1 || !strings.HasPrefix(stdout, want) {
			t.Errorf("exit %d, %q; want 1, %q...", code, stdout, want)
		}
	}
	if n := ps.requests(); n != 0 {
		t.Errorf("%d requests, want none", n)
	}
}
