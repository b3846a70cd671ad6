package timex

import (
	"os"
	"path/filepath"
	"testing"
)

func TestResolveAcrossBoundaries(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"It rained yesterday.", d(2024, 3, 1), []want{{"yesterday", "DATE", "2024-02-29"}}},
		{"It rained yesterday.", d(2023, 3, 1), []want{{"yesterday", "DATE", "2023-02-28"}}},
		{"It rained yesterday.", d(2023, 1, 1), []want{{"yesterday", "DATE", "2022-12-31"}}},
		{"It rains tomorrow.", d(2022, 12, 31), []want{{"tomorrow", "DATE", "2023-01-01"}}},
		{"They met on Monday.", d(2023, 1, 1), []want{{"Monday", "DATE", "2022-12-26"}}},
		{"They met on Sunday.", d(2023, 1, 1), []want{{"Sunday", "DATE", "2023-01-01"}}},
		{"They will meet on Monday.", d(2022, 12, 31), []want{{"Monday", "DATE", "2023-01-02"}}},
		{"It fell last month.", d(2023, 1, 15), []want{{"last month", "DATE", "2022-12"}}},
		{"It rises next month.", d(2023, 12, 15), []want{{"next month", "DATE", "2024-01"}}},
		{"It rose this week.", d(2021, 1, 1), []want{{"this week", "DATE", "2020-W53"}}},
		{"It rose this week.", d(2022, 1, 2), []want{{"this week", "DATE", "2021-W52"}}},
		{"It rose last week.", d(2021, 1, 6), []want{{"last week", "DATE", "2020-W53"}}},
		{"It rises next week.", d(2020, 12, 30), []want{{"next week", "DATE", "2021-W01"}}},
		{"It fell last quarter.", d(2023, 2, 10), []want{{"last quarter", "DATE", "2022-Q4"}}},
		{"Shares fell on Dec. 28.", d(2023, 1, 5), []want{{"Dec. 28", "DATE", "2022-12-28"}}},
		{"Storm batters coast Dec. 28", d(2023, 1, 5), []want{{"Dec. 28", "DATE", "2022-12-28"}}},
		{"Summit on Jan. 4", d(2022, 12, 20), []want{{"Jan. 4", "DATE", "2023-01-04"}}},
		{"Summit on July 4", d(2022, 12, 20), []want{{"July 4", "DATE", "2022-07-04"}}},
		{"The summit will open on Jan. 4.", d(2022, 12, 20), []want{{"Jan. 4", "DATE", "2023-01-04"}}},
		{"The deadline is Feb. 29.", d(2023, 3, 1), []want{{"Feb. 29", "DATE", "2020-02-29"}}},
		{"It began a year ago.", d(2024, 2, 29), []want{{"a year ago", "DATE", "2023"}}},
		{"It began 13 months ago.", d(2024, 1, 31), []want{{"13 months ago", "DATE", "2022-12"}}},
		{"It began two days ago.", d(2024, 3, 1), []want{{"two days ago", "DATE", "2024-02-28"}}},
		{"Sales rose in December.", d(2023, 1, 10), []want{{"December", "DATE", "2022-12"}}},
		{"Sales will rise in January.", d(2022, 12, 10), []want{{"January", "DATE", "2023-01"}}},
		{"He left last winter.", d(2023, 7, 1), []want{{"last winter", "DATE", "2022-WI"}}},
		{"It ended this decade.", d(2019, 6, 1), []want{{"this decade", "DATE", "201"}}},
	})
}

func TestResolveWeekdaysOfSeeds(t *testing.T) {
	dct := d(2023, 5, 24) // a Wednesday
	runRuleCases(t, []ruleCase{
		{"It started on Monday.", dct, []want{{"Monday", "DATE", "2023-05-22"}}},
		{"It started on Wednesday.", dct, []want{{"Wednesday", "DATE", "2023-05-24"}}},
		{"They will meet on Friday.", dct, []want{{"Friday", "DATE", "2023-05-26"}}},
		{"They will meet on Wednesday.", dct, []want{{"Wednesday", "DATE", "2023-05-24"}}},
		{"They met this Friday.", dct, []want{{"this Friday", "DATE", "2023-05-26"}}},
	})
}

