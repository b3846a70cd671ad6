package merge

import (
	"math"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

// TestCandidatePairsShareATerm: two units alike in the latent model only
// are not compared; two alike there that share a word are.
func TestCandidatePairsShareATerm(t *testing.T) {
	src := &timeline.Source{ID: "a"}
	latent := []float64{1, 0}
	mk := func(terms ...int32) *unit {
		w := make([]float64, len(terms))
		for i := range w {
			w[i] = 1
		}
		v := termVector{terms: terms, weights: w}
		n := v.norm()
		for i := range w {
			w[i] /= n
		}
		return &unit{src: src, prec: timex.PrecisionDay, lo: 10, hi: 10, vec: v, latent: latent}
	}
	units := []*unit{mk(0, 1), mk(2, 3), mk(1, 4)}
	tt := &termTable{names: []string{"drone", "attack", "kremlin", "western", "region"}, idf: []float64{1, 1, 1, 1, 1}}
	got := candidatePairs(units, tt)
	if len(got) != 1 || got[0].a != 0 || got[0].b != 2 {
		t.Errorf("candidatePairs = %+v, want one edge, of units 0 and 2", got)
	}
}

func TestSharesTerm(t *testing.T) {
	for _, c := range []struct {
		a, b []int32
		want bool
	}{
		{[]int32{1, 3, 5}, []int32{2, 4, 5}, true},
		{[]int32{1, 3}, []int32{2, 4}, false},
		{nil, []int32{1}, false},
	} {
		if got := sharesTerm(termVector{terms: c.a}, termVector{terms: c.b}); got != c.want {
			t.Errorf("sharesTerm(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestMergeThreshold(t *testing.T) {
	groupOf := func(n int) *group { return &group{units: make([]*unit, n)} }
	for _, c := range []struct {
		a, b int
		want float64
	}{
		{1, 1, groupSimilarity},
		{1, 45, groupSimilarity},
		{8, 45, groupSimilarity * (1 + sizeFactor*math.Log(8))},
	} {
		if got := mergeThreshold(groupOf(c.a), groupOf(c.b)); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("mergeThreshold(%d units, %d units) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	if mergeThreshold(groupOf(8), groupOf(45)) <= 0.12 {
		t.Errorf("two groups of 8 and 45 units merge at a similarity of 0.12")
	}
}
