package read

import (
	"testing"

	"github.com/timeline-project/timeline/timeline/internal/fixture"
)

// BenchmarkRead reads the shipped story's articles, one after the
// other: decoding, blocks and page furniture, sentences and temporal
// expressions.
func BenchmarkRead(b *testing.B) {
	inputs := fixture.Seeds(b)
	size := 0
	for _, in := range inputs {
		size += len(in.Data)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, in := range inputs {
			if _, err := Read(in); err != nil {
				b.Fatal(err)
			}
		}
	}
}
