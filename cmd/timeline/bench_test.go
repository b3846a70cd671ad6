package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/timeline-project/timeline/cmd/timeline/internal/corpus"
	"github.com/timeline-project/timeline/site"
	"github.com/timeline-project/timeline/timeline/timex"
)

// The benchmarks build stories made from the seeds (see package corpus):
//
//	go test -run '^$' -bench 'Build|AddOne' -benchtime 1x ./cmd/timeline
//
// .ci/bench-hugo times the same builds beside Hugo's.

// writeCorpus writes a story of n sources made from the seeds into a
// new folder and returns it with the seeds.
func writeCorpus(tb testing.TB, n int) (string, []corpus.File) {
	tb.Helper()
	seeds, err := corpus.ReadSeeds("../../testdata/seeds")
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	// The story's sources were written a while before the run: a
	// rebuild trusts their stamps (see racyWindow) from the start.
	old := time.Now().Add(-time.Hour)
	for _, f := range corpus.Generate(seeds, n) {
		p := filepath.Join(dir, f.Name)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			tb.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			tb.Fatal(err)
		}
	}
	return dir, seeds
}

func benchmarkColdBuild(b *testing.B, n int) {
	src, _ := writeCorpus(b, n)
	m := &Main{Stdout: io.Discard, Stderr: io.Discard, Now: time.Now}
	for b.Loop() {
		b.StopTimer()
		out := filepath.Join(b.TempDir(), "public")
		b.StartTimer()
		if err := m.build(context.Background(), buildFlags{src: src, out: out}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/source")
}

// BenchmarkBuild1000 is a build with no cache of a story of 1,000 sources.
func BenchmarkBuild1000(b *testing.B) { benchmarkColdBuild(b, 1000) }

// BenchmarkBuild10000 is a build with no cache of a story of 10,000 sources.
func BenchmarkBuild10000(b *testing.B) { benchmarkColdBuild(b, 10000) }

// benchmarkAddOne builds a story of n sources, then, each round, adds
// one source and builds again with the cache.
func benchmarkAddOne(b *testing.B, n int) {
	src, seeds := writeCorpus(b, n)
	out := filepath.Join(b.TempDir(), "public")
	m := &Main{Stdout: io.Discard, Stderr: io.Discard, Now: time.Now}
	if err := m.build(context.Background(), buildFlags{src: src, out: out}); err != nil {
		b.Fatal(err)
	}
	next := n
	for b.Loop() {
		b.StopTimer()
		collectIdle() // as serve does after each rebuild
		addSource(b, src, seeds, next, n)
		next++
		b.StartTimer()
		if err := m.build(context.Background(), buildFlags{src: src, out: out}); err != nil {
			b.Fatal(err)
		}
	}
}

// addSource writes source number i of a story made from the seeds to
// the folder src, named as in a story of n, and returns its name.
func addSource(tb testing.TB, src string, seeds []corpus.File, i, n int) string {
	tb.Helper()
	f := corpus.One(seeds, i, corpus.Width(n))
	if err := os.WriteFile(filepath.Join(src, f.Name), f.Data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return f.Name
}

// BenchmarkAddOne1000 adds a source to a story of 1,000 and builds again.
func BenchmarkAddOne1000(b *testing.B) { benchmarkAddOne(b, 1000) }

// BenchmarkAddOne10000 adds a source to a story of 10,000 and builds again.
func BenchmarkAddOne10000(b *testing.B) { benchmarkAddOne(b, 10000) }

// benchmarkServeAddOne builds a story of n sources as serve does, then,
// each round, adds one source and builds and renders again with what
// the server keeps in memory: readings, their mentions, rendered pages.
// It reports the two parts: building the timeline (reading, dating,
// mentions, merging) and rendering the site; and the processor time of
// a round, which says more than its time on a machine shared with
// other work.
func benchmarkServeAddOne(b *testing.B, n int) {
	src, seeds := writeCorpus(b, n)
	renderer, err := site.New()
	if err != nil {
		b.Fatal(err)
	}
	builder := &storyBuilder{src: src, today: timex.DateOf(time.Now()), folder: &folderReader{now: time.Now}}
	server := newSiteServer(&Main{Stdout: io.Discard, Stderr: io.Discard, Now: time.Now}, renderer, builder)
	st, err := builder.build(context.Background(), nil)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := server.render(st.assembly.Timeline); err != nil {
		b.Fatal(err)
	}
	next := n
	var building, rendering time.Duration
	var cpu int64
	for b.Loop() {
		b.StopTimer()
		collectIdle() // as serve does after each rebuild
		name := addSource(b, src, seeds, next, n)
		builder.folder.trust(map[string]bool{name: true}, true) // as serve's watcher tells
		next++
		b.StartTimer()
		start, startCPU := time.Now(), cpuTime()
		st, err := builder.build(context.Background(), nil)
		if err != nil {
			b.Fatal(err)
		}
		built := time.Now()
		if _, err := server.render(st.assembly.Timeline); err != nil {
			b.Fatal(err)
		}
		building += built.Sub(start)
		rendering += time.Since(built)
		cpu += cpuTime() - startCPU
	}
	b.ReportMetric(float64(building.Nanoseconds())/float64(b.N), "build-ns/op")
	b.ReportMetric(float64(rendering.Nanoseconds())/float64(b.N), "render-ns/op")
	b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkServeAddOne1000 adds a source to a served story of 1,000.
func BenchmarkServeAddOne1000(b *testing.B) { benchmarkServeAddOne(b, 1000) }

// BenchmarkServeAddOne10000 adds a source to a served story of 10,000.
func BenchmarkServeAddOne10000(b *testing.B) { benchmarkServeAddOne(b, 10000) }
