package dating

import (
	"testing"
	"time"

	"github.com/timeline-project/timeline/timeline/timex"
)

func TestDayNumber(t *testing.T) {
	for _, d := range []timex.Date{{Year: 1970, Month: 1, Day: 1}, {Year: 2023, Month: 5, Day: 22}, {Year: 2000, Month: 2, Day: 29},
		{Year: 1900, Month: 3, Day: 1}, {Year: -44, Month: 3, Day: 15}, {Year: 2400, Month: 12, Day: 31}} {
		want := floorDiv(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Unix(), 86400)
		if got := DayNumber(d); got != want {
			t.Errorf("dayNumber(%v) = %d, want %d", d, got, want)
		}
		for _, k := range []int{0, 1, -1, 60, -400, 1000} {
			if got, want := dateOfNumber(DayNumber(d)+int64(k)), d.AddDays(k); got != want {
				t.Errorf("dateOfNumber(dayNumber(%v)%+d) = %v, want %v", d, k, got, want)
			}
		}
	}
}
