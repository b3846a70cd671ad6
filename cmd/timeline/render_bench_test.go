package main

import (
	"os"
	"testing"

	"github.com/timeline-project/timeline/cmd/timeline/internal/corpus"
	"github.com/timeline-project/timeline/site"
	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/build"
)

// The render benchmarks render the site of a story made from the seeds
// (see package corpus), its timeline built once per test binary:
//
//	go test -run '^$' -bench 'Render' -cpu 1 -count 5 ./cmd/timeline

// renderStories holds, by source count, the timeline of a story made
// from the seeds, built once per test binary for the render benchmarks.
var renderStories = map[int]*timeline.Timeline{}

// renderStory returns the timeline of a story of n sources made from
// the seeds, with the seeds' site.md.
func renderStory(b *testing.B, n int) *timeline.Timeline {
	b.Helper()
	if tl := renderStories[n]; tl != nil {
		return tl
	}
	tl := builtStory(b, corpus.Generate(readSeeds(b), n))
	renderStories[n] = tl
	return tl
}

// readSeeds returns the shipped seeds, from which the benchmarks'
// stories are made.
func readSeeds(b *testing.B) []corpus.File {
	b.Helper()
	seeds, err := corpus.ReadSeeds("../../testdata/seeds")
	if err != nil {
		b.Fatal(err)
	}
	return seeds
}

// builtStory returns the timeline of the sources files, with the seeds'
// site.md.
func builtStory(b *testing.B, files []corpus.File) *timeline.Timeline {
	b.Helper()
	var inputs []timeline.Input
	for _, f := range files {
		inputs = append(inputs, timeline.Input{Name: f.Name, Data: f.Data})
	}
	if data, err := os.ReadFile("../../testdata/seeds/site.md"); err == nil {
		inputs = append(inputs, timeline.Input{Name: timeline.SiteFile, Data: data})
	}
	tl, _, err := build.Build(inputs, build.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return tl
}

// benchmarkRender renders the site of a story of n sources from
// nothing each round, as a build does: with site.Render, whose Renderer
// keeps nothing.
func benchmarkRender(b *testing.B, n int) {
	tl := renderStory(b, n)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := site.Render(tl, site.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkRender1000 renders the site of a story of 1,000 sources.
func BenchmarkRender1000(b *testing.B) { benchmarkRender(b, 1000) }

// BenchmarkRender10000 renders the site of a story of 10,000 sources.
func BenchmarkRender10000(b *testing.B) { benchmarkRender(b, 10000) }

// benchmarkRenderKept renders the site of a story of n sources once,
// then, each round, renders it again with the same Renderer: every page
// is kept, so the round is the cost of checking the story and of the
// pages' keys.
func benchmarkRenderKept(b *testing.B, n int) {
	tl := renderStory(b, n)
	r, err := site.New()
	if err != nil {
		b.Fatal(err)
	}
	if _, err := r.Render(tl, site.Options{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := r.Render(tl, site.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkRenderKept1000 renders the site of a story of 1,000 sources
// again, all its pages kept from a render before.
func BenchmarkRenderKept1000(b *testing.B) { benchmarkRenderKept(b, 1000) }

// benchmarkRenderAddOne renders, each round, with one Renderer as
// serve's, the site of a story of n sources and that of the same story
// with one source more, in turn: the source joins entries already cited
// by thousands. It is the render of a rebuild of serve, without the
// building before it.
func benchmarkRenderAddOne(b *testing.B, n int) {
	tl := renderStory(b, n)
	seeds := readSeeds(b)
	more := builtStory(b, append(corpus.Generate(seeds, n), corpus.One(seeds, n, corpus.Width(n))))
	r, err := site.New()
	if err != nil {
		b.Fatal(err)
	}
	render := func(tl *timeline.Timeline) {
		if _, err := r.Render(tl, site.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	render(tl)
	stories := []*timeline.Timeline{more, tl}
	start := cpuTime()
	i := 0
	for b.Loop() {
		render(stories[i%2])
		i++
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkRenderAddOne10000 renders the site of a story of 10,000
// sources again after a source was added to it, or taken away.
func BenchmarkRenderAddOne10000(b *testing.B) { benchmarkRenderAddOne(b, 10000) }

// BenchmarkRenderAddOne1000 renders the site of a story of 1,000
// sources again after a source was added to it, or taken away.
func BenchmarkRenderAddOne1000(b *testing.B) { benchmarkRenderAddOne(b, 1000) }
