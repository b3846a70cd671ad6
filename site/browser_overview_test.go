package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

// splitSeeds renders the shipped story with its last day moved a month
// on, as a chronology long enough to be split: a page per month, and
// one of the background entries.
func splitSeeds(t *testing.T, seeds *timeline.Timeline) map[string][]byte {
	tl := *seeds
	tl.Events = slices.Clone(seeds.Events)
	var last timex.Date
	for _, e := range tl.Events {
		if !e.Background && e.Date.String() > last.String() {
			last = e.Date
		}
	}
	for i := range tl.Events {
		if e := &tl.Events[i]; !e.Background && e.Date == last {
			e.Date = timex.NewDate(last.Year, last.Month+1, last.Day)
			e.ID = "later-" + e.ID
		}
	}
	defer splitPages()()
	files := siteFiles(t, &tl)
	if files["background.html"] == nil || files["2023-05.html"] == nil || files["2023-06.html"] == nil {
		t.Fatalf("the seeds moved on are not split: %q", sortedKeys(files))
	}
	return files
}

// overviewState is what the overview shows, as a reader sees it.
type overviewState struct {
	Keys      int     `json:"keys"`
	ChartDays int     `json:"chartDays"`
	ChartW    float64 `json:"chartW"` // the chart's width
	PlotW     float64 `json:"plotW"`  // the width of the box it is in
	LabelsOK  bool    `json:"labelsOK"`
	KeyMarks  int     `json:"keyMarks"`
}

const overviewJS = `(() => {
  const svg = document.querySelector(".chart-svg"), plot = document.querySelector(".chart-plot");
  const labels = Array.from(document.querySelectorAll(".chart-label")).map(l => l.getBoundingClientRect());
  let ok = labels.length >= 1;
  for (let i = 1; i < labels.length; i++) if (labels[i].left < labels[i-1].right) ok = false;
  for (const l of labels) if (l.height < 10) ok = false; // readable: 12 px text, not shrunk
  return {keys: document.querySelectorAll(".key-list > li").length,
    chartDays: document.querySelectorAll(".chart-svg a.chart-day").length,
    chartW: svg.getBoundingClientRect().width, plotW: plot.getBoundingClientRect().width,
    labelsOK: ok, keyMarks: document.querySelectorAll(".chart-key").length};
})()`

// placeJS says whether the target of the address is in sight: the
// element the address names, below the sticky bars, and, for a day, its
// first entry's title not under its sticky heading.
const placeJS = `(() => {
  const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!el) return "no element " + location.hash;
  const r = el.getBoundingClientRect();
  const bar = document.querySelector(".days");
  const b = bar && bar.getBoundingClientRect(); // a bar across the top on a phone, a column on a wide screen
  const barBottom = b && b.width > innerWidth / 2 && b.top <= 0 ? b.bottom : 0;
  if (r.top < barBottom - 1 || r.top > innerHeight / 2) return "top at " + Math.round(r.top) + " px, the bar ends at " + Math.round(barBottom);
  const title = (el.closest("section.day") || el).querySelector(".entry-title");
  if (!title) return "";
  const t = title.getBoundingClientRect();
  const hit = document.elementFromPoint(t.left + 4, t.top + t.height / 2);
  return hit && title.contains(hit) ? "" : "the title " + JSON.stringify(title.textContent.slice(0, 30)) + " is under " + (hit ? hit.tagName + "." + hit.className : "nothing");
})()`

// checkOverview reads the overview of the shipped story at 390 and 1280
// px, light and dark: its key happenings, a chart that fits the column
// or scrolls in its own box with its dates apart; by keyboard, a key
// happening and a day of the chart open their entry and day in sight,
// below the sticky bars; the day list's counts follow the filters, and
// a name is found in the long list of who says so.
func (env *browserEnv) checkOverview(t *testing.T) {
	defer env.do(t, chromedp.ResetViewport())
	defer env.media(t, "", "light")
	index := env.url("/story/", "index.html")
	env.eachView(t, index, func(v view, scheme string) {
		st := eval[overviewState](t, env.ctx, overviewJS)
		if st.Keys < keyMin || st.Keys > keyMax || st.ChartDays == 0 || st.KeyMarks == 0 || !st.LabelsOK {
			t.Errorf("%s px, %s: overview %+v", v.name, scheme, st)
		}
		if st.ChartW < st.PlotW-1 {
			t.Errorf("%s px, %s: the chart is %.0f px wide in a box of %.0f px", v.name, scheme, st.ChartW, st.PlotW)
		}
		shot, err := chromedp.Run(env.ctx, chromedp.Screenshot(chromedp.CSS(".overview")))
		if err != nil {
			t.Fatal(err)
		}
		saveShot(t, fmt.Sprintf("overview-%s-%s.png", v.name, scheme), shot)
		env.openByKeyboard(t, v, "key-title")
		env.do(t, chromedp.Navigate(index))
		env.openByKeyboard(t, v, "chart-day")
	})
	env.checkDayCounts(t)
	env.checkFindSpeaker(t)
}

