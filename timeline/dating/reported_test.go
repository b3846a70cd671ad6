package dating

import (
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

func TestReportedDay(t *testing.T) {
	june29 := timex.Date{Year: 2023, Month: 6, Day: 29}
	june28 := timex.Date{Year: 2023, Month: 6, Day: 28}
	for _, tt := range []struct {
		p    timeline.Published
		want timex.Date
	}{
		{timeline.Published{Date: june29}, june29},                // no time stated
		{timeline.Published{Date: june29, Time: "14:30"}, june29}, // in the day
		{timeline.Published{Date: june29, Time: "06:00"}, june29}, // the small hours are over
		{timeline.Published{Date: june29, Time: "01:12"}, june28}, // the news of the evening before
		{timeline.Published{Date: june29, Time: "00:00"}, june28}, // midnight
		{timeline.Published{Time: "01:12"}, timex.Date{}},         // no date
		{timeline.Published{Date: timex.Date{Year: 2024, Month: 3, Day: 1}, Time: "05:59"}, timex.Date{Year: 2024, Month: 2, Day: 29}},
	} {
		if got := ReportedDay(tt.p); got != tt.want {
			t.Errorf("ReportedDay(%+v) = %v, want %v", tt.p, got, tt.want)
		}
	}
}
