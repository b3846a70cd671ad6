package site

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/timeline-project/timeline/timeline"
)

// TestBrowser reads the built sites in Chromium: every link and anchor,
// the overview and its chart, the citation popover and the badges by
// keyboard, the filters with and without JavaScript, screenshots at 390
// and 1280 px, and an axe-core audit. No page may log an error or send a request off 127.0.0.1.
func TestBrowser(t *testing.T) {
	env := newBrowserEnv(t)
	t.Run("links", func(t *testing.T) {
		for _, prefix := range []string{"/story/", "/fixture/", "/split/"} {
			env.crawl(t, prefix)
		}
		env.checkNotFound(t, "/story/")
	})
	t.Run("overview", env.checkOverview)
	t.Run("popover", env.checkPopover)
	t.Run("badges", env.checkBadges)
	t.Run("filters", env.checkFilters)
	t.Run("without-javascript", env.checkWithoutScript)
	t.Run("screenshots", env.takeScreenshots)
	t.Run("axe", env.audit)
	requests, errors := env.rec.take()
	checkLocal(t, requests)
	for _, e := range errors {
		t.Errorf("browser reported: %s", e)
	}
	if len(requests) == 0 {
		t.Errorf("saw no request; the listener looks broken")
	}
}

// pageScan is what a page holds that the crawl checks.
type pageScan struct {
	IDs   []string   `json:"ids"`
	Links []linkScan `json:"links"`
}

type linkScan struct {
	Href  string `json:"href"`  // as the browser resolved it
	Raw   string `json:"raw"`   // as the page wrote it
	Class string `json:"class"` // the element's classes
}

const scanJS = `({
  ids: Array.from(document.querySelectorAll("[id]"), e => e.id),
  links: Array.from(document.querySelectorAll("a[href], link[href], script[src]"), e => ({
    href: new URL(e.getAttribute("href") || e.getAttribute("src"), location.href).href,
    raw: e.getAttribute("href") || e.getAttribute("src") || "",
    class: e.getAttribute("class") || ""
  }))
})`

// crawl opens every page of the site at prefix that its links reach,
// from index.html: each loads, each link stays inside the sub-path (but
// the links to the sources' originals), each fragment names an element
// of its page, and each other file (CSS, script, exports) is served.
func (env *browserEnv) crawl(t *testing.T, prefix string) {
	c := &crawler{env: env, prefix: prefix, seen: map[string]bool{}, ids: map[string]map[string]bool{}, others: map[string]bool{}}
	c.enqueue(env.url(prefix, "index.html"))
	for len(c.queue) > 0 {
		page := c.queue[0]
		c.queue = c.queue[1:]
		resp, err := chromedp.Run(env.ctx, chromedp.NavigateResponse(page))
		if err != nil {
			t.Errorf("open %s: %v", page, err)
			continue
		}
		if resp.Status != http.StatusOK {
			t.Errorf("open %s: status %d", page, resp.Status)
		}
		scan := eval[pageScan](t, env.ctx, scanJS)
		c.ids[page] = map[string]bool{}
		for _, id := range scan.IDs {
			c.ids[page][id] = true
		}
		for _, l := range scan.Links {
			c.follow(t, page, l)
		}
	}
	for _, a := range c.anchors {
		if c.ids[a.page] != nil && !c.ids[a.page][a.fragment] {
			t.Errorf("%s: link to %s#%s: no element has that id", a.from, a.page, a.fragment)
		}
	}
	for target := range c.others {
		checkServed(t, target)
	}
	t.Logf("%s: %d pages, %d links inside the site (%d anchors, %d other files), %d to originals",
		prefix, len(c.seen), c.links, len(c.anchors), len(c.others), c.external)
	if len(c.seen) < 3 || c.links < 20 {
		t.Errorf("%s: the crawl reached only %d pages by %d links", prefix, len(c.seen), c.links)
	}
}

// crawler is the state of a crawl of one site.
type crawler struct {
	env             *browserEnv
	prefix          string
	queue           []string
	seen            map[string]bool            // pages queued
	ids             map[string]map[string]bool // per page opened, its elements' ids
	anchors         []anchor
	others          map[string]bool // files that are not pages
	links, external int
}

// anchor is a link to an element of a page.
type anchor struct{ from, page, fragment string }

func (c *crawler) enqueue(page string) {
	if !c.seen[page] {
		c.seen[page] = true
		c.queue = append(c.queue, page)
	}
}

