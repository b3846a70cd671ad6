package site

import (
	"cmp"
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline"
)

// An entry shows its citations grouped by outlet, the outlets in the
// order of their first report and each outlet's citations in date
// order. A disputed entry shows its accounts side by side, each with
// the citations it rests on, and under them the others; an entry of
// many speakers that no one disputes says in a line each who says what,
// pointing at the numbers of its citations, all of which are in one
// list under it. Of a long list it shows the first outlets and folds
// the rest behind "and N more sources" (a <details>, which opens
// without JavaScript). The citations are numbered in the order they
// show.

// shownOutlets is how many outlets a list of citations shows before it
// folds the rest, and shownAccounts how many accounts an entry shows
// before it folds the rest; one more shows them all.
const (
	shownOutlets  = 3
	shownAccounts = 4
)

// citeList is a list of an entry's citations.
type citeList struct {
	Shown []outletCites
	More  []outletCites
	// MoreSources is how many sources the folded outlets' citations
	// cite: "and 12 more sources".
	MoreSources int
}

// empty reports whether the list has no citation.
func (l citeList) empty() bool { return len(l.Shown) == 0 }

// outletCites are the citations of one outlet in a list.
type outletCites struct {
	Name  string
	cites []int // indices into the event's citations, in date order
}

// citeLayout is where an entry shows its citations.
type citeLayout struct {
	// accounts are the indices of the event's accounts in the order
	// they show, those most cited first; cites their citations, per
	// account of the event, when they show side by side (side).
	accounts []int
	cites    []citeList
	side     bool
	rest     citeList
	// order is every citation's index, in the order they show: their
	// numbers follow it.
	order []int
}

// citeLayout arranges the citations of e.
func (st *story) citeLayout(e *timeline.Event) citeLayout {
	lay := citeLayout{side: e.Disputed}
	owner := make([]int, len(e.Citations)) // the account that shows each citation, or -1
	for i := range owner {
		owner[i] = -1
	}
	for k, a := range e.Accounts {
		for _, n := range a.Citations { // newStory checked that n indexes e.Citations
			if owner[n] < 0 && lay.side {
				owner[n] = k
			}
		}
	}
	sorted := st.datedCitations(e)
	lists := make([][]int, len(e.Accounts)+1)
	for _, i := range sorted {
		k := owner[i]
		if k < 0 {
			k = len(e.Accounts)
		}
		lists[k] = append(lists[k], i)
	}
	for k := range e.Accounts {
		lay.accounts = append(lay.accounts, k)
		lay.cites = append(lay.cites, st.newCiteList(e, lists[k]))
	}
	slices.SortStableFunc(lay.accounts, func(a, b int) int {
		return cmp.Compare(len(e.Accounts[b].Citations), len(e.Accounts[a].Citations))
	})
	for _, k := range lay.accounts {
		lay.order = lay.cites[k].appendOrder(lay.order)
	}
	lay.rest = st.newCiteList(e, lists[len(e.Accounts)])
	lay.order = lay.rest.appendOrder(lay.order)
	return lay
}

// datedCitations returns the indices of e's citations in the order of
// their sources' publication (see compareSources), then of their
// sentences.
func (st *story) datedCitations(e *timeline.Event) []int {
	order := make([]int, len(e.Citations))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ca, cb := e.Citations[a], e.Citations[b]
		return cmp.Or(compareSources(st.byID[ca.Source], st.byID[cb.Source]), cmp.Compare(ca.Sentence, cb.Sentence))
	})
	return order
}

// newCiteList groups the citations cites of e, in date order, by
// outlet: a source's publisher, or the source itself when it has none.
func (st *story) newCiteList(e *timeline.Event, cites []int) citeList {
	var groups []outletCites
	at := map[string]int{}
	for _, i := range cites {
		src := st.byID[e.Citations[i].Source]
		key := "\x00" + src.ID
		if p := strings.TrimSpace(src.Publisher); p != "" {
			key = strings.ToLower(p)
		}
		g, ok := at[key]
		if !ok {
			g = len(groups)
			at[key] = g
			groups = append(groups, outletCites{Name: shorten(st.nameOf(src), maxCiteName)})
		}
		groups[g].cites = append(groups[g].cites, i)
	}
	l := citeList{Shown: groups}
	if len(groups) > shownOutlets+1 {
		l.Shown, l.More = groups[:shownOutlets], groups[shownOutlets:]
		seen := map[string]bool{}
		for _, g := range l.More {
			for _, i := range g.cites {
				seen[e.Citations[i].Source] = true
			}
		}
		l.MoreSources = len(seen)
	}
	return l
}

// appendOrder appends the citations of l to order, in the order they
// show.
func (l citeList) appendOrder(order []int) []int {
	for _, groups := range [][]outletCites{l.Shown, l.More} {
		for _, g := range groups {
			order = append(order, g.cites...)
		}
	}
	return order
}

// citeListView is a list of citations as an entry shows it (see
// citeList), named Label.
type citeListView struct {
	Label       string
	Shown, More []outletView
	MoreSources int
}

// outletView is the citations of one outlet in a list.
type outletView struct {
	Name  string
	Cites []citationView
}

// citeListView arranges the list l of e's citations, named label, each
// citation i numbered number[i].
func (st *story) citeListView(e *timeline.Event, l citeList, label string, number []int) citeListView {
	outlets := func(groups []outletCites) []outletView {
		out := make([]outletView, len(groups))
		for j, g := range groups {
			out[j].Name = g.Name
			out[j].Cites = make([]citationView, len(g.cites))
			for k, i := range g.cites {
				out[j].Cites[k] = st.citation(e, i, number[i])
			}
		}
		return out
	}
	return citeListView{Label: label, Shown: outlets(l.Shown), More: outlets(l.More), MoreSources: l.MoreSources}
}

// citeNumbers returns, per citation index, its number (from 1) in the
// order given.
func citeNumbers(order []int) []int {
	number := make([]int, len(order))
	for n, i := range order {
		number[i] = n + 1
	}
	return number
}

// sayView is a line of who says what: an account and the numbers of
// the citations it rests on.
type sayView struct {
	accountView
	Cites []citeRef
}

// citeRef links to a numbered citation of the same entry.
type citeRef struct {
	Number int
	Href   string
}

// says returns who says what of e, in the order of lay.accounts.
func (st *story) says(e *timeline.Event, lay citeLayout) []sayView {
	number := citeNumbers(lay.order)
	out := make([]sayView, 0, len(lay.accounts))
	for _, k := range lay.accounts {
		v := sayView{accountView: accountOf(e.Accounts[k])}
		nums := make([]int, 0, len(e.Accounts[k].Citations))
		for _, i := range e.Accounts[k].Citations {
			nums = append(nums, number[i])
		}
		slices.Sort(nums)
		for _, n := range slices.Compact(nums) {
			id, _ := citationIDs(e, n)
			v.Cites = append(v.Cites, citeRef{Number: n, Href: "#" + id})
		}
		out = append(out, v)
	}
	return out
}