func TestResolveZeroDCT(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"They met on May 22.", Date{}, []want{{"May 22", "DATE", "XXXX-05-22"}}},
		{"They met on Monday.", Date{}, []want{{"Monday", "DATE", "XXXX-WXX-1"}}},
		{"They met Tuesday afternoon.", Date{}, []want{{"Tuesday afternoon", "TIME", "XXXX-WXX-2TAF"}}},
		{"They met yesterday.", Date{}, []want{{"yesterday", "DATE", "XXXX-XX-XX"}}},
		{"They met this week.", Date{}, []want{{"this week", "DATE", "XXXX-WXX"}}},
		{"They met on May 22, 2023.", Date{}, []want{{"May 22, 2023", "DATE", "2023-05-22"}}},
		{"They met on May 22, 2023. The next day they left.", Date{}, []want{{"The next day", "DATE", "2023-05-23"}}},
		{"It lasted two days.", Date{}, []want{{"two days", "DURATION", "P2D"}}},
	})
	fs := findAll("They met on Monday and on May 22, 2023.", Date{})
	if len(fs) != 2 {
		t.Fatalf("found %d expressions", len(fs))
	}
	if v := fs[0].v; v.Precision != PrecisionNone || !v.Date.IsZero() || !v.Relative {
		t.Errorf("Monday with no DCT: %+v", v)
	}
	if v := fs[1].v; v.Precision != PrecisionDay || v.Date != d(2023, 5, 22) || v.Relative {
		t.Errorf("May 22, 2023 with no DCT: %+v", v)
	}
}

func TestValueFields(t *testing.T) {
	dct := d(2023, 5, 24)
	cases := []struct {
		text, expr string
		date       Date
		prec       Precision
		pod, mod   string
		relative   bool
	}{
		{"It rose this week.", "this week", d(2023, 5, 22), PrecisionWeek, "", "", true},
		{"Filed 2023-05 data in May 2023.", "May 2023", d(2023, 5, 1), PrecisionMonth, "", "", false},
		{"It started 15 months ago.", "15 months ago", d(2022, 2, 1), PrecisionMonth, "", "", true},
		{"Clashes since Monday morning.", "Monday morning", d(2023, 5, 22), PrecisionDay, "morning", "", true},
		{"A drone attack hit early on Wednesday, May 24.", "early on Wednesday, May 24", d(2023, 5, 24), PrecisionDay, "early morning", "START", true},
		{"In the early hours of Monday.", "the early hours of Monday", d(2023, 5, 22), PrecisionDay, "early morning", "", true},
		{"Overnight, videos surfaced.", "Overnight", d(2023, 5, 23), PrecisionDay, "overnight", "", true},
		{"It fell early Tuesday.", "early Tuesday", d(2023, 5, 23), PrecisionDay, "early morning", "START", true},
		{"He ruled for more than 20 years.", "more than 20 years", Date{}, PrecisionNone, "", "MORE_THAN", false},
		{"The 1990s were calm.", "The 1990s", d(1990, 1, 1), PrecisionDecade, "", "", false},
		{"In the 21st century.", "the 21st century", d(2000, 1, 1), PrecisionCentury, "", "", false},
		{"In 2015 it began.", "2015", d(2015, 1, 1), PrecisionYear, "", "", false},
		{"Last summer it began.", "Last summer", d(2022, 6, 1), PrecisionSeason, "", "", true},
		{"In the third quarter of 2022.", "the third quarter of 2022", d(2022, 7, 1), PrecisionQuarter, "", "", false},
	}
	for _, c := range cases {
		fs := findAll(c.text, dct)
		f, ok := lookup(c.text, fs, c.expr)
		if !ok {
			t.Errorf("%q: %q not found:%s", c.text, c.expr, describe(c.text, fs))
			continue
		}
		v := f.v
		if v.Date != c.date || v.Precision != c.prec || v.PartOfDay != c.pod || v.Mod != c.mod || v.Relative != c.relative {
			t.Errorf("%q: got date %v %v pod %q mod %q relative %v, want %v %v %q %q %v", c.expr,
				v.Date, v.Precision, v.PartOfDay, v.Mod, v.Relative, c.date, c.prec, c.pod, c.mod, c.relative)
		}
	}
}

func TestAbsoluteAndYearByWeekday(t *testing.T) {
	cases := []struct {
		text     string
		abs      Date
		hasAbs   bool
		near     int
		year     int
		hasYear  bool
		exprText string
	}{
		{"On May 22, 2023 it began.", d(2023, 5, 22), true, 0, 0, false, "May 22, 2023"},
		{"Posted 2023-05-23T22:33:50.746Z.", d(2023, 5, 23), true, 0, 0, false, "2023-05-23T22:33:50.746Z"},
		{"Result 23.05.2023.", d(2023, 5, 23), true, 0, 0, false, "23.05.2023"},
		{"It hit early on Wednesday, May 24, Moscow said.", Date{}, false, 2023, 2023, true, "early on Wednesday, May 24"},
		{"It hit on Wednesday, May 24.", Date{}, false, 2021, 2023, true, "Wednesday, May 24"},
		{"It hit on Thursday, Feb. 29.", Date{}, false, 2023, 2024, true, "Thursday, Feb. 29"},
		{"It hit on Tue MAY 2.", Date{}, false, 0, 0, false, "Tue MAY 2"},
		{"It hit on Tuesday, May 2.", Date{}, false, 1, 6, true, "Tuesday, May 2"},
		{"It hit on Tuesday, May 2.", Date{}, false, 9999, 9995, true, "Tuesday, May 2"},
		{"It hit on Tuesday, May 2.", Date{}, false, 10000, 0, false, "Tuesday, May 2"},
		{"It hit on May 24.", Date{}, false, 2023, 0, false, "May 24"},
		{"It hit on Monday.", Date{}, false, 2023, 0, false, "Monday"},
	}
	for _, c := range cases {
		fs := findAll(c.text, Date{})
		f, ok := lookup(c.text, fs, c.exprText)
		if !ok {
			t.Errorf("%q: %q not found:%s", c.text, c.exprText, describe(c.text, fs))
			continue
		}
		if got, ok := f.e.Absolute(); ok != c.hasAbs || got != c.abs {
			t.Errorf("%q.Absolute() = %v, %v; want %v, %v", c.exprText, got, ok, c.abs, c.hasAbs)
		}
		if got, ok := f.e.YearByWeekday(c.near); ok != c.hasYear || got != c.year {
			t.Errorf("%q.YearByWeekday(%d) = %v, %v; want %v, %v", c.exprText, c.near, got, ok, c.year, c.hasYear)
		}
	}
}

