package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// copySeeds copies the shipped story into a new folder, writable, and
// returns it.
func copySeeds(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("../../testdata/seeds")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("../../testdata/seeds", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startServe runs "timeline serve" on src and returns its address, its
// standard error and a function that stops it and returns its error.
func startServe(t *testing.T, src string) (string, *syncBuffer, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stderr := &syncBuffer{}
	listening := make(chan string, 1)
	m := &Main{Stdout: io.Discard, Stderr: stderr, Now: time.Now, onListen: func(url string) { listening <- url }}
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, []string{"serve", "-src", src, "-addr", "127.0.0.1:0"}) }()
	select {
	case url := <-listening:
		return url, stderr, func() error { cancel(); return <-done }
	case err := <-done:
		cancel()
		t.Fatalf("serve stopped: %v\n%s", err, stderr)
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatalf("serve did not start:\n%s", stderr)
	}
	return "", nil, nil
}

// get returns the status and body of a page.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// listen opens the page's event stream and returns the names of the
// events as they come.
func listen(t *testing.T, url string) <-chan string {
	t.Helper()
	resp, err := http.Get(url + "_timeline/events")
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events served as %q", ct)
	}
	events := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- name
			}
		}
		close(events)
	}()
	return events
}

func waitEvent(t *testing.T, events <-chan string, want string, stderr *syncBuffer) {
	t.Helper()
	select {
	case got, ok := <-events:
		if !ok || got != want {
			t.Fatalf("event %q (stream open %v), want %q\n%s", got, ok, want, stderr)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("no %q event within 20 s\n%s", want, stderr)
	}
}

// TestServeRebuildsAndReloads serves the seeds, adds a source and
// checks that the site is rebuilt and the open page told to reload;
// removes it and checks that its page is gone; then breaks a source and checks that the last good site stays served
// with the warning on its pages.
func TestServeRebuildsAndReloads(t *testing.T) {
	src := copySeeds(t)
	url, stderr, stop := startServe(t, src)
	code, page := get(t, url)
	if code != http.StatusOK || !strings.Contains(page, `<script src="/_timeline/reload.js"></script>`) {
		t.Fatalf("index: status %d, reload script missing:\n%.300s", code, page)
	}
	if code, script := get(t, url+"_timeline/reload.js"); code != http.StatusOK || !strings.Contains(script, "EventSource") {
		t.Errorf("reload.js: status %d: %q", code, script)
	}
	events := listen(t, url)

	added := "---\ntitle: Ferry resumes\npublished: 2023-05-25\n---\n" +
		"The port authority said on Wednesday that the Zanzibar ferry had resumed its crossings after the storm.\n"
	if err := os.WriteFile(filepath.Join(src, "ferry.md"), []byte(added), 0o644); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, events, "reload", stderr)
	if code, page := get(t, url+"sources/ferry.html"); code != http.StatusOK || !strings.Contains(page, "Zanzibar ferry") {
		t.Errorf("the new source's page: status %d, without its text", code)
	}
	if _, page := get(t, url+"index.html"); !strings.Contains(page, "Zanzibar ferry") {
		t.Errorf("the chronology lacks the new source's event")
	}
	if err := os.Remove(filepath.Join(src, "ferry.md")); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, events, "reload", stderr)
	if code, _ := get(t, url+"sources/ferry.html"); code != http.StatusNotFound {
		t.Errorf("the removed source's page: status %d, want 404", code)
	}
	if _, page := get(t, url+"index.html"); strings.Contains(page, "Zanzibar ferry") {
		t.Errorf("the chronology keeps the removed source's event")
	}

	bad := filepath.Join(src, "001_cd3dfe0bcc080581.txt")
	if err := os.WriteFile(bad, []byte("\x00\x01binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, events, "warning", stderr)
	code, page = get(t, url+"sources/001_cd3dfe0bcc080581.html")
	if code != http.StatusOK {
		t.Errorf("the last good site lost the page of the broken source: status %d", code)
	}
	if !strings.Contains(page, `id="timeline-serve-warnings"`) || !strings.Contains(page, "001_cd3dfe0bcc080581.txt: skipped: a binary file") {
		t.Errorf("the page does not show the warning:\n%s", page[max(0, len(page)-600):])
	}
	if !strings.Contains(stderr.String(), "001_cd3dfe0bcc080581.txt: skipped: a binary file") ||
		!strings.Contains(stderr.String(), "kept the last good site") {
		t.Errorf("the terminal does not show the warning:\n%s", stderr)
	}
	if err := stop(); err != nil {
		t.Errorf("serve: %v", err)
	}
}

// TestBuiltPagesHaveNoReloadScript checks that only served pages carry
// serve's script: the built site never does.
func TestBuiltPagesHaveNoReloadScript(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := run(t, "build", "-src", "../../testdata/seeds", "-out", out); code != 0 {
		t.Fatalf("build exited %d: %s", code, stderr)
	}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if strings.Contains(string(data), "_timeline/") || strings.Contains(string(data), "EventSource") {
			t.Errorf("%s holds serve's reload script", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestWithServeScript(t *testing.T) {
	with := func(page string, warnings []string) string {
		var b bytes.Buffer
		writeWithServeScript(&b, []byte(page), warnings)
		return b.String()
	}
	got := with("<html><body><p>x</p></body></html>", []string{"a.txt: <bad> & worse"})
	for _, want := range []string{
		`<p>x</p><link rel="stylesheet" href="/_timeline/serve.css">`,
		`<li>a.txt: &lt;bad&gt; &amp; worse</li>`,
		`<script src="/_timeline/reload.js"></script>` + "\n</body></html>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("page lacks %q:\n%s", want, got)
		}
	}
	if got := with("no body", nil); !strings.HasPrefix(got, "no body<link") || strings.Contains(got, "warnings") {
		t.Errorf("page without </body>: %q", got)
	}
}

// waitEventUntil waits for events until one is want and ok(), at most
// max events: a rebuild may come in several steps (files removed one
// after another, then their folder).
func waitEventUntil(t *testing.T, events <-chan string, want string, max int, ok func() bool, stderr *syncBuffer) {
	t.Helper()
	for range max {
		select {
		case got, open := <-events:
			if !open {
				t.Fatalf("the event stream ended\n%s", stderr)
			}
			if got == want && ok() {
				return
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("no %q event within 20 s\n%s", want, stderr)
		}
	}
	t.Fatalf("no %q event of %d that did it\n%s", want, max, stderr)
}

// TestServeFolderGoneAndBack serves a folder, moves it away, moves it
// back, removes it and makes it again: while it is gone the terminal and
// the page say so and the last good site stays served; once it is back,
// changes to it are seen again and built.
func TestServeFolderGoneAndBack(t *testing.T) {
	src := copySeeds(t)
	url, stderr, stop := startServe(t, src)
	defer stop()
	events := listen(t, url)
	const gone = "is gone (removed, or moved away)"
	pageSays := func(text string) func() bool {
		return func() bool { _, page := get(t, url+"index.html"); return strings.Contains(page, text) }
	}
	addSource := func(name, what string) {
		t.Helper()
		text := "---\npublished: 2023-05-25\n---\nThe port authority said on Wednesday that " + what + ".\n"
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	moved := src + ".moved"
	if err := os.Rename(src, moved); err != nil {
		t.Fatal(err)
	}
	waitEventUntil(t, events, "warning", 5, pageSays(gone), stderr)
	if !strings.Contains(stderr.String(), gone) {
		t.Errorf("the terminal does not say the folder is gone:\n%s", stderr)
	}
	if code, _ := get(t, url+"sources/001_cd3dfe0bcc080581.html"); code != http.StatusOK {
		t.Errorf("the last good site is not served while the folder is gone: status %d", code)
	}
	if err := os.Rename(moved, src); err != nil {
		t.Fatal(err)
	}
	waitEventUntil(t, events, "reload", 5, func() bool { return true }, stderr)
	addSource("ferry.md", "the Zanzibar ferry had resumed its crossings")
	waitEventUntil(t, events, "reload", 5, pageSays("Zanzibar ferry"), stderr)

	if err := os.RemoveAll(src); err != nil {
		t.Fatal(err)
	}
	waitEventUntil(t, events, "warning", 10, pageSays(gone), stderr)
	if err := os.Mkdir(src, 0o755); err != nil {
		t.Fatal(err)
	}
	addSource("bridge.md", "the Kilifi bridge had reopened")
	waitEventUntil(t, events, "reload", 10, pageSays("Kilifi bridge"), stderr)
	if _, page := get(t, url+"index.html"); strings.Contains(page, gone) {
		t.Error("the page still says the folder is gone")
	}
}
