package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedText returns the seed articles concatenated.
func seedText(tb testing.TB) string {
	tb.Helper()
	files, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(files) == 0 {
		tb.Skip("no seed files")
	}
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(data)
		b.WriteString("\n\n")
	}
	return b.String()
}

// BenchmarkFind measures Find over a few megabytes of news text: the
// seed articles in file-name order, a blank line after each, repeated
// to just over 4 MiB (testdata/chrono/bench.mjs builds the same text for
// chrono-node). Besides MB/s of wall time it reports cpu-MB/s, the bytes
// read per second of the process's CPU time, which other work on a
// shared machine does not lower; run it with -cpu 1 for one core.
func BenchmarkFind(b *testing.B) {
	seeds := seedText(b)
	text := strings.Repeat(seeds, 4<<20/len(seeds)+1)
	b.SetBytes(int64(len(text)))
	c0, ok := cpuTime()
	b.ResetTimer()
	for range b.N {
		Find(text)
	}
	b.StopTimer()
	if c1, ok1 := cpuTime(); ok && ok1 && c1 > c0 {
		b.ReportMetric(float64(len(text))*float64(b.N)/1e6/(c1-c0).Seconds(), "cpu-MB/s")
	}
}

// BenchmarkResolve measures Resolve over the expressions of the seeds.
func BenchmarkResolve(b *testing.B) {
	exprs := Find(seedText(b))
	dct := NewDate(2023, 5, 24)
	b.ResetTimer()
	for range b.N {
		Resolve(exprs, dct)
	}
}