// openByKeyboard tabs to the first link of class want, checks that its
// focus shows, presses Enter and checks that what it opens is in sight.
func (env *browserEnv) openByKeyboard(t *testing.T, v view, want string) {
	t.Helper()
	env.tabTo(t, want)
	if want == "chart-day" {
		stroke := eval[string](t, env.ctx, `getComputedStyle(document.activeElement.querySelector(".chart-hit")).stroke`)
		if stroke == "none" || stroke == "" {
			t.Errorf("%s px: a focused day of the chart shows no focus", v.name)
		}
	}
	href := eval[string](t, env.ctx, `document.activeElement.getAttribute("href")`)
	env.do(t, chromedp.KeyEvent(kb.Enter), chromedp.Sleep(200e6))
	if hash := eval[string](t, env.ctx, "location.hash"); hash != href {
		t.Errorf("%s px: Enter on %s %q opened %q", v.name, want, href, hash)
	}
	if problem := eval[string](t, env.ctx, placeJS); problem != "" {
		t.Errorf("%s px: %s %q: %s", v.name, want, href, problem)
	}
}

// checkDayCounts filters the chronology by a source: each day's count in
// the day list is the number of its entries shown.
func (env *browserEnv) checkDayCounts(t *testing.T) {
	env.do(t, chromedp.Navigate(env.url("/story/", "index.html")))
	ids := make([]string, len(env.seeds.Sources))
	for i, s := range env.seeds.Sources {
		ids[i] = s.ID
	}
	slices.Sort(ids)
	eval[string](t, env.ctx, choose("filter-source", stableKeys(ids, filterKeyWidth)[0]))
	wrong := eval[[]string](t, env.ctx, `Array.from(document.querySelectorAll(".days a[href^='#date-']")).filter(a => {
  const s = document.getElementById(a.hash.slice(1)).closest("section");
  const n = s.querySelectorAll("article.entry:not([hidden])").length;
  return !a.parentNode.hidden && parseInt(a.querySelector(".nav-count").textContent) !== n;
}).map(a => a.textContent)`)
	if len(wrong) > 0 {
		t.Errorf("filtered by a source, the day list's counts differ from the entries shown: %q", wrong)
	}
}

// checkFindSpeaker types part of a name into the box above the list of
// who says so: the list keeps the names that hold it, and Enter chooses
// the first and filters the entries by it.
func (env *browserEnv) checkFindSpeaker(t *testing.T) {
	env.do(t, chromedp.Navigate(env.url("/story/", "index.html")))
	name := eval[string](t, env.ctx, `document.querySelector("#filter-speaker option:nth-child(2)").textContent`)
	word := strings.Fields(name)[0]
	env.do(t, chromedp.SendKeys(chromedp.ID("filter-speaker-find"), word))
	type listed struct{ Shown, Holding int }
	got := eval[listed](t, env.ctx, fmt.Sprintf(`(() => { const o = Array.from(document.querySelectorAll("#filter-speaker option")).slice(1);
  return {shown: o.filter(x => !x.hidden).length, holding: o.filter(x => x.textContent.toLowerCase().includes(%q)).length}; })()`, strings.ToLower(word)))
	if got.Shown == 0 || got.Shown != got.Holding {
		t.Errorf("finding %q: %d names listed, %d hold it", word, got.Shown, got.Holding)
	}
	env.do(t, chromedp.KeyEvent(kb.Enter))
	if search := eval[string](t, env.ctx, "location.search"); !strings.Contains(search, "speaker=") {
		t.Errorf("Enter in the box chose no speaker: address query %q", search)
	}
}