// follow checks one link of page and notes where it leads.
func (c *crawler) follow(t *testing.T, page string, l linkScan) {
	u, err := url.Parse(l.Href)
	if err != nil {
		t.Errorf("%s: link %q: %v", page, l.Raw, err)
		return
	}
	if u.Host != strings.TrimPrefix(c.env.srv.URL, "http://") {
		if l.Class != "original" {
			t.Errorf("%s: link %q leaves the site", page, l.Raw)
		}
		c.external++
		return
	}
	c.links++
	if strings.HasPrefix(l.Raw, "/") || !strings.HasPrefix(u.Path, c.prefix) {
		t.Errorf("%s: link %q is not relative to the site", page, l.Raw)
		return
	}
	fragment := u.Fragment
	u.Fragment, u.RawFragment = "", ""
	target := u.String()
	if !strings.HasSuffix(u.Path, ".html") {
		c.others[target] = true
		return
	}
	c.enqueue(target)
	if fragment != "" {
		c.anchors = append(c.anchors, anchor{page, target, fragment})
	}
}

// checkServed fetches a file that is not a page: it must be there and
// not empty.
func checkServed(t *testing.T, target string) {
	t.Helper()
	resp, err := http.Get(target)
	if err != nil {
		t.Errorf("fetch %s: %v", target, err)
		return
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || len(data) == 0 {
		t.Errorf("fetch %s: status %d, %d bytes", target, resp.StatusCode, len(data))
	}
}

// checkNotFound opens a page the site does not have: the server answers
// with 404.html, which leads back to the chronology.
func (env *browserEnv) checkNotFound(t *testing.T, prefix string) {
	_, before := env.rec.take()
	for _, e := range before {
		t.Errorf("browser reported: %s", e)
	}
	resp, err := chromedp.Run(env.ctx, chromedp.NavigateResponse(env.url(prefix, "no-such-page.html")))
	if err != nil {
		t.Fatalf("open a missing page: %v", err)
	}
	heading := eval[string](t, env.ctx, `document.querySelector("h1").textContent`)
	home := eval[string](t, env.ctx, `document.querySelector("main a").href`)
	if resp.Status != http.StatusNotFound || heading != "Page not found" || home != env.url(prefix, "index.html") {
		t.Errorf("missing page: status %d, heading %q, link home %q", resp.Status, heading, home)
	}
	requests, errors := env.rec.take()
	checkLocal(t, requests)
	for _, e := range errors {
		if !strings.Contains(e, "404") {
			t.Errorf("browser reported: %s", e)
		}
	}
}

// focusState is the focused element and the hover text it describes.
type focusState struct {
	Class   string  `json:"class"`
	Entry   string  `json:"entry"` // the id of its entry
	Item    string  `json:"item"`  // the id of its list item
	Href    string  `json:"href"`  // its link, as the page writes it
	Tip     string  `json:"tip"`
	Width   float64 `json:"width"`
	Height  float64 `json:"height"`
	Left    float64 `json:"left"`
	Right   float64 `json:"right"`
	ViewW   float64 `json:"viewW"`
	Visible bool    `json:"visible"` // shown, not clipped to a pixel
}

const focusJS = `(() => {
  const a = document.activeElement;
  const id = a.getAttribute("aria-describedby");
  const tip = id ? document.getElementById(id) : null;
  const r = tip ? tip.getBoundingClientRect() : {width: 0, height: 0, left: 0, right: 0};
  const art = a.closest("article.entry"), li = a.closest("li");
  return {class: a.getAttribute("class") || "", entry: art ? art.id : "", item: li ? li.id : "", href: a.getAttribute("href") || "",
    tip: tip ? tip.textContent : "", width: r.width, height: r.height, left: r.left, right: r.right,
    viewW: document.documentElement.clientWidth,
    visible: !!tip && r.width > 100 && r.height > 16 && getComputedStyle(tip).clipPath === "none"};
})()`

// tabTo presses Tab until the focused element has class want, and
// returns its state.
func (env *browserEnv) tabTo(t *testing.T, want string) focusState {
	t.Helper()
	for range 400 {
		env.do(t, chromedp.KeyEvent(kb.Tab))
		st := eval[focusState](t, env.ctx, focusJS)
		if slices.Contains(strings.Fields(st.Class), want) {
			return st
		}
	}
	t.Fatalf("400 presses of Tab reached no element of class %q", want)
	return focusState{}
}

// checkPopover opens a citation's quote by keyboard on a 390 px screen:
// it shows the cited sentence, inside the screen, and is the link's
// accessible description; Escape hides it; the next citation shows its
// own.
func (env *browserEnv) checkPopover(t *testing.T) {
	env.do(t, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(env.url("/story/", "index.html")))
	defer env.do(t, chromedp.ResetViewport())
	st := env.tabTo(t, "cite")
	quote := citedQuote(t, env.seeds, st)
	if !st.Visible || !strings.Contains(st.Tip, quote) {
		t.Errorf("focused citation %s: hover text visible %v, %q; want the quote %q", st.Item, st.Visible, st.Tip, quote)
	}
	if st.Left < 0 || st.Right > st.ViewW+0.5 {
		t.Errorf("focused citation %s: hover text spans %.0f–%.0f px of a %.0f px screen", st.Item, st.Left, st.Right, st.ViewW)
	}
	shot, err := chromedp.Run(env.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	saveShot(t, "popover-390.png", shot)
	if desc := env.focusedDescription(t); !strings.Contains(desc, quote) {
		t.Errorf("focused citation %s: accessible description %q lacks the quote", st.Item, desc)
	}
	env.do(t, chromedp.KeyEvent(kb.Escape))
	if after := eval[focusState](t, env.ctx, focusJS); after.Visible || after.Item != st.Item {
		t.Errorf("Escape: hover text of %s still shown (focus on %s)", st.Item, after.Item)
	}
	next := env.tabTo(t, "cite")
	if !next.Visible || next.Item == st.Item || !strings.Contains(next.Tip, citedQuote(t, env.seeds, next)) {
		t.Errorf("next citation %s: hover text visible %v, %q", next.Item, next.Visible, next.Tip)
	}
}

// citedQuote returns the quote of the citation whose link is focused:
// the citation of its entry of the sentence it links to.
func citedQuote(t *testing.T, tl *timeline.Timeline, st focusState) string {
	t.Helper()
	for _, e := range tl.Events {
		for _, c := range e.Citations {
			if e.ID == st.Entry && st.Href == sourceHref(c.Source, fmt.Sprintf("s%d", c.Sentence)) {
				return c.Quote
			}
		}
	}
	t.Fatalf("focused citation %q of entry %q is not in the timeline", st.Item, st.Entry)
	return ""
}

// focusedDescription returns the accessible description that Chromium
// computes for the focused element, as a screen reader gets it.
func (env *browserEnv) focusedDescription(t *testing.T) string {
	t.Helper()
	obj := eval[*runtime.RemoteObject](t, env.ctx, "document.activeElement")
	res, err := chromedp.Call(env.ctx, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{
		ObjectID: obj.ObjectID, FetchRelatives: new(false),
	})
	if err != nil {
		t.Fatalf("accessibility tree: %v", err)
	}
	for _, n := range res.Nodes {
		if n.Description != nil {
			var s string
			if err := json.Unmarshal(n.Description.Value, &s); err == nil {
				return s
			}
		}
	}
	return ""
}

// checkBadges tabs to the fixture's badges: each tells, on focus, why
// the entry is disputed or how its date was found.
func (env *browserEnv) checkBadges(t *testing.T) {
	env.do(t, chromedp.Navigate(env.url("/fixture/", "index.html")))
	tl := fixture(t)
	for _, want := range []struct{ class, text string }{
		{"badge-disputed", "The sources disagree"},
		{"badge-dating", tl.Events[2].Dating.Note},
	} {
		st := env.tabTo(t, want.class)
		if !st.Visible || !strings.Contains(st.Tip, want.text) {
			t.Errorf("badge %s: hover text visible %v, %q; want %q", want.class, st.Visible, st.Tip, want.text)
		}
		if desc := env.focusedDescription(t); !strings.Contains(desc, want.text) {
			t.Errorf("badge %s: accessible description %q", want.class, desc)
		}
	}
}

// shownJS counts the entries a reader sees.
const shownJS = `Array.from(document.querySelectorAll("article.entry")).filter(e => e.getClientRects().length > 0).length`

// choose sets a select of the filter form as a person's choice would,
// with its change event.
func choose(id, value string) string {
	return fmt.Sprintf(`(() => { const s = document.getElementById(%q); s.value = %q;
  s.dispatchEvent(new Event("change", {bubbles: true})); return s.value; })()`, id, value)
}

// chooseAt chooses the option at position n (0 is "All") of a select
// of the filter form, as a person's choice would, with its change event.
func chooseAt(id string, n int) string {
	return fmt.Sprintf(`(() => { const s = document.getElementById(%q); s.selectedIndex = %d;
  s.dispatchEvent(new Event("change", {bubbles: true})); return s.value; })()`, id, n)
}

// checkFilters narrows the seed story's chronology by each source and
// by a word, and the fixture's by a speaker and by dispute; the choice
// lives in the address, so a reload keeps it; "Show all" undoes it.
func (env *browserEnv) checkFilters(t *testing.T) {
	tl := env.seeds
	total := len(tl.Events)
	env.do(t, chromedp.Navigate(env.url("/story/", "index.html")))
	if n := eval[int](t, env.ctx, shownJS); n != total {
		t.Fatalf("before filtering %d of %d entries show", n, total)
	}
	ids := make([]string, len(tl.Sources))
	for i, s := range tl.Sources {
		ids[i] = s.ID
	}
	slices.Sort(ids)
	keys := stableKeys(ids, filterKeyWidth) // a source's choice is its key
	for k, id := range ids {
		want := 0
		for _, e := range tl.Events {
			if slices.ContainsFunc(e.Citations, func(c timeline.Citation) bool { return c.Source == id }) {
				want++
			}
		}
		eval[string](t, env.ctx, choose("filter-source", keys[k]))
		if n := eval[int](t, env.ctx, shownJS); n != want {
			t.Errorf("source %s: %d entries show, want %d", id, n, want)
		}
	}
	env.do(t, chromedp.Click(chromedp.ID("filter-reset")))
	word := searchWord(tl)
	env.do(t, chromedp.SendKeys(chromedp.ID("filter-q"), word))
	shown := eval[int](t, env.ctx, shownJS)
	wrong := eval[int](t, env.ctx, fmt.Sprintf(`Array.from(document.querySelectorAll("article.entry")).filter(e =>
  (e.getClientRects().length > 0) !== e.textContent.toLowerCase().includes(%q)).length`, strings.ToLower(word)))
	if shown == 0 || shown == total || wrong != 0 {
		t.Errorf("search %q: %d of %d entries show, %d wrongly shown or hidden", word, shown, total, wrong)
	}
	env.do(t, chromedp.Reload())
	if n := eval[int](t, env.ctx, shownJS); n != shown {
		t.Errorf("search %q after a reload: %d entries show, want %d", word, n, shown)
	}
	env.do(t, chromedp.Click(chromedp.ID("filter-reset")))
	if n, search := eval[int](t, env.ctx, shownJS), eval[string](t, env.ctx, "location.search"); n != total || search != "" {
		t.Errorf("Show all: %d of %d entries show, address query %q", n, total, search)
	}

	env.do(t, chromedp.Navigate(env.url("/fixture/", "index.html")))
	eval[string](t, env.ctx, chooseAt("filter-speaker", 1)) // "Governor <Gladkov>", first by name
	if n := eval[int](t, env.ctx, shownJS); n != 1 {
		t.Errorf("speaker Governor <Gladkov>: %d entries show, want 1", n)
	}
	eval[string](t, env.ctx, choose("filter-speaker", ""))
	env.do(t, chromedp.Click(chromedp.ID("filter-disputed")))
	if n := eval[int](t, env.ctx, shownJS); n != 1 {
		t.Errorf("only disputed: %d entries show, want 1", n)
	}
}

// searchWord returns a word of the first event's title that not every
// event's title or summary has.
func searchWord(tl *timeline.Timeline) string {
	for _, e := range tl.Events {
		for _, w := range strings.Fields(e.Title) {
			w = strings.Trim(w, `.,;:!?"“”‘’'()`)
			if len([]rune(w)) < 6 {
				continue
			}
			n := 0
			for _, f := range tl.Events {
				if strings.Contains(strings.ToLower(f.Title+f.Summary), strings.ToLower(w)) {
					n++
				}
			}
			if n < len(tl.Events) {
				return w
			}
		}
	}
	return "Belgorod"
}

// checkWithoutScript reads the chronology with JavaScript off: every
// entry shows, the filters (which need it) do not, and a citation's
// quote still opens on focus.
func (env *browserEnv) checkWithoutScript(t *testing.T) {
	tab, cancel := chromedp.NewContext(env.ctx)
	defer cancel()
	if _, err := chromedp.Call(tab, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatalf("turn JavaScript off: %v", err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(env.url("/story/", "index.html"))); err != nil {
		t.Fatal(err)
	}
	shown := eval[int](t, tab, shownJS)
	filters := eval[int](t, tab, `document.getElementById("filters").getClientRects().length`)
	if shown != len(env.seeds.Events) || filters != 0 {
		t.Errorf("without JavaScript: %d of %d entries show; filter form shown: %v", shown, len(env.seeds.Events), filters != 0)
	}
	if err := chromedp.Do(tab, chromedp.Focus(chromedp.CSS("a.cite"))); err != nil {
		t.Fatal(err)
	}
	if st := eval[focusState](t, tab, focusJS); !st.Visible {
		t.Errorf("without JavaScript: the focused citation's quote does not show")
	}
	// What is folded (the background, the rest of a long list of
	// citations) opens by its summary.
	const folded = `Array.from(document.querySelectorAll("details.background article.entry")).filter(e => e.checkVisibility()).length`
	if n := eval[int](t, tab, folded); n != 0 {
		t.Errorf("without JavaScript: %d background entries show before their section is opened", n)
	}
	if err := chromedp.Do(tab, chromedp.Click(chromedp.CSS("details.background > summary"))); err != nil {
		t.Fatal(err)
	}
	if n, want := eval[int](t, tab, folded), eval[int](t, tab, `document.querySelectorAll("details.background article.entry").length`); n != want || n == 0 {
		t.Errorf("without JavaScript: the background opened shows %d of its %d entries", n, want)
	}
}
