package timeline

import (
	"testing"

	"github.com/timeline-project/timeline/timeline/timex"
)

// BenchmarkMentions finds the mentions of the shipped story's articles,
// read and dated once beforehand.
func BenchmarkMentions(b *testing.B) {
	rs := readSources(b, seedInputs(b))
	datePublications(rs, nil, timex.Date{})
	size := 0
	for _, r := range rs {
		size += len(r.src.Text)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, r := range rs {
			mentionsOf(r)
		}
	}
}
