package site

// The hostile-site tests build testdata/hostile, a story whose sources,
// front matter, file names and site.md are made of XSS payloads of the
// kinds of the OWASP XSS filter evasion cheat sheet, each of which sets
// window.__xss if it runs. The pages must run none of them, link to no
// script or data URL, load nothing from another host, and show every
// payload as the text it is.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/build"
)

// hostileDir is the story of XSS payloads.
const hostileDir = "../testdata/hostile"

// hostileNames are sources whose file names are payloads, added to the
// folder's in memory (such names do not belong in a repository).
var hostileNames = []string{
	`"><img src=x onerror="window.__xss='name-img'">.txt`,
	`<script>window.__xss='name-script'<\script>.md`,
	`javascript:window.__xss='name-js'.txt`,
}

// buildHostile builds testdata/hostile with the hostile file names and
// renders its site.
func buildHostile(t *testing.T) (*timeline.Timeline, map[string][]byte) {
	t.Helper()
	var inputs []timeline.Input
	err := filepath.WalkDir(hostileDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		name := filepath.ToSlash(strings.TrimPrefix(p, hostileDir+string(filepath.Separator)))
		inputs = append(inputs, timeline.Input{Name: name, Data: data})
		return err
	})
	if err != nil {
		t.Fatalf("read %s: %v", hostileDir, err)
	}
	for i, name := range hostileNames {
		// Each text its own: sources of one text are one source.
		inputs = append(inputs, timeline.Input{Name: name, Data: []byte(fmt.Sprintf(
			"Officials said on Tuesday, May 23, 2023, that file %d with a hostile name was posted about the bridge.\n", i+1))})
	}
	tl, problems, err := build.Build(inputs, build.Options{})
	if err != nil {
		t.Fatalf("build %s: %v", hostileDir, err)
	}
	for _, p := range problems {
		t.Logf("warning: %v", p)
	}
	if len(tl.Sources) != len(inputs)-1 { // all but site.md
		t.Errorf("%d sources of %d files: a hostile source was lost", len(tl.Sources), len(inputs)-1)
	}
	if len(tl.Events) == 0 {
		t.Error("no event: the payloads never reach the chronology's quotes")
	}
	return tl, siteFiles(t, tl)
}

var (
	// anyTag is an HTML start tag: its name and its attributes.
	anyTag = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>`)
	// attribute is one attribute of a tag: its name and value.
	attribute = regexp.MustCompile(`\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?`)
	// activeTag is a tag that runs or loads something of its own.
	activeTag = regexp.MustCompile(`(?i)^(iframe|object|embed|svg|math|base|frame|applet|style)$`)
	// siteChart is the opening tag of the site's own inline SVG, the
	// chart of the story's course.
	siteChart = regexp.MustCompile(`^<svg class="chart-svg" width="\d+" height="\d+" role="group" aria-label="Sources and outlets per day">$`)
	// urlAttr is an attribute that holds a URL.
	urlAttr = regexp.MustCompile(`(?i)^(href|src|action|formaction|poster|data|srcset|xlink:href)$`)
	// urlScheme is a URL's scheme as a browser finds it.
	urlScheme = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9+.-]*):`)
	// cspMeta is the policy every page must carry.
	cspMeta = `<meta http-equiv="Content-Security-Policy"`
)

// TestHostileSiteIsInert reads the hostile site's pages as text: every
// page carries the Content-Security-Policy, no tag has an event handler
// or runs or loads anything of its own, the only script is the site's,
// and every URL is http, https, mailto or inside the site.
func TestHostileSiteIsInert(t *testing.T) {
	_, files := buildHostile(t)
	pages := 0
	for _, name := range sortedKeys(files) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		page := string(files[name])
		if !strings.Contains(page, cspMeta) {
			t.Errorf("%s: no Content-Security-Policy meta tag", name)
		}
		for _, m := range anyTag.FindAllStringSubmatch(page, -1) {
			checkInertTag(t, name, m[0], m[1], m[2])
		}
	}
	if pages < len(hostileNames)+2 {
		t.Errorf("only %d pages", pages)
	}
	checkDataFiles(t, files)
}

