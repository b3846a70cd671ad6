package merge

import (
	"fmt"
	"math"
	"slices"
	"testing"
)

// latentDocs returns n paragraphs of a story over 200 terms, more than
// the model's dimensions: each uses two terms of one topic of forty and
// three of the whole story.
func latentDocs(n int) ([]termVector, []string) {
	var names []string
	for t := range 200 {
		names = append(names, fmt.Sprintf("term%d", t))
	}
	docs := make([]termVector, n)
	for i := range docs {
		topic := i % 40
		terms := []int32{int32(topic * 2), int32(topic*2 + 1), int32(80 + i%37), int32(117 + i%41), int32(158 + i%42)}
		slices.Sort(terms)
		terms = slices.Compact(terms)
		weights := make([]float64, len(terms))
		for k := range weights {
			weights[k] = 1 + float64((i+k)%3)/2
		}
		docs[i] = termVector{terms: terms, weights: weights}
	}
	return docs, names
}

// termSimilarities returns the dot products of the coordinates of every
// pair of terms: what the model tells of them, whatever its axes.
func termSimilarities(m *latentModel, nTerms int) []float64 {
	var out []float64
	for a := range nTerms {
		for b := a + 1; b < nTerms; b++ {
			out = append(out, dotDense(m.coords[a*m.dims:(a+1)*m.dims], m.coords[b*m.dims:(b+1)*m.dims]))
		}
	}
	return out
}

// TestLatentModelIgnoresOrder learns the model of a story's paragraphs
// in two orders, as a source added before the others puts them: it is
// the same model, for each paragraph's row of the random matrix comes
// from its words, not from where it stands.
func TestLatentModelIgnoresOrder(t *testing.T) {
	docs, names := latentDocs(400)
	reversed := slices.Clone(docs)
	slices.Reverse(reversed)
	a, b := newLatentModel(docs, names), newLatentModel(reversed, names)
	if a == nil || b == nil {
		t.Fatal("no model learnt")
	}
	sa, sb := termSimilarities(a, len(names)), termSimilarities(b, len(names))
	worst := 0.0
	for i := range sa {
		worst = max(worst, math.Abs(sa[i]-sb[i]))
	}
	if worst > 1e-6 {
		t.Errorf("term similarities differ by up to %g between two orders of the same paragraphs", worst)
	}
}
