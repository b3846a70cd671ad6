package timeline

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline/timex"
)

// seedInputs reads the shipped story's articles.
func seedInputs(tb testing.TB) []Input {
	dir := filepath.Join("..", "testdata", "seeds")
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var inputs []Input
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		inputs = append(inputs, Input{Name: e.Name(), Data: data})
	}
	return inputs
}

// seedMentions reads the shipped story and returns its mentions.
func seedMentions(b testing.TB) []mention {
	rs := readSources(b, seedInputs(b))
	datePublications(rs, nil, timex.Date{})
	var ms []mention
	for _, r := range rs {
		ms = append(ms, mentionsOf(r)...)
	}
	return ms
}

// readSources reads every input as a source, failing tb when one is
// none.
func readSources(tb testing.TB, inputs []Input) []*reading {
	tb.Helper()
	rs := make([]*reading, len(inputs))
	for i, in := range inputs {
		r, err := readSource(in)
		if err != nil {
			tb.Fatalf("%s: %v", in.Name, err)
		}
		rs[i] = r
	}
	return rs
}

// pointersTo returns a pointer to each of ms.
func pointersTo(ms []mention) []*mention {
	out := make([]*mention, len(ms))
	for i := range ms {
		out[i] = &ms[i]
	}
	return out
}

// corpusMentions makes the mentions of n sources from the seeds' own:
// source i is seed i%5 with its sentences shuffled and its dates moved
// by whole weeks, about fifty sources a week, so that the story grows
// longer rather than denser.
func corpusMentions(seed []mention, n int) []mention {
	weeks := max(1, n/50)
	return copiedMentions(seed, n, func(i int) int { return 7 * (i % weeks) })
}

// copiedMentions makes the mentions of n sources from the seeds' own:
// source i is seed i%5 with its sentences shuffled and its dates moved
// by shift(i/5) days.
func copiedMentions(seed []mention, n int, shift func(round int) int) []mention {
	bySource := map[*Source][]mention{}
	var order []*Source
	for _, m := range seed {
		if bySource[m.src] == nil {
			order = append(order, m.src)
		}
		bySource[m.src] = append(bySource[m.src], m)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var out []mention
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
			m.src = &src
			m.sentence.N = j + 1
			if !m.date.IsZero() {
				m.date = m.date.AddDays(days)
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
				eventsOf(work)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/source")
		})
	}
}
