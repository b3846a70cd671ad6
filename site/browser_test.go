package site

// The browser tests read the site as a person does, in headless
// Chromium driven over the DevTools protocol (chromedp): the built seed
// story and the fixture are served under a sub-path on 127.0.0.1, as
// GitHub Pages serves a project site. They are skipped, saying so,
// where no Chromium is installed; under CI (CI set) they fail instead,
// since .ci/run installs it.

import (
	"bytes"
	"context"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/build"
)

// seedsDir is the story the project ships with.
const seedsDir = "../testdata/seeds"

// inCI reports whether the tests run in CI, where a missing browser is
// a failure rather than a reason to skip.
func inCI() bool { return os.Getenv("CI") != "" }

// chromiumPath returns the browser to drive: $TIMELINE_CHROMIUM, else
// the first of Debian's and Google's names on PATH. Without one the test
// is skipped, or fails in CI.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("TIMELINE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if inCI() {
		t.Fatal("no Chromium on PATH: .ci/run installs Debian's chromium for the browser tests")
	}
	t.Skip("browser tests skipped: no Chromium on PATH (apt-get install chromium, or set TIMELINE_CHROMIUM)")
	return ""
}

// readSeeds reads the shipped story's folder as cmd/timeline does: its
// sources and site.md, skipping hidden files.
func readSeeds(t *testing.T) []timeline.Input {
	t.Helper()
	var inputs []timeline.Input
	err := filepath.WalkDir(seedsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(seedsDir, p)
		name := filepath.ToSlash(rel)
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") || !(timeline.IsSourceName(name) || name == timeline.SiteFile) {
			return nil
		}
		data, err := os.ReadFile(p)
		inputs = append(inputs, timeline.Input{Name: name, Data: data})
		return err
	})
	if err != nil {
		t.Fatalf("read %s: %v", seedsDir, err)
	}
	return inputs
}

// buildSeeds builds the shipped story.
func buildSeeds(t *testing.T) *timeline.Timeline {
	t.Helper()
	tl, problems, err := build.Build(readSeeds(t), build.Options{})
	if err != nil {
		t.Fatalf("build %s: %v", seedsDir, err)
	}
	for _, p := range problems {
		t.Logf("warning: %v", p)
	}
	return tl
}

// siteFiles renders tl without a base URL, as a site is mostly built.
func siteFiles(t *testing.T, tl *timeline.Timeline) map[string][]byte {
	t.Helper()
	files, err := Render(tl, Options{})
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	return byPath
}

// siteHandler serves files as GitHub Pages does: a folder's index.html,
// and 404.html with status 404 for a path the site does not have.
func siteHandler(files map[string][]byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name == "" || strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		data, ok := files[name]
		if !ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(files["404.html"])
			return
		}
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
	})
}

// browserEnv is a running browser and the sites it reads.
type browserEnv struct {
	ctx   context.Context
	srv   *httptest.Server
	seeds *timeline.Timeline
	// sites maps a sub-path ("/story/") to its files.
	sites map[string]map[string][]byte
	rec   *recorder
}

// url returns the address of file in the site served at prefix.
func (env *browserEnv) url(prefix, file string) string { return env.srv.URL + prefix + file }

// newBrowserEnv serves the seed story under /story/, the fixture under
// /fixture/ and the seed story split by month under /split/ on 127.0.0.1 and starts Chromium with the flags that
// work on this project's machines. The browser resolves no host name
// but 127.0.0.1, so that a request for another host fails and is seen.
func newBrowserEnv(t *testing.T) *browserEnv {
	exe := chromiumPath(t)
	env := &browserEnv{seeds: buildSeeds(t), sites: map[string]map[string][]byte{}, rec: &recorder{}}
	env.sites["/story/"] = siteFiles(t, env.seeds)
	env.sites["/fixture/"] = siteFiles(t, fixture(t))
	env.sites["/split/"] = splitSeeds(t, env.seeds)
	mux := http.NewServeMux()
	for prefix, files := range env.sites {
		mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), siteHandler(files)))
	}
	env.srv = httptest.NewServer(mux) // listens on 127.0.0.1
	t.Cleanup(env.srv.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.UserDataDir(t.TempDir()),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", exe, err)
	}
	if err := env.rec.listen(ctx); err != nil {
		t.Fatalf("listen to the browser: %v", err)
	}
	env.ctx = ctx
	return env
}

// do runs steps in the browser, failing the test on an error.
func (env *browserEnv) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(env.ctx, steps...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// eval evaluates a JavaScript expression in the page and decodes its
// value, failing the test on an error.
func eval[T any](t *testing.T, ctx context.Context, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("evaluate %.60q: %v", expr, err)
	}
	return v
}

// recorder keeps what the browser reports of every page: the requests
// it sends and the errors it logs.
type recorder struct {
	mu       sync.Mutex
	requests []string
	errors   []string
}

// listen records the tab's requests, console errors, uncaught
// exceptions and error entries of its log (failed loads, refused
// scripts and styles).
func (r *recorder) listen(ctx context.Context) error {
	return chromedp.Listen(ctx, func(ev any) {
		r.mu.Lock()
		defer r.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			r.requests = append(r.requests, ev.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				r.errors = append(r.errors, "console."+string(ev.Type)+" called")
			}
		case *runtime.EventExceptionThrown:
			r.errors = append(r.errors, "exception: "+ev.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				r.errors = append(r.errors, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		}
	})
}

// take returns and forgets what was recorded so far.
func (r *recorder) take() (requests, errors []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	requests, errors = r.requests, r.errors
	r.requests, r.errors = nil, nil
	return requests, errors
}

// checkLocal fails the test for every request that left 127.0.0.1.
func checkLocal(t *testing.T, requests []string) {
	t.Helper()
	for _, raw := range requests {
		u, err := url.Parse(raw)
		if err != nil {
			t.Errorf("request to %q: %v", raw, err)
			continue
		}
		switch u.Scheme {
		case "data", "about", "blob":
			continue
		}
		if u.Hostname() != "127.0.0.1" {
			t.Errorf("request left 127.0.0.1: %s", raw)
		}
	}
}

// screenshotDir is where the tests leave their screenshots, the same
// folder on every run so that a person can find them.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(os.TempDir(), "timeline-screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// saveShot writes an image to the screenshot folder and logs its path.
func saveShot(t *testing.T, name string, data []byte) {
	t.Helper()
	p := filepath.Join(screenshotDir(t), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
}
