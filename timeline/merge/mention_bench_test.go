package merge

import (
	"testing"

	"github.com/timeline-project/timeline/timeline/dating"
	"github.com/timeline-project/timeline/timeline/internal/fixture"
	"github.com/timeline-project/timeline/timeline/timex"
)

// BenchmarkMentions finds the mentions of the shipped story's articles,
// read and dated once beforehand.
func BenchmarkMentions(b *testing.B) {
	rs := readSources(b, fixture.Seeds(b))
	dating.Publications(rs, nil, timex.Date{})
	size := 0
	for _, r := range rs {
		size += len(r.Src.Text)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, r := range rs {
			Mentions(r)
		}
	}
}
