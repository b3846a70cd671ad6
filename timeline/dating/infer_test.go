package dating

import (
	"math"
	"testing"

	"github.com/timeline-project/timeline/timeline/timex"
)

// TestDayCountsWeight checks that a day's weight is math.Log1p of how
// often the story reports it, and 0 for a day it does not report, in a
// story that reports none too.
func TestDayCountsWeight(t *testing.T) {
	may22 := timex.Date{Year: 2023, Month: 5, Day: 22}
	may24 := timex.Date{Year: 2023, Month: 5, Day: 24}
	counts := storyDates{may22: 7, may24: 1}.byDay()
	for _, tt := range []struct {
		counts dayCounts
		day    timex.Date
		want   float64
	}{
		{counts, may22, math.Log1p(7)},
		{counts, may24, math.Log1p(1)},
		{counts, timex.Date{Year: 2023, Month: 5, Day: 23}, 0},
		{counts, timex.Date{Year: 1990, Month: 1, Day: 1}, 0},
		{storyDates{}.byDay(), may22, 0},
	} {
		if got := tt.counts.weight(int32(DayNumber(tt.day))); got != tt.want {
			t.Errorf("weight of %v = %v, want %v", tt.day, got, tt.want)
		}
	}
}
