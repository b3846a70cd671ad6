package timeline

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline/timex"
)

// TestTermsOfReusedSet finds the terms of sentences one after another
// with one set, as mentionsOf does: each gets the terms a new set gives,
// in order, whether the sentence before had many terms (the set kept a
// map) or few, and no result shares memory with the next.
func TestTermsOfReusedSet(t *testing.T) {
	var long []string
	for i := range 40 {
		long = append(long, fmt.Sprintf("border%c%c", 'a'+i%26, 'a'+i/26))
	}
	sentences := []string{
		"Drones struck the refinery near the border on Monday.",
		strings.Join(long, " ") + " borderaa refinery",
		"The refinery burned; officials said the border was closed.",
		"",
		"the of and",
		strings.Join(long[:30], " ") + " refinery",
		"Refinery refinery REFINERY officials.",
	}
	set := new(termSet)
	var got [][]string
	for _, s := range sentences {
		got = append(got, termsOf(words(s), set))
	}
	for i, s := range sentences {
		want := termsOf(words(s), new(termSet))
		if !slices.Equal(got[i], want) {
			t.Errorf("sentence %d: terms with a reused set %q, with a new one %q", i, got[i], want)
		}
		seen := map[string]bool{}
		for _, term := range want {
			if seen[term] {
				t.Errorf("sentence %d: term %q given twice", i, term)
			}
			seen[term] = true
		}
	}
	if n := len(termsOf(words(sentences[1]), new(termSet))); n < 41 {
		t.Errorf("the long sentence has %d terms, want at least 41: the set never kept a map", n)
	}
}

// TestWordsWithoutDatesAsSlices compares the words of a span with its
// temporal expressions left out, found in place, with the words of the
// copy withoutDates makes: the same words, in order, for expressions at
// word edges, inside words, overlapping the span's ends and back to
// back, on made-up text and at random.
func TestWordsWithoutDatesAsSlices(t *testing.T) {
	expr := func(start, end int) timex.Expr { return timex.Expr{Start: start, End: end} }
	text := "On mid-May 22nd, officials—said 70’s drones struck; Monday-Tuesday x.y,z ¿qué? 3,000"
	cases := []struct {
		span  Span
		exprs []timex.Expr
	}{
		{Span{0, len(text)}, nil},
		{Span{0, len(text)}, []timex.Expr{expr(7, 10), expr(11, 13)}},      // "May", "22" of "22nd"
		{Span{3, 20}, []timex.Expr{expr(0, 6), expr(7, 10), expr(18, 40)}}, // outside the span's ends
		{Span{0, len(text)}, []timex.Expr{expr(54, 60), expr(60, 68)}},     // back to back
		{Span{5, 5}, []timex.Expr{expr(5, 5)}},
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
			span  Span
			exprs []timex.Expr
		}{Span{start, end}, exprs})
	}
	for _, tc := range cases {
		want := appendWords(nil, withoutDates(text, tc.span, tc.exprs))
		got := appendWordsWithoutDates(nil, text, tc.span, tc.exprs)
		if !slices.Equal(got, want) {
			t.Fatalf("span %v, expressions %v: words %q, want %q", tc.span, tc.exprs, got, want)
		}
	}
}
