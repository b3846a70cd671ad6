package dating

import (
	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

// smallHours is the time of day before which a report tells the news of
// the day before: what a report published at 01:12 says happened in the
// hours before it, which were the evening before where it was written,
// unless it names the day.
const smallHours = "06:00"

// ReportedDay returns the day a source's headline and lead report, when
// they name none: the day it was published, or the day before when it
// was published in the small hours (its time stated, before smallHours
// in the zone it was stated in). The zero Date when the publication date
// is unknown.
func ReportedDay(p timeline.Published) timex.Date {
	if InSmallHours(p) {
		return p.Date.AddDays(-1)
	}
	return p.Date
}

// InSmallHours reports whether p was published in the small hours, so
// that its headline and lead report the day before (see ReportedDay).
func InSmallHours(p timeline.Published) bool {
	return !p.Date.IsZero() && p.Time != "" && p.Time < smallHours
}
