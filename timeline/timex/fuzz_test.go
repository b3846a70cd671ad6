package timex

import (
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that Find's spans lie inside the text, in order and
// apart, and that Resolve never panics, whatever the text, the date and
// the locale's order of numeric dates.
func FuzzFind(f *testing.F) {
	seeds := []string{
		"Russian officials said on Tuesday that a counterterrorism operation expelled saboteurs.",
		"A drone attack hit early on Wednesday, May 24, Moscow said.",
		"— Anton Gerashchenko (@Gerashchenko_en) May 22, 2023\r\n",
		"Published on 2023-05-23T22:33:50.746Z; Result Today 23.05.2023 SS 366",
		"It lasted two days\u00a0and 15 months ago, for more than 20 years, every Monday at 10:30 a.m. ET.",
		"the 1990s, '80s, 1957-58, 3/22/2013, 03/04/2013, Q1 2013, the first half of 2012",
		"\xff\xfeMay\x00 22,\t2023 \u2014 mid-May \u2019s",
		"Signed 03/04/2023 and 23-05-2023, 2013/03/22; the late nineties, the mid-90s, the year 2000",
		"postponed until 15:00 GMT Saturday; 9 a.m. Eastern Standard Time; six o'clock; GMT+3",
		"the year-earlier quarter, the quarter ended Sept. 30, the first half of last year, decade-long, once-a-year",
	}
	for i, s := range seeds {
		f.Add(s, 2023, 5, 24, uint8(i%3))
	}
	f.Add("yesterday", 0, 1, 1, uint8(0))
	f.Add("next year and 15 months ago", 9999, 12, 31, uint8(1))
	f.Fuzz(func(t *testing.T, text string, y, m, day int, order uint8) {
		exprs := FindOrder(text, DateOrder(order%3))
		last := 0
		for _, e := range exprs {
			if e.Start < last || e.End <= e.Start || e.End > len(text) {
				t.Fatalf("bad span [%d,%d) after %d in %q", e.Start, e.End, last, text)
			}
			last = e.End
			if d, ok := e.Absolute(); ok && NewDate(d.Year, d.Month, d.Day) != d {
				t.Fatalf("Absolute of %q is %v, no calendar day", text[e.Start:e.End], d)
			}
			e.YearByWeekday(y)
			if d, ok := e.InYear(y); ok && (d.Year != y || NewDate(d.Year, d.Month, d.Day) != d) {
				t.Fatalf("InYear(%d) of %q is %v", y, text[e.Start:e.End], d)
			}
		}
		dct := Date{}
		if y >= 0 && y <= 9999 && m >= 1 && m <= 12 && day >= 1 && day <= 28 {
			dct = NewDate(y, timeMonth(m), day)
		}
		vals := Resolve(exprs, dct)
		Resolve(exprs, Date{})
		if len(vals) != len(exprs) {
			t.Fatalf("%d values for %d expressions", len(vals), len(exprs))
		}
		for _, v := range vals {
			if !utf8.ValidString(v.TIMEX3) {
				t.Fatalf("invalid value %q", v.TIMEX3)
			}
		}
		if !sameDates(vals, ResolveDates(exprs, dct)) {
			t.Fatalf("ResolveDates differs from Resolve on %q under %v", text, dct)
		}
	})
}

// sameDates reports whether dates, values of ResolveDates, are those of
// full, values of Resolve, but for TIMEX3 strings left out.
func sameDates(full, dates []Value) bool {
	if len(full) != len(dates) {
		return false
	}
	for i, v := range dates {
		w := full[i]
		if v.TIMEX3 != "" && v.TIMEX3 != w.TIMEX3 {
			return false
		}
		v.TIMEX3, w.TIMEX3 = "", ""
		if v != w {
			return false
		}
	}
	return true
}

// TestFindHugeLine checks that a long line with no punctuation is handled.
func TestFindHugeLine(t *testing.T) {
	b := make([]byte, 0, 10<<20)
	for len(b) < 10<<20 {
		b = append(b, "word May 22 2023 and 70 more "...)
	}
	exprs := Find(string(b))
	if len(exprs) == 0 {
		t.Fatal("no expressions")
	}
}