func TestTense(t *testing.T) {
	cases := []struct {
		text, expr string
		tense      Tense
	}{
		{"Officials said on Tuesday that it ended.", "Tuesday", TensePast},
		{"Leaders will meet on Friday.", "Friday", TenseFuture},
		{"Ukraine is expected to launch it on Friday.", "Friday", TenseFuture},
		{"Kyiv plans to respond next week.", "next week", TenseFuture},
		{"The vote is due to take place on Sunday.", "Sunday", TenseFuture},
		{"The army has been fighting since Monday.", "Monday", TensePast},
		{"It began a year ago.", "a year ago", TensePast},
		{"Result Today.", "Today", TenseUnknown},
		{"The government declared three days of mourning starting Thursday.", "Thursday", TenseFuture},
		{"Starting Monday, the fighting intensified.", "Monday", TensePast},
	}
	for _, c := range cases {
		fs := findAll(c.text, d(2023, 5, 24))
		f, ok := lookup(c.text, fs, c.expr)
		if !ok {
			t.Errorf("%q: %q not found:%s", c.text, c.expr, describe(c.text, fs))
			continue
		}
		if f.e.Tense != c.tense {
			t.Errorf("%q: tense of %q = %d, want %d", c.text, c.expr, f.e.Tense, c.tense)
		}
	}
}

func TestInYear(t *testing.T) {
	cases := []struct {
		text, expr string
		year       int
		want       Date
		ok         bool
	}{
		{"It began on May 22.", "May 22", 2023, d(2023, 5, 22), true},
		{"It hit on Wednesday, May 24.", "Wednesday, May 24", 2023, d(2023, 5, 24), true},
		{"It began on 22 March.", "22 March", 2013, d(2013, 3, 22), true},
		{"It ends on Feb. 29.", "Feb. 29", 2023, Date{}, false},
		{"It ends on Feb. 29.", "Feb. 29", 2024, d(2024, 2, 29), true},
		{"Shops close at Thanksgiving.", "Thanksgiving", 2023, d(2023, 11, 23), true},
		{"It began on May 22, 2023.", "May 22, 2023", 2023, Date{}, false},
		{"It began in May.", "May", 2023, Date{}, false},
		{"It began on Monday.", "Monday", 2023, Date{}, false},
	}
	for _, c := range cases {
		fs := findAll(c.text, Date{})
		f, ok := lookup(c.text, fs, c.expr)
		if !ok {
			t.Errorf("%q: %q not found:%s", c.text, c.expr, describe(c.text, fs))
			continue
		}
		if got, ok := f.e.InYear(c.year); got != c.want || ok != c.ok {
			t.Errorf("%q.InYear(%d) = %v, %v; want %v, %v", c.expr, c.year, got, ok, c.want, c.ok)
		}
	}
}

// TestResolveDatesAgrees resolves every rule case's text and the seeds
// under several document dates with Resolve and ResolveDates: their
// values agree but for the TIMEX3 strings ResolveDates leaves out.
func TestResolveDatesAgrees(t *testing.T) {
	var texts []string
	for _, pattern := range []string{"testdata/rules/*.txtar", "../../testdata/seeds/*.txt"} {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			t.Fatalf("no files %s: %v", pattern, err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(data))
		}
	}
	dcts := []Date{{}, NewDate(2023, 5, 24), NewDate(2020, 2, 29), NewDate(1999, 12, 31), NewDate(1, 1, 1)}
	for _, text := range texts {
		exprs := Find(text)
		for _, dct := range dcts {
			if !sameDates(Resolve(exprs, dct), ResolveDates(exprs, dct)) {
				t.Errorf("ResolveDates differs from Resolve under %v on %.60q…", dct, text)
			}
		}
	}
}
