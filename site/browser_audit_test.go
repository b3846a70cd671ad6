package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// view is a screen a reader might have.
type view struct {
	name          string
	width, height int64
	scale         float64
	mobile        bool
}

var (
	phone   = view{"390", 390, 844, 2, true}
	desktop = view{"1280", 1280, 800, 1, false}
)

// emulate sets the screen and the colour scheme ("light" or "dark").
func (env *browserEnv) emulate(t *testing.T, v view, scheme string) {
	t.Helper()
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(v.scale)}
	if v.mobile {
		opts = append(opts, chromedp.EmulateMobile)
	}
	env.do(t, chromedp.EmulateViewport(v.width, v.height, opts...))
	env.media(t, "", scheme)
}

// media emulates a CSS media type ("" for screen, "print") and colour
// scheme.
func (env *browserEnv) media(t *testing.T, media, scheme string) {
	t.Helper()
	_, err := chromedp.Call(env.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Media:    media,
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	if err != nil {
		t.Fatalf("emulate media: %v", err)
	}
}

// eachView opens page on a phone and on a wide screen, light and dark,
// and calls read for each; the caller resets the screen.
func (env *browserEnv) eachView(t *testing.T, page string, read func(v view, scheme string)) {
	t.Helper()
	for _, v := range []view{phone, desktop} {
		for _, scheme := range []string{"light", "dark"} {
			env.emulate(t, v, scheme)
			env.do(t, chromedp.Navigate(page))
			read(v, scheme)
		}
	}
}

// overflowJS lists the elements that reach past the right edge of the
// screen, when the page scrolls sideways.
const overflowJS = `document.documentElement.scrollWidth <= document.documentElement.clientWidth ? [] :
  Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .slice(0, 5).map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right))`

// takeScreenshots saves what a reader sees first of the chronology at
// 390 and 1280 px, light and dark, the whole page at 1280 px, the
// fixture's disputed entry with a badge's explanation open, a source
// page opened at a cited sentence, and the chronology printed to PDF.
func (env *browserEnv) takeScreenshots(t *testing.T) {
	defer env.do(t, chromedp.ResetViewport())
	defer env.media(t, "", "light")
	index := env.url("/story/", "index.html")
	env.eachView(t, index, func(v view, scheme string) {
		if wide := eval[[]string](t, env.ctx, overflowJS); len(wide) > 0 {
			t.Errorf("at %s px the page is wider than the screen: %q", v.name, wide)
		}
		shot, err := chromedp.Run(env.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		name := "index-" + v.name + ".png"
		if scheme == "dark" {
			name = "index-" + v.name + "-dark.png"
		}
		saveShot(t, name, shot)
	})
	env.emulate(t, desktop, "light")
	env.do(t, chromedp.Navigate(index))
	full, err := chromedp.Run(env.ctx, chromedp.FullScreenshot(70))
	if err != nil {
		t.Fatalf("full-page screenshot: %v", err)
	}
	saveShot(t, "index-1280-full.jpg", full)
	env.shootDetails(t)
	env.do(t, chromedp.ResetViewport(), chromedp.Navigate(index))
	env.checkPrint(t)
	pdf, err := chromedp.Run(env.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	if err != nil {
		t.Fatalf("print: %v", err)
	}
	saveShot(t, "index-print.pdf", pdf)
}

// checkPrint reads the chronology as its print style shows it: every
// citation's sentence printed as a footnote, no navigation, no filters.
func (env *browserEnv) checkPrint(t *testing.T) {
	env.media(t, "print", "light")
	defer env.media(t, "", "light")
	type printed struct{ Quotes, Navigation, Filters int }
	got := eval[printed](t, env.ctx, `({
  quotes: Array.from(document.querySelectorAll(".cite-quote")).filter(q => q.getClientRects().length > 0 && q.getBoundingClientRect().width > 20).length,
  navigation: document.querySelector(".days").getClientRects().length,
  filters: document.getElementById("filters").getClientRects().length })`)
	want := 0
	for _, e := range env.seeds.Events {
		want += len(e.Citations)
	}
	if got != (printed{Quotes: want}) {
		t.Errorf("printed: %d of %d quotes, navigation shown %v, filters shown %v", got.Quotes, want, got.Navigation > 0, got.Filters > 0)
	}
}

// shootDetails saves the fixture's disputed entry with a badge's
// explanation open, at 390 px light and 1280 px dark, and a source page
// opened at a cited sentence, which must be on the screen.
func (env *browserEnv) shootDetails(t *testing.T) {
	for _, shot := range []struct {
		v      view
		scheme string
	}{{phone, "light"}, {desktop, "dark"}} {
		env.emulate(t, shot.v, shot.scheme)
		env.do(t, chromedp.Navigate(env.url("/fixture/", "index.html#2023-05-23-army-claim")),
			chromedp.Focus(chromedp.CSS(`[id="2023-05-23-army-claim"] button.badge-dating`)))
		data, err := chromedp.Run(env.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		saveShot(t, "disputed-"+shot.v.name+"-"+shot.scheme+".png", data)
	}
	c := env.seeds.Events[len(env.seeds.Events)/2].Citations[0]
	env.emulate(t, phone, "light")
	env.do(t, chromedp.Navigate(env.url("/story/", sourceHref(c.Source, fmt.Sprintf("s%d", c.Sentence)))))
	inView := eval[bool](t, env.ctx, fmt.Sprintf(`(() => { const r = document.getElementById("s%d").getBoundingClientRect();
  return r.top >= 0 && r.top < innerHeight; })()`, c.Sentence))
	if !inView {
		t.Errorf("source page opened at #s%d: the sentence is not on the screen", c.Sentence)
	}
	shot, err := chromedp.Run(env.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	saveShot(t, "source-390.png", shot)
}

// axeViolation is one rule that axe-core found broken on a page.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Nodes   int      `json:"nodes"`
	Targets []string `json:"targets"`
}

const axeRunJS = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact || "", help: v.help, nodes: v.nodes.length,
  targets: v.nodes.slice(0, 3).map(n => n.target.join(" "))
})))`

// axeScript returns axe-core's axe.min.js: $TIMELINE_AXE_JS, else where
// .ci/run installs it with npm. Without it the audit is skipped, or
// fails in CI.
func axeScript(t *testing.T) string {
	t.Helper()
	p := os.Getenv("TIMELINE_AXE_JS")
	if p == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			cache = os.TempDir()
		}
		p = filepath.Join(cache, "timeline-ci", "axe", "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		msg := fmt.Sprintf("no axe-core at %s (run .ci/run, or npm install axe-core and set TIMELINE_AXE_JS): %v", p, err)
		if inCI() {
			t.Fatal(msg)
		}
		t.Skip("accessibility audit skipped: " + msg)
	}
	return string(data)
}

// audit runs axe-core's rules (WCAG 2 A and AA and best practices) on
// the chronology light and dark, with a citation's quote open, on a
// source page, on 404.html and on the fixture's chronology (disputed
// accounts, badges). A serious or critical violation fails the test;
// every violation is logged.
func (env *browserEnv) audit(t *testing.T) {
	script := axeScript(t)
	c := env.seeds.Events[0].Citations[0]
	pages := []struct {
		name, url, scheme, focus string
	}{
		{"chronology", env.url("/story/", "index.html"), "light", ""},
		{"chronology, dark", env.url("/story/", "index.html"), "dark", ""},
		{"chronology, quote open", env.url("/story/", "index.html"), "light", "a.cite"},
		{"chronology, quote open, dark", env.url("/story/", "index.html"), "dark", "a.cite"},
		{"source page", env.url("/story/", sourceHref(c.Source, fmt.Sprintf("s%d", c.Sentence))), "light", ""},
		{"source page, dark", env.url("/story/", sourceHref(c.Source, "")), "dark", ""},
		{"404", env.url("/story/", "404.html"), "light", ""},
		{"fixture", env.url("/fixture/", "index.html"), "light", ""},
		{"chart day focused, dark", env.url("/story/", "index.html"), "dark", "a.chart-day"},
		{"split chronology", env.url("/split/", "index.html"), "light", ""},
		{"page of a month, dark", env.url("/split/", "2023-05.html"), "dark", ""},
		{"page of the background", env.url("/split/", "background.html"), "light", ""},
		{"fixture, dark, badge open", env.url("/fixture/", "index.html"), "dark", "button.badge-dating"},
	}
	defer env.media(t, "", "light")
	counts := map[string]int{}
	for _, p := range pages {
		env.media(t, "", p.scheme)
		env.do(t, chromedp.Navigate(p.url))
		if p.focus != "" {
			env.do(t, chromedp.Focus(chromedp.CSS(p.focus)))
		}
		env.do(t, chromedp.Evaluate[chromedp.Void](script))
		violations := eval[[]axeViolation](t, env.ctx, axeRunJS, chromedp.EvalAwaitPromise)
		for _, v := range violations {
			counts[v.Impact]++
			msg := fmt.Sprintf("axe, %s: %s %s on %d elements (%s): %s", p.name, v.Impact, v.ID, v.Nodes, strings.Join(v.Targets, "; "), v.Help)
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Error(msg)
			} else {
				t.Log(msg)
			}
		}
	}
	t.Logf("axe-core on %d pages: %d critical, %d serious, %d moderate, %d minor violations",
		len(pages), counts["critical"], counts["serious"], counts["moderate"], counts["minor"])
}
