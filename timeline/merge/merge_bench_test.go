package merge

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/dating"
	"github.com/timeline-project/timeline/timeline/internal/fixture"
	"github.com/timeline-project/timeline/timeline/read"
	"github.com/timeline-project/timeline/timeline/timex"
)

// seedMentions reads the shipped story and returns its mentions.
func seedMentions(b testing.TB) []Mention {
	rs := readSources(b, fixture.Seeds(b))
	dating.Publications(rs, nil, timex.Date{})
	var ms []Mention
	for _, r := range rs {
		ms = append(ms, Mentions(r)...)
	}
	return ms
}

// readSources reads every input as a source, failing tb when one is
// none.
func readSources(tb testing.TB, inputs []timeline.Input) []*read.Reading {
	tb.Helper()
	rs := make([]*read.Reading, len(inputs))
	for i, in := range inputs {
		r, err := read.Read(in)
		if err != nil {
			tb.Fatalf("%s: %v", in.Name, err)
		}
		rs[i] = r
	}
	return rs
}

// pointersTo returns a pointer to each of ms.
func pointersTo(ms []Mention) []*Mention {
	out := make([]*Mention, len(ms))
	for i := range ms {
		out[i] = &ms[i]
	}
	return out
}

// corpusMentions makes the mentions of n sources from the seeds' own:
// source i is seed i%5 with its sentences shuffled and its dates moved
// by whole weeks, about fifty sources a week, so that the story grows
// longer rather than denser.
func corpusMentions(seed []Mention, n int) []Mention {
	weeks := max(1, n/50)
	return copiedMentions(seed, n, func(i int) int { return 7 * (i % weeks) })
}

// copiedMentions makes the mentions of n sources from the seeds' own:
// source i is seed i%5 with its sentences shuffled and its dates moved
// by shift(i/5) days.
func copiedMentions(seed []Mention, n int, shift func(round int) int) []Mention {
	bySource := map[*timeline.Source][]Mention{}
	var order []*timeline.Source
	for _, m := range seed {
		if bySource[m.Src] == nil {
			order = append(order, m.Src)
		}
		bySource[m.Src] = append(bySource[m.Src], m)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var out []Mention
	for i := range n {
		orig := order[i%len(order)]
		src := *orig
		src.ID = fmt.Sprintf("%s-%05d", orig.ID, i)
		days := shift(i / len(order))
		if !src.Published.Date.IsZero() {
			src.Published.Date = src.Published.Date.AddDays(days)
		}
		ms := bySource[orig]
		perm := rng.Perm(len(ms))
		for j, p := range perm {
			m := ms[p]
			m.Src = &src
			m.Sentence.N = j + 1
			if !m.Date.IsZero() {
				m.Date = m.Date.AddDays(days)
			}
			out = append(out, m)
		}
	}
	return out
}

// BenchmarkMerge merges the mentions of 1,000 and 10,000 sources made
// from the seeds: the time per source should stay about the same.
func BenchmarkMerge(b *testing.B) {
	seed := seedMentions(b)
	for _, n := range []int{1000, 10000} {
		ms := corpusMentions(seed, n)
		b.Run(fmt.Sprintf("sources=%d", n), func(b *testing.B) {
			work := pointersTo(ms)
			for b.Loop() {
				Events(work)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/source")
		})
	}
}
