package keep

import (
	"slices"
	"testing"

	"github.com/timeline-project/timeline/timeline/dating"
	"github.com/timeline-project/timeline/timeline/timex"
)

// TestAnchorMemoLookup looks up dates, sorted, some remembered and some
// not, in a memo: each remembered one gets its days, the others are
// listed, in order.
func TestAnchorMemoLookup(t *testing.T) {
	day := func(d int) timex.Date { return timex.Date{Year: 2023, Month: 5, Day: d} }
	var m anchorMemo
	rememberOne(&m, day(24), []dating.RelDay{{Day: 1, Expr: 0}})
	rememberOne(&m, day(20), []dating.RelDay{{Day: 2, Expr: 1}, {Day: 3, Expr: 2}})
	rememberOne(&m, day(22), nil)
	dcts := []timex.Date{day(19), day(20), day(21), day(22), day(24), day(25)}
	days := make([][]dating.RelDay, len(dcts))
	missing := m.Lookup(dcts, days)
	if want := []int{0, 2, 5}; !slices.Equal(missing, want) {
		t.Errorf("missing %v, want %v", missing, want)
	}
	want := [][]dating.RelDay{nil, {{Day: 2, Expr: 1}, {Day: 3, Expr: 2}}, nil, {}, {{Day: 1, Expr: 0}}, nil}
	for i := range want {
		if !slices.Equal(days[i], want[i]) {
			t.Errorf("%v: days %v, want %v", dcts[i], days[i], want[i])
		}
	}
}

// TestAnchorMemoRemember remembers the days of several dates at once, one
// of them remembered before: each date then has the days put last, and
// the others keep theirs.
func TestAnchorMemoRemember(t *testing.T) {
	day := func(d int) timex.Date { return timex.Date{Year: 2023, Month: 5, Day: d} }
	var m anchorMemo
	rememberOne(&m, day(20), []dating.RelDay{{Day: 1, Expr: 0}})
	rememberOne(&m, day(24), []dating.RelDay{{Day: 2, Expr: 0}})
	dcts := []timex.Date{day(19), day(20), day(22), day(25)}
	m.Remember(dcts, []int{0, 1, 3}, [][]dating.RelDay{{{Day: 3, Expr: 1}}, {{Day: 4, Expr: 2}}, nil, {}})
	want := map[timex.Date][]dating.RelDay{day(19): {{Day: 3, Expr: 1}}, day(20): {{Day: 4, Expr: 2}}, day(24): {{Day: 2, Expr: 0}}, day(25): {}}
	all := []timex.Date{day(19), day(20), day(22), day(24), day(25)}
	days := make([][]dating.RelDay, len(all))
	missing := m.Lookup(all, days)
	if !slices.Equal(missing, []int{2}) {
		t.Errorf("missing %v, want [2] (May 22)", missing)
	}
	for i, d := range all {
		if w, ok := want[d]; ok && !slices.Equal(days[i], w) {
			t.Errorf("%v: days %v, want %v", d, days[i], w)
		}
	}
	if len(m.index) != 4 {
		t.Errorf("%d dates remembered, want 4", len(m.index))
	}
}

// rememberOne remembers days under one date in m.
func rememberOne(m *anchorMemo, dct timex.Date, days []dating.RelDay) {
	m.Remember([]timex.Date{dct}, []int{0}, [][]dating.RelDay{days})
}
