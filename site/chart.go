package site

import (
	"strings"

	"github.com/timeline-project/timeline/timeline/timex"
)

// The chart of the story's course: per day, how many sources report it
// (a light bar) and how many outlets (a dark bar over it), the key days
// marked above their bars. It is inline SVG drawn at build time: its
// bars are placed in percentages of its width, so that it fills the
// column it is in, and its text is never stretched; a story of many days
// is wider than a phone and scrolls sideways. Each day is a link to its
// section, named for screen readers; a table says the same in text.

// Sizes of the chart, in CSS pixels.
const (
	chartHeight   = 168
	chartBarTop   = 22  // the top of the tallest bar, under the key marks
	chartBase     = 136 // the bars' base line
	chartDayPx    = 8   // the least width of a day: its bar and a gap
	chartMinWidth = 288
	chartLabelY   = 156
	chartCharPx   = 7 // about the width of a character of the labels
)

// chartView is the chart of the story's course, and its table.
type chartView struct {
	Width, Height int
	Base          int
	Days          []chartDay
	Labels        []chartLabel
	Most          string // "The most in a day: 48 sources, 12 January 2010."
}

// chartDay is one day of the chart.
type chartDay struct {
	Href     string
	Name     string // its accessible name: "Monday, 22 May 2023: 5 sources, 4 outlets, a key day"
	DateTime string
	Date     string // "Mon 22 May 2023"
	Sources  int
	Outlets  int
	Keys     int // its key happenings
	// Where it is drawn: X and W of its column, Bar its bars' left and
	// width (percentages), Mid its middle; the tops and heights of its
	// bars in pixels.
	X, W, Bar, BarW, Mid string
	SourcesY, SourcesH   int
	OutletsY, OutletsH   int
	MarkY, MarkR, HitH   int
}

// chartLabel is a date written under the chart.
type chartLabel struct {
	X      string
	Y      int
	Anchor string // "start", "middle" or "end"
	Text   string
}

// chartSlot is the width of a day's column, and chartGap the room left
// between two days that are not one after the other, in units of the
// chart's width; a chart is at least chartMinUnits wide, its days in the
// middle, so that the bars of a story of a few days are not wide blocks.
const (
	chartSlot     = 4
	chartGap      = 2
	chartMinUnits = 12 * chartSlot
)

// chart draws the days of the chronology dated to a day, with the
// number of key happenings of each (keys, by section ID); nil when it
// has none.
func (st *story) chart(keys map[string]int) *chartView {
	c := st.chronicle()
	var days []*daySection
	for i := range c.days {
		if len(c.days[i].DateTime) == len("2006-01-02") {
			days = append(days, &c.days[i])
		}
	}
	if len(days) == 0 {
		return nil
	}
	v := &chartView{Height: chartHeight, Base: chartBase}
	starts := make([]int, len(days))
	units := 0
	var prev timex.Date
	most, mostAt := 0, 0
	for i, d := range days {
		date := d.Entries[0].event.Date
		if i > 0 && date.Time().Sub(prev.Time()).Hours() > 24 {
			units += chartGap
		}
		prev = date
		starts[i] = units
		units += chartSlot
		day := chartDay{Href: c.href(indexPath, d.ID), DateTime: d.DateTime, Keys: keys[d.ID],
			Date: strings.TrimSpace(d.Weekday + " " + d.Short)}
		day.Sources, day.Outlets = st.dayReach(d)
		if day.Sources > most {
			most, mostAt = day.Sources, i
		}
		v.Days = append(v.Days, day)
	}
	if units < chartMinUnits {
		for i := range starts {
			starts[i] += (chartMinUnits - units) / 2
		}
		units = chartMinUnits
	}
	v.Width = max(chartMinWidth, units*chartDayPx/chartSlot)
	for i := range v.Days {
		drawDay(&v.Days[i], days[i].Heading, starts[i], units, most)
	}
	v.Labels = chartLabels(days, starts, units, v.Width)
	v.Most = "The most in a day: " + count(most, "source", "sources") + ", " + days[mostAt].Short + "."
	return v
}

