package timeline

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRareTermsIgnoreOrder gives rareTerms the same terms in many
// orders, with repeats: it keeps the same rarest ones each time, so
// that a group's terms may be given once each, in any order.
func TestRareTermsIgnoreOrder(t *testing.T) {
	tt := &termTable{}
	for i := range 40 {
		tt.names = append(tt.names, fmt.Sprintf("t%02d", i))
		tt.idf = append(tt.idf, float64(i%7)) // ties, broken by name
	}
	rng := rand.New(rand.NewPCG(3, 4))
	terms := make([]int32, 40)
	for i := range terms {
		terms[i] = int32(i)
	}
	var want []int32
	for round := range 50 {
		given := slices.Clone(terms)
		for range rng.IntN(40) { // repeats
			given = append(given, terms[rng.IntN(len(terms))])
		}
		rng.Shuffle(len(given), func(i, j int) { given[i], given[j] = given[j], given[i] })
		r := newRareTerms(candidateTerms, tt)
		for _, term := range given {
			r.add(term)
		}
		if round == 0 {
			want = slices.Clone(r.terms)
		} else if !slices.Equal(r.terms, want) {
			t.Fatalf("round %d: rarest %v, want %v", round, r.terms, want)
		}
	}
}
