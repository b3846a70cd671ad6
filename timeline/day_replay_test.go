package timeline

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/timeline-project/timeline/timeline/timex"
)

// sameDayMentions makes the mentions of n sources from the seeds' own,
// as corpusMentions does but with every date kept: thousands of
// sentences on each of the story's few days, as when a story's sources
// all report the same week.
func sameDayMentions(seed []mention, n int) []mention {
	return copiedMentions(seed, n, func(int) int { return 0 })
}

// sourcesUpTo returns the mentions of the first n sources of all, in
// the order merging takes them.
func sourcesUpTo(all []*mention, n int) []*mention {
	ends := sourceEnds(all)
	return sortedBySource(all[:ends[n-1]])
}

// TestReplayDaySameAsCold clusters the days of a story of sources that
// all report the same days, replaying each day's last clustering as
// sources are added, removed and edited: every day's clusters are
// clusterDay's, member for member and to the bit, and a source added
// to a day of hundreds of sentences has few of them placed afresh.
func TestReplayDaySameAsCold(t *testing.T) {
	all := pointersTo(sameDayMentions(seedMentions(t), 160))
	tt := numberTerms(all) // one set of weights: replayDay needs the last build's
	steps := []struct {
		name string
		ms   []*mention
	}{
		{"150", sourcesUpTo(all, 150)},
		{"151", sourcesUpTo(all, 151)},
		{"152", sourcesUpTo(all, 152)},
		{"153 to 160", sourcesUpTo(all, 160)},
		{"one removed", withoutSources(sourcesUpTo(all, 160), "-00007")},
		{"one edited", changedSource(sourcesUpTo(all, 160), "-00042")},
		{"all back", sourcesUpTo(all, 160)},
	}
	for _, m := range steps[5].ms {
		if tt.ids[m] == nil { // the edited source's new mentions
			tt.ids[m] = tt.ids[firstWithTerms(all, m)]
		}
	}
	traces := map[dayKey]*dayTrace{}
	for _, step := range steps {
		days, byDay, _ := byDays(step.ms)
		for _, k := range days {
			want := clusterDay(slices.Clone(byDay[k]), tt)
			last := traces[k]
			if last == nil {
				last = &dayTrace{}
				clusterDayTraced(slices.Clone(byDay[k]), tt, last)
			}
			got, trace, ok := replayDay(slices.Clone(byDay[k]), tt, last)
			if !ok {
				t.Fatalf("%s, %v: not replayed", step.name, k.date)
			}
			assertSameClusters(t, fmt.Sprintf("%s, %v", step.name, k.date), got, want)
			if step.name == "151" && len(byDay[k]) > 500 && trace.placed > len(byDay[k])/10 {
				t.Errorf("%s, %v: %d of %d mentions placed afresh, want at most a tenth", step.name, k.date, trace.placed, len(byDay[k]))
			}
			traces[k] = trace
		}
	}
}

// TestReplayDayRandom replays a day of made-up sentences, of words
// drawn from a small vocabulary, many of them dated by context and
// some of them denials, through a few hundred random additions, removals
// and edits of sources: each time its clusters are clusterDay's.
func TestReplayDayRandom(t *testing.T) {
	for seed := range uint64(4) {
		rng := rand.New(rand.NewPCG(seed, 7))
		day := timex.Date{Year: 2024, Month: 3, Day: 9}
		var pool [][]*mention // by source: its mentions; then an edited copy
		for i := range 120 {
			pool = append(pool, madeSource(rng, fmt.Sprintf("s%03d", i), day))
		}
		var all []*mention
		for _, ms := range pool {
			all = append(all, ms...)
		}
		tt := numberTerms(all)
		in := map[int]bool{}
		for i := range 60 {
			in[i] = true
		}
		story := func() []*mention {
			var ms []*mention
			for i := range pool {
				if in[i] {
					ms = append(ms, pool[i]...)
				}
			}
			return ms
		}
		last := &dayTrace{}
		clusterDayTraced(story(), tt, last)
		for step := range 200 {
			i := rng.IntN(len(pool))
			switch rng.IntN(3) {
			case 0, 1:
				in[i] = !in[i]
			case 2: // edited: the same sentences, new mentions
				pool[i] = slices.Clone(pool[i])
				for j, m := range pool[i] {
					cp := *m
					pool[i][j] = &cp
					tt.ids[&cp] = tt.ids[m]
				}
			}
			want := clusterDay(story(), tt)
			got, trace, ok := replayDay(story(), tt, last)
			if !ok {
				t.Fatalf("seed %d, step %d: not replayed", seed, step)
			}
			assertSameClusters(t, fmt.Sprintf("seed %d, step %d", seed, step), got, want)
			last = trace
		}
	}
}

