package site

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

func TestChooseKeys(t *testing.T) {
	// cands makes candidates of one outlet each: per day, the ranks of
	// its entries.
	cands := func(days map[string][]int) []keyCandidate {
		var out []keyCandidate
		for _, d := range slices.Sorted(func(yield func(string) bool) {
			for d := range days {
				if !yield(d) {
					return
				}
			}
		}) {
			for _, r := range days[d] {
				out = append(out, keyCandidate{day: d, rank: r, outlets: 1})
			}
		}
		return out
	}
	ranks := func(c []keyCandidate, chosen []int) []int {
		var out []int
		for _, i := range chosen {
			out = append(out, c[i].rank)
		}
		slices.Sort(out)
		return out
	}
	// Three days, 18 entries, as the seeds have: ten, spread over the
	// days, each day's most reported first; the last day's second too.
	few := cands(map[string][]int{"22": {2, 3, 4, 7, 9, 10, 11, 12, 13, 14}, "23": {1, 5, 8, 15, 16, 17}, "24": {6, 18}})
	if got, want := ranks(few, chooseKeys(few)), []int{1, 2, 3, 4, 5, 6, 7, 8, 15, 18}; !slices.Equal(got, want) {
		t.Errorf("few days: ranks %v, want %v", got, want)
	}
	// Many days: by rank, one a day but for the highest ranked.
	many := map[string][]int{}
	for d := range 30 {
		many[fmt.Sprintf("%02d", d)] = []int{d + 1, 100 + d}
	}
	many["00"] = append(many["00"], 2, 3) // ranks 1, 2 and 3 on one day
	many["01"] = []int{31, 101}
	many["02"] = []int{32, 102}
	c := cands(many)
	got := ranks(c, chooseKeys(c))
	if len(got) != keyMax || !slices.Contains(got, 2) || !slices.Contains(got, 3) || slices.ContainsFunc(got, func(r int) bool { return r >= 100 }) {
		t.Errorf("many days: ranks %v: want %d, the three highest on one day, no day's second otherwise", got, keyMax)
	}
	// Entries reported by far fewer outlets than the most reported are
	// left out while there are enough others.
	wide := []keyCandidate{{"a", 1, 40}, {"b", 2, 30}, {"c", 3, 1}}
	for d := range 12 {
		wide = append(wide, keyCandidate{fmt.Sprint("d", d), 4 + d, 10})
	}
	for _, i := range chooseKeys(wide) {
		if wide[i].day == "c" {
			t.Errorf("an entry of 1 outlet is a key happening beside 14 of 10 outlets or more")
		}
	}
	if got := chooseKeys(nil); len(got) != 0 {
		t.Errorf("no candidates: chose %v", got)
	}
}

// TestSeedsOverview checks the overview of the shipped story: its key
// happenings include the raid of 22 May, the claims of 23 May and the
// drone attack of 24 May; the chart marks their days.
func TestSeedsOverview(t *testing.T) {
	tl := buildSeeds(t)
	index := string(siteFiles(t, tl)["index.html"])
	start := strings.Index(index, `<section class="overview"`)
	if start < 0 {
		t.Fatal("index.html has no overview")
	}
	overview := index[start : start+strings.Index(index[start:], "</section>")]
	keys := strings.Count(overview, `<a class="key-title"`)
	if keys < keyMin || keys > keyMax {
		t.Errorf("%d key happenings, want %d to %d", keys, keyMin, keyMax)
	}
	for _, day := range []string{"2023-05-22", "2023-05-23", "2023-05-24"} {
		if !strings.Contains(overview, `<time class="key-date" datetime="`+day+`"`) {
			t.Errorf("no key happening on %s", day)
		}
		if !regexp.MustCompile(`<a class="chart-day" href="#date-` + day + `" aria-label="[^"]*, a key day"`).MatchString(overview) {
			t.Errorf("the chart has no marked day %s", day)
		}
	}
	lower := strings.ToLower(overview)
	for _, want := range []string{"raid", "drone"} {
		if !strings.Contains(lower, want) {
			t.Errorf("the key happenings do not mention %q", want)
		}
	}
}

