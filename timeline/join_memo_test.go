package timeline

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/timeline-project/timeline/timeline/timex"
)

// TestMergeMemoUndatedRandom merges a story of made-up sources, each
// with dated sentences and undated ones, again and again with one memo
// through random additions, removals and edits of sources: every build
// gives the events merging without the memo gives. The pool is large
// enough that most steps change no term's weight, so that the undated
// sentences are mostly compared with the groups that changed only.
func TestMergeMemoUndatedRandom(t *testing.T) {
	first := timex.NewDate(2024, time.March, 1)
	for seed := range uint64(3) {
		rng := rand.New(rand.NewPCG(seed, 11))
		var pool [][]*mention
		for i := range 400 {
			pool = append(pool, madeDatedSource(rng, fmt.Sprintf("s%03d", i), first.AddDays(rng.IntN(30))))
		}
		in := make([]bool, len(pool))
		for i := range 300 {
			in[i] = true
		}
		memo := &MergeMemo{}
		for step := range 60 {
			var ms []*mention
			for i, sm := range pool {
				if in[i] {
					ms = append(ms, sm...)
				}
			}
			cold := eventsOf(ms)
			if warm := eventsOfMemo(ms, memo); !reflect.DeepEqual(cold, warm) {
				t.Fatalf("seed %d, step %d: %d events with the memo, %d cold; first difference at %d",
					seed, step, len(warm), len(cold), firstDifference(cold, warm))
			}
			i := rng.IntN(len(pool))
			if rng.IntN(4) == 0 { // edited: the same sentences, new mentions
				pool[i] = madeCopy(pool[i])
			} else {
				in[i] = !in[i]
			}
		}
	}
}

// madeDatedSource returns the mentions of a made-up source id published
// on pub: sentences of three to seven words of a vocabulary of sixty,
// the first words the commonest, each dated a day of the three before
// pub or, one in three, undated.
func madeDatedSource(rng *rand.Rand, id string, pub timex.Date) []*mention {
	var text strings.Builder
	src := &Source{ID: id, Published: Published{Date: pub, Basis: BasisText}}
	var ms []*mention
	for n := 1; n <= 1+rng.IntN(6); n++ {
		seen := map[string]bool{}
		var terms []string
		for range 3 + rng.IntN(5) {
			if w := fmt.Sprintf("w%d", int(60*rng.Float64()*rng.Float64())); !seen[w] {
				seen[w] = true
				terms = append(terms, w)
			}
		}
		start := text.Len()
		fmt.Fprintf(&text, "Officials said the %s happened. ", strings.Join(terms, " "))
		m := &mention{src: src, sentence: Sentence{Span: Span{start, text.Len() - 1}, N: n}, terms: terms}
		if rng.IntN(3) != 0 {
			m.date, m.precision, m.basis = pub.AddDays(-rng.IntN(3)), timex.PrecisionDay, DatedExplicit
		}
		ms = append(ms, m)
	}
	src.Text = text.String()
	return ms
}

// madeCopy returns new mentions of ms's sentences, of a new source
// with the same ID and text: the source read again after an edit that
// changed none of them.
func madeCopy(ms []*mention) []*mention {
	src := *ms[0].src
	out := make([]*mention, len(ms))
	for i, m := range ms {
		cp := *m
		cp.src = &src
		cp.terms = slices.Clone(m.terms)
		out[i] = &cp
	}
	return out
}

// TestStaleNear checks the stale groups near a source: dated in the
// window of its publication date, ends included, with terms, and those
// made stale after the first look too.
func TestStaleNear(t *testing.T) {
	pub := timex.NewDate(2024, time.March, 20)
	terms := []uint64{1}
	s := &staleGroups{list: []staleGroup{
		{ci: 0, date: pub, terms: terms},
		{ci: 1, date: pub.AddDays(1), terms: terms},                  // after
		{ci: 2, date: pub.AddDays(-undatedWindow), terms: terms},     // the first day
		{ci: 3, date: pub.AddDays(-undatedWindow - 1), terms: terms}, // before
		{ci: 4, date: pub}, // background: no terms
	}}
	near := newStaleNear(pub)
	near.update(s)
	if want := []int{0, 2}; !slices.Equal(near.at, want) {
		t.Errorf("near: %v, want %v", near.at, want)
	}
	s.list = append(s.list, staleGroup{ci: 5, date: pub.AddDays(-1), terms: terms}, staleGroup{ci: 6, date: pub.AddDays(-30), terms: terms})
	near.update(s)
	if want := []int{0, 2, 5}; !slices.Equal(near.at, want) {
		t.Errorf("near after more groups went stale: %v, want %v", near.at, want)
	}
}