// drawDay places day d, whose heading is heading, at start of units,
// its bars scaled to most.
func drawDay(d *chartDay, heading string, start, units, most int) {
	d.X, d.W = percent(start, units), percent(chartSlot, units)
	d.Bar, d.BarW = percent(4*start+1, 4*units), percent(4*chartSlot-2, 4*units)
	d.Mid = percent(2*start+chartSlot, 2*units)
	height := func(n int) int {
		if n == 0 {
			return 0
		}
		return max(2, n*(chartBase-chartBarTop)/max(1, most))
	}
	d.SourcesH, d.OutletsH = height(d.Sources), height(d.Outlets)
	d.SourcesY, d.OutletsY = chartBase-d.SourcesH, chartBase-d.OutletsH
	d.HitH = chartBase
	d.MarkY, d.MarkR = chartBarTop/2, 5
	d.Name = heading + ": " + count(d.Sources, "source", "sources") + ", " + count(d.Outlets, "outlet", "outlets")
	if d.Keys > 0 {
		d.Name += ", a key day"
	}
}

// dayReach returns how many sources, and how many outlets, the entries
// of day d cite: a source's outlet is its publisher, or the source
// itself when it has none.
func (st *story) dayReach(d *daySection) (sources, outlets int) {
	seen := map[string]bool{}
	outlet := map[string]bool{}
	for _, e := range d.Entries {
		for _, c := range e.event.Citations {
			if seen[c.Source] {
				continue
			}
			seen[c.Source] = true
			src := st.byID[c.Source]
			key := "\x00" + src.ID
			if p := strings.TrimSpace(src.Publisher); p != "" {
				key = strings.ToLower(p)
			}
			outlet[key] = true
		}
	}
	return len(seen), len(outlet)
}

// chartLabels returns the dates written under the chart: its first and
// last days, and between them the first day of each month where there
// is room for it on a chart width pixels wide; where the two ends have
// no room apart, the span of days in one label.
func chartLabels(days []*daySection, starts []int, units, width int) []chartLabel {
	oneYear := days[0].DateTime[:4] == days[len(days)-1].DateTime[:4]
	label := func(d *daySection, withDay bool) string {
		t := d.Entries[0].event.Date.Time()
		layout := "Jan"
		if withDay {
			layout = "2 Jan"
		}
		if !oneYear {
			layout += " 2006"
		}
		return t.Format(layout)
	}
	px := func(i int) int { return (2*starts[i] + chartSlot) * width / (2 * units) }
	first := chartLabel{X: percent(starts[0], units), Anchor: "start", Text: label(days[0], true)}
	labels := []chartLabel{first}
	end := starts[0]*width/units + len(first.Text)*chartCharPx
	last := len(days) - 1
	lastText := label(days[last], true)
	lastEnd := starts[last] + chartSlot
	lastStart := lastEnd*width/units - len(lastText)*chartCharPx
	for i := 1; i < last; i++ {
		if days[i].DateTime[:7] == days[i-1].DateTime[:7] {
			continue
		}
		text := label(days[i], false)
		half := len(text) * chartCharPx / 2
		if px(i)-half < end+chartCharPx || px(i)+half > lastStart-chartCharPx {
			continue
		}
		labels = append(labels, chartLabel{X: percent(2*starts[i]+chartSlot, 2*units), Anchor: "middle", Text: text})
		end = px(i) + half
	}
	switch {
	case last > 0 && lastStart >= end+chartCharPx:
		labels = append(labels, chartLabel{X: percent(lastEnd, units), Anchor: "end", Text: lastText})
	case last > 0 && len(labels) == 1:
		// No room for both ends apart: one label says the span, in the
		// middle of the days.
		labels[0] = chartLabel{X: percent(starts[0]+lastEnd, 2*units), Anchor: "middle", Text: first.Text + " – " + lastText}
	}
	for i := range labels {
		labels[i].Y = chartLabelY
	}
	return labels
}

// keyDays returns how many key happenings each day has, by section ID.
func keyDays(keys []keyHappening) map[string]int {
	out := map[string]int{}
	for _, k := range keys {
		out["date-"+k.DateTime]++
	}
	return out
}