// checkDataFiles checks the site's other files against the payloads
// meant for them: the JSON and the feed stay well-formed, no cell of the
// CSV starts a spreadsheet formula, and no line break of a title or a
// quote starts a calendar entry of its own.
func checkDataFiles(t *testing.T, files map[string][]byte) {
	t.Helper()
	for _, name := range sortedKeys(files) {
		data := files[name]
		switch path.Ext(name) {
		case ".json":
			if !json.Valid(data) {
				t.Errorf("%s is not valid JSON", name)
			}
		case ".xml":
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Errorf("%s is not well-formed XML: %v", name, err)
					break
				}
			}
		case ".csv":
			rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
			for _, row := range rows {
				for _, cell := range row {
					if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && cell != "-" {
						t.Errorf("%s: cell %.40q starts a formula", name, cell)
					}
				}
			}
		case ".ics":
			unfolded := strings.ReplaceAll(string(data), "\r\n ", "")
			for _, line := range strings.Split(unfolded, "\r\n") {
				if strings.HasPrefix(line, "SUMMARY:injected") {
					t.Errorf("%s: a line break in a source started a calendar line: %q", name, line)
				}
			}
		}
	}
}

// checkInertTag fails the test for a tag of page that could run a
// script or load from another host.
func checkInertTag(t *testing.T, page, tag, name, attrs string) {
	t.Helper()
	for _, p := range tagProblems(tag, name, attrs) {
		t.Errorf("%s: %s", page, p)
	}
}

