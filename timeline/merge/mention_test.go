package merge

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/words"
)

// TestWordsWithoutDatesAsSlices compares the words of a span with its
// temporal expressions left out, found in place, with the words of the
// copy withoutDates makes: the same words, in order, for expressions at
// word edges, inside words, overlapping the span's ends and back to
// back, on made-up text and at random.
func TestWordsWithoutDatesAsSlices(t *testing.T) {
	expr := func(start, end int) timex.Expr { return timex.Expr{Start: start, End: end} }
	text := "On mid-May 22nd, officials—said 70’s drones struck; Monday-Tuesday x.y,z ¿qué? 3,000"
	cases := []struct {
		span  timeline.Span
		exprs []timex.Expr
	}{
		{timeline.Span{Start: 0, End: len(text)}, nil},
		{timeline.Span{Start: 0, End: len(text)}, []timex.Expr{expr(7, 10), expr(11, 13)}},      // "May", "22" of "22nd"
		{timeline.Span{Start: 3, End: 20}, []timex.Expr{expr(0, 6), expr(7, 10), expr(18, 40)}}, // outside the span's ends
		{timeline.Span{Start: 0, End: len(text)}, []timex.Expr{expr(54, 60), expr(60, 68)}},     // back to back
		{timeline.Span{Start: 5, End: 5}, []timex.Expr{expr(5, 5)}},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		start := rng.IntN(len(text) + 1)
		end := start + rng.IntN(len(text)-start+1)
		var exprs []timex.Expr
		for at := rng.IntN(len(text) + 1); at < len(text); at += 1 + rng.IntN(12) {
			exprs = append(exprs, expr(at, min(at+rng.IntN(9), len(text))))
		}
		cases = append(cases, struct {
			span  timeline.Span
			exprs []timex.Expr
		}{timeline.Span{Start: start, End: end}, exprs})
	}
	for _, tc := range cases {
		want := words.Append(nil, withoutDates(text, tc.span, tc.exprs))
		got := appendWordsWithoutDates(nil, text, tc.span, tc.exprs)
		if !slices.Equal(got, want) {
			t.Fatalf("span %v, expressions %v: words %q, want %q", tc.span, tc.exprs, got, want)
		}
	}
}