// madeSource returns the mentions of a made-up source id, all dated day:
// sentences of three to seven words of a vocabulary of forty, the
// first words the commonest; about a third dated by the sentence
// before, some naming a speaker who denies; a quarter of them stock
// sentences, found in many sources.
func madeSource(rng *rand.Rand, id string, day timex.Date) []*mention {
	src := &Source{ID: id}
	var ms []*mention
	for n := 1; n <= 2+rng.IntN(7); n++ {
		m := &mention{src: src, sentence: Sentence{N: n}, date: day, precision: timex.PrecisionDay, basis: DatedExplicit}
		if n > 1 && rng.IntN(3) == 0 {
			m.basis, m.datedBy = DatedContext, n-1
		} else if rng.IntN(4) == 0 {
			m.basis = DatedRelative
		}
		if rng.IntN(4) == 0 {
			stance := StanceClaim
			if rng.IntN(2) == 0 {
				stance = StanceDenial
			}
			m.attrs = []attribution{{speaker: "officials", stance: stance}}
		}
		if rng.IntN(4) == 0 { // a stock sentence, so that clusters tie
			m.terms = slices.Clone(stockTerms[rng.IntN(len(stockTerms))])
			ms = append(ms, m)
			continue
		}
		seen := map[string]bool{}
		for range 3 + rng.IntN(5) {
			w := fmt.Sprintf("w%d", int(40*rng.Float64()*rng.Float64()))
			if !seen[w] {
				seen[w] = true
				m.terms = append(m.terms, w)
			}
		}
		ms = append(ms, m)
	}
	return ms
}

// stockTerms are sentences madeSource uses again and again.
var stockTerms = [][]string{{"w1", "w7", "w30"}, {"w2", "w31", "w33", "w35"}, {"w0", "w36"}}

// firstWithTerms returns the mention of all with m's sentence and terms.
func firstWithTerms(all []*mention, m *mention) *mention {
	for _, o := range all {
		if slices.Equal(o.terms, m.terms) {
			return o
		}
	}
	return nil
}

// assertSameClusters fails unless got and want hold the same members in
// the same order, with centroids equal to the bit.
func assertSameClusters(t *testing.T, name string, got, want []*cluster) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d clusters, want %d", name, len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if !slices.Equal(g.members, w.members) {
			t.Fatalf("%s: cluster %d has %d members, want %d, or others", name, i, len(g.members), len(w.members))
		}
		if !slices.Equal(g.order, w.order) || math.Float64bits(g.norm) != math.Float64bits(w.norm) {
			t.Fatalf("%s: cluster %d: centroid differs", name, i)
		}
		for _, term := range w.order {
			if math.Float64bits(g.centroid[term]) != math.Float64bits(w.centroid[term]) {
				t.Fatalf("%s: cluster %d: weight of term %d differs", name, i, term)
			}
		}
	}
}

// BenchmarkClusterBigDay clusters a day of 21,600 sentences afresh.
func BenchmarkClusterBigDay(b *testing.B) {
	day, tt := bigDay(b, 4000)
	for b.Loop() {
		clusterDay(slices.Clone(day), tt)
	}
}

// BenchmarkReplayBigDay clusters a day of 21,600 sentences again after
// a source was added to it, replaying its last clustering.
func BenchmarkReplayBigDay(b *testing.B) {
	day, tt := bigDay(b, 4000)
	src := day[len(day)/2].src
	without := slices.DeleteFunc(slices.Clone(day), func(m *mention) bool { return m.src == src })
	last := &dayTrace{}
	clusterDayTraced(slices.Clone(without), tt, last)
	var placed int
	for b.Loop() {
		_, trace, _ := replayDay(slices.Clone(day), tt, last)
		placed = trace.placed
	}
	b.ReportMetric(float64(placed), "placed")
}

// bigDay returns the mentions of the busiest day of a story of n
// sources made by sameDayMentions, in merging's order, and their terms.
func bigDay(b *testing.B, n int) ([]*mention, *termTable) {
	ms := sortedBySource(pointersTo(sameDayMentions(seedMentions(b), n)))
	tt := numberTerms(ms)
	days, byDay, _ := byDays(ms)
	big := days[0]
	for _, d := range days {
		if len(byDay[d]) > len(byDay[big]) {
			big = d
		}
	}
	return byDay[big], tt
}
