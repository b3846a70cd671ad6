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

// BenchmarkFind measures Find over a few megabytes of news text.
func BenchmarkFind(b *testing.B) {
	seeds := seedText(b)
	text := strings.Repeat(seeds, 4<<20/len(seeds)+1)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		Find(text)
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