// tagProblems says what of a tag could run a script or load from
// another host: the tag itself, an event handler, a refresh, a URL that
// is not http, https, mailto or inside the site, or, in a src, not
// inside the site.
func tagProblems(tag, name, attrs string) []string {
	var out []string
	name = strings.ToLower(name)
	if activeTag.MatchString(name) && !siteChart.MatchString(tag) || name == "form" && !strings.Contains(attrs, `id="filters"`) {
		out = append(out, fmt.Sprintf("active tag %q", tag))
	}
	if name == "script" && !regexp.MustCompile(`^<script src="(\.\./)?timeline\.js" defer>$`).MatchString(tag) {
		out = append(out, fmt.Sprintf("script %q is not the site's", tag))
	}
	for _, a := range attribute.FindAllStringSubmatch(attrs, -1) {
		attr, value := strings.ToLower(a[1]), html.UnescapeString(a[2]+a[3]+a[4])
		switch {
		case strings.HasPrefix(attr, "on"):
			out = append(out, fmt.Sprintf("event handler %s in %q", attr, tag))
		case name == "meta" && attr == "http-equiv" && strings.EqualFold(value, "refresh"):
			out = append(out, fmt.Sprintf("refresh %q", tag))
		case urlAttr.MatchString(attr):
			u := strings.TrimFunc(strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(value),
				func(r rune) bool { return r <= ' ' })
			s := urlScheme.FindStringSubmatch(u)
			sameHost := s == nil && !strings.HasPrefix(strings.ReplaceAll(u, `\`, "/"), "//")
			switch {
			case attr != "href" && !sameHost:
				out = append(out, fmt.Sprintf("%q loads from another host", tag))
			case s != nil && !slices.Contains([]string{"http", "https", "mailto"}, strings.ToLower(s[1])):
				out = append(out, fmt.Sprintf("%q links to a %s: URL", tag, s[1]))
			}
		}
	}
	return out
}

// TestTagProblemsCatchPayloads checks the static check on the payloads it
// is there to catch, and on the site's own tags it must let through.
func TestTagProblemsCatchPayloads(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		safe bool
	}{
		{`<img src=x onerror="window.__xss=1">`, false},
		{`<IMG SRC=JaVaScRiPt:alert(1)>`, false},
		{`<a href="jav&#x09;ascript:alert(1)">`, false},
		{`<a href=" &#106;avascript:alert(1)">`, false},
		{`<a href='data:text/html,x'>`, false},
		{`<img src="//evil.example/x.png">`, false},
		{`<img src="\\evil.example/x.png">`, false},
		{`<script>`, false},
		{`<script src="https://evil.example/x.js" defer>`, false},
		{`<svg>`, false},
		{`<svg class="chart-svg" width="288" height="168" role="group" aria-label="x" onload="alert(1)">`, false},
		{`<svg class="chart-svg" width="288" height="168" role="group" aria-label="Sources and outlets per day">`, true},
		{`<iframe srcdoc="x">`, false},
		{`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`, false},
		{`<form action="https://evil.example/">`, false},
		{`<body onload=alert(1)>`, false},
		{`<a href="sources/a.html#s3" title="onclick=&#34;x&#34;">`, true},
		{`<a class="original" href="https://example.org/a" rel="noreferrer noopener">`, true},
		{`<script src="../timeline.js" defer>`, true},
		{`<form class="filters" id="filters" role="search">`, true},
		{`<img src="img/a.png" alt="&lt;img src=x onerror=alert(1)&gt;">`, true},
		{`<meta name="description" content="&#34;&gt;&lt;script&gt;">`, true},
	} {
		m := anyTag.FindStringSubmatch(tc.tag)
		if m == nil {
			t.Errorf("%q not read as a tag", tc.tag)
			continue
		}
		if got := tagProblems(m[0], m[1], m[2]); (len(got) == 0) != tc.safe {
			t.Errorf("tagProblems(%q) = %q, want safe %v", tc.tag, got, tc.safe)
		}
	}
}

// hostileJS reports what of a page could have run a payload: the flag
// the payloads set (here and in the parent), elements with an event
// handler or that run or load something, links that are not http,
// https, mailto or inside the site, and resources of another origin.
const hostileJS = `(() => {
  const bad = [];
  const el = document.querySelectorAll("*");
  for (const e of el) {
    for (const a of e.getAttributeNames()) {
      if (a.toLowerCase().startsWith("on")) bad.push("handler " + a + " on <" + e.localName + ">");
    }
    const chart = e.localName === "svg" && e.getAttribute("class") === "chart-svg" && e.parentElement.matches("figure.chart > .chart-plot");
    if (["iframe", "object", "embed", "svg", "math", "base", "frame", "style"].includes(e.localName) && !chart) bad.push("element <" + e.localName + ">");
    if (e.localName === "form" && e.id !== "filters") bad.push("element <form>");
  }
  for (const a of document.querySelectorAll("a[href], area[href]")) {
    const p = new URL(a.getAttribute("href"), location.href).protocol;
    if (!["http:", "https:", "mailto:"].includes(p)) bad.push("link " + a.getAttribute("href"));
  }
  for (const e of document.querySelectorAll("[src]")) {
    if (new URL(e.src, location.href).origin !== location.origin) bad.push("load " + e.getAttribute("src"));
  }
  for (const s of document.scripts) {
    if (!s.src || !s.src.endsWith("/timeline.js")) bad.push("script " + (s.src || s.text.slice(0, 60)));
  }
  const bidi = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!/[\u202a-\u202e\u2066-\u2068]/.test(n.data)) continue;
    const e = n.parentElement;
    const iso = e.closest("bdi, [dir]");
    const ub = getComputedStyle(e).unicodeBidi;
    if (!iso && !["isolate", "plaintext", "isolate-override"].includes(ub)) bidi.push("<" + e.localName + "." + e.className + ">");
  }
  return {flag: String(window.__xss ?? ""), bad: bad, bidi: bidi, text: document.body.innerText, title: document.title};
})()`

// pageState is what hostileJS returns.
type pageState struct {
	Flag string   `json:"flag"`
	Bad  []string `json:"bad"`
	// Bidi are the elements whose text holds a bidi override or isolate
	// that no element isolates from the text around it.
	Bidi  []string `json:"bidi"`
	Text  string   `json:"text"`
	Title string   `json:"title"`
}

// TestHostileSiteInBrowser opens every page of the hostile site in
// Chromium, and the chronology with payloads in its address: no payload
// may run, nothing may be loaded from another host, the browser may
// report no error (a Content-Security-Policy refusal among them), and the
// payloads must show as text.
func TestHostileSiteInBrowser(t *testing.T) {
	env := newBrowserEnv(t)
	env.rec.take() // what the shared browser did before
	tl, files := buildHostile(t)
	files["canary-open.html"] = []byte(`<!doctype html><title>t</title><body><img src=x onerror="window.__xss='canary'">`)
	files["canary-csp.html"] = []byte(`<!doctype html><meta http-equiv="Content-Security-Policy" content="script-src 'self'">` +
		`<title>t</title><body><img src=x onerror="window.__xss='canary'"><script>window.__xss='canary'</script>`)
	srv := httptest.NewServer(http.StripPrefix("/hostile", siteHandler(files)))
	t.Cleanup(srv.Close)
	base := srv.URL + "/hostile/"
	checkCanaries(t, env, base)

	texts := map[string]string{}
	for _, name := range sortedKeys(files) {
		if !strings.HasSuffix(name, ".html") || name == "404.html" || strings.HasPrefix(name, "canary-") {
			continue
		}
		st := openHostile(t, env, base+name)
		texts[name] = st.Text
		if name == "sources/script-text.html" && !strings.Contains(st.Title, "</title><script>") {
			t.Errorf("%s: document title %q lost its payload text", name, st.Title)
		}
	}
	// Each payload shows as the text it is: in its source's page, in the
	// chronology's quotes and titles, and in the introduction.
	for page, want := range map[string][]string{
		"sources/script-text.html": {
			`<script>window.__xss='text-script'</script>`, `"><img src=x onerror="window.__xss='text-img'">`,
			`</script><script>window.__xss='text-script-break'</script>`, `"}]</script><script>window.__xss='text-json'</script>`,
			`<iframe srcdoc="<script>parent.__xss='text-iframe'</script>"></iframe>`,
		},
		"index.html": {`</code></pre><script>window.__xss='intro-code'</script>`, `</title><script>window.__xss='title'</script>`},
	} {
		for _, w := range want {
			if !strings.Contains(texts[page], w) {
				t.Errorf("%s does not show %q as text", page, w)
			}
		}
	}
	for _, q := range []string{
		"index.html?q=%3Cscript%3Ewindow.__xss%3D'q'%3C%2Fscript%3E&source=%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D'source'%3E",
		"index.html?speaker=%3Csvg%20onload%3Dwindow.__xss%3D'speaker'%3E#%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D'hash'%3E",
		"index.html#:~:text=%3Cscript%3E",
	} {
		openHostile(t, env, base+q)
	}
	requests, errs := env.rec.take()
	checkLocal(t, requests)
	for _, e := range errs {
		t.Errorf("browser reported: %s", e)
	}
	t.Logf("%d pages of %d sources and %d events opened, %d requests", len(texts), len(tl.Sources), len(tl.Events), len(requests))
}