// TestChartLabelsDoNotOverlap draws the chart of days over two years on
// its least width: its dates stand apart, the first and the last at the
// ends.
func TestChartLabelsDoNotOverlap(t *testing.T) {
	var days []*daySection
	var starts []int
	units := 0
	for d := range 400 {
		date := timex.NewDate(2023, 1, 1).Time().AddDate(0, 0, 2*d)
		e := &timeline.Event{Date: timex.DateOf(date), Precision: timex.PrecisionDay}
		days = append(days, &daySection{DateTime: e.DateString(), Entries: []indexEntry{{event: e}}})
		starts = append(starts, units)
		units += chartSlot + chartGap
	}
	width := max(chartMinWidth, units*chartDayPx/chartSlot)
	labels := chartLabels(days, starts, units, width)
	if len(labels) < 4 || labels[0].Text != "1 Jan 2023" || labels[len(labels)-1].Text != "9 Mar 2025" {
		t.Fatalf("labels %+v", labels)
	}
	end := -1.0
	for _, l := range labels {
		var at float64
		fmt.Sscanf(l.X, "%g%%", &at)
		px, w := at*float64(width)/100, float64(len(l.Text)*chartCharPx)
		left := map[string]float64{"start": px, "middle": px - w/2, "end": px - w}[l.Anchor]
		if left < end {
			t.Errorf("label %q at %.0f px overlaps the one before, which ends at %.0f px", l.Text, left, end)
		}
		end = left + w
	}
}

// TestCiteLayout arranges the citations of an entry of six outlets, two
// speakers disputing it: each account shows its citations, the rest in
// date order by outlet, the outlets after the third folded.
func TestCiteLayout(t *testing.T) {
	st := &story{byID: map[string]*timeline.Source{}}
	var e timeline.Event
	for i, p := range []string{"Late", "Early", "Mid", "Mid", "", "Fifth", "Sixth"} {
		id := fmt.Sprint("s", i)
		st.byID[id] = &timeline.Source{ID: id, Title: "Title of " + id, Publisher: p,
			Published: timeline.Published{Date: day(2023, 5, 20-i%4)}}
		e.Citations = append(e.Citations, timeline.Citation{Source: id, Sentence: 1})
	}
	e.Disputed = true
	e.Accounts = []timeline.Account{{Speaker: "A", Citations: []int{0}}, {Speaker: "B", Citations: []int{1, 2}}}
	lay := st.citeLayout(&e)
	if !slices.Equal(lay.accounts, []int{1, 0}) {
		t.Errorf("accounts in the order %v, want the most cited first", lay.accounts)
	}
	if got := lay.cites[0].Shown; len(got) != 1 || got[0].Name != "Late" {
		t.Errorf("account A's citations %+v", got)
	}
	var names []string
	for _, g := range append(lay.rest.Shown, lay.rest.More...) {
		names = append(names, g.Name)
	}
	// s3 (Mid, 17 May) comes before s4 (no publisher, 20 May), s5, s6.
	if want := []string{"Mid", "Sixth", "Fifth", "Title of s4"}; !slices.Equal(names, want) {
		t.Errorf("the rest by outlet: %q, want %q", names, want)
	}
	if len(lay.rest.Shown) != 4 || len(lay.rest.More) != 0 {
		t.Errorf("four outlets folded %d of them", len(lay.rest.More))
	}
	if len(lay.order) != len(e.Citations) {
		t.Errorf("%d citations numbered of %d", len(lay.order), len(e.Citations))
	}
	e.Disputed = false
	lay = st.citeLayout(&e)
	if len(lay.rest.Shown) != shownOutlets || len(lay.rest.More) != 3 || lay.rest.MoreSources != 3 {
		t.Errorf("undisputed, six outlets: shown %d, folded %d of %d sources", len(lay.rest.Shown), len(lay.rest.More), lay.rest.MoreSources)
	}
	says := st.says(&e, lay)
	if len(says) != 2 || says[0].Speaker != "B" || len(says[0].Cites) != 2 {
		t.Errorf("who says what: %+v", says)
	}
}