// checkCanaries proves the test can see a payload run: without a
// Content-Security-Policy an event handler sets the flag, and with the
// site's kind of policy neither it nor an inline script does, the browser
// reporting the refusal.
func checkCanaries(t *testing.T, env *browserEnv, base string) {
	t.Helper()
	for _, c := range []struct {
		page, flag string
	}{{"canary-open.html", "canary"}, {"canary-csp.html", ""}} {
		if _, err := chromedp.Run(env.ctx, chromedp.NavigateResponse(base+c.page)); err != nil {
			t.Fatalf("open %s: %v", c.page, err)
		}
		env.do(t, chromedp.Sleep(300*time.Millisecond))
		if st := eval[pageState](t, env.ctx, hostileJS); st.Flag != c.flag {
			t.Errorf("%s: flag %q, want %q: the browser check is broken", c.page, st.Flag, c.flag)
		}
	}
	_, errs := env.rec.take()
	if !slices.ContainsFunc(errs, func(e string) bool { return strings.Contains(e, "Content Security Policy") }) {
		t.Errorf("no Content-Security-Policy refusal reported for canary-csp.html: %q", errs)
	}
}

// openHostile opens a page of the hostile site, waits for late payloads
// (an image's error, a timer), and fails the test for anything of it that
// could have run one.
func openHostile(t *testing.T, env *browserEnv, page string) pageState {
	t.Helper()
	if _, err := chromedp.Run(env.ctx, chromedp.NavigateResponse(page)); err != nil {
		t.Fatalf("open %s: %v", page, err)
	}
	env.do(t, chromedp.Sleep(300*time.Millisecond))
	st := eval[pageState](t, env.ctx, hostileJS)
	u, _ := url.Parse(page)
	if st.Flag != "" {
		t.Errorf("%s: payload %q ran", u.RequestURI(), st.Flag)
	}
	for _, b := range st.Bad {
		t.Errorf("%s: %s", u.RequestURI(), b)
	}
	if len(st.Bidi) > 0 {
		t.Errorf("%s: bidi controls not isolated in %q", u.RequestURI(), st.Bidi)
	}
	return st
}
