package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readSeed returns the text of the seed article whose name starts with prefix.
func readSeed(t *testing.T, prefix string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", prefix+"_*.txt"))
	if err != nil || len(files) != 1 {
		t.Skipf("seed %s not found", prefix)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestSeeds checks the expressions of the shipped story, each seed
// resolved against a document date it accepts.
func TestSeeds(t *testing.T) {
	cases := []struct {
		seed  string
		dct   Date
		wants []want
	}{
		{"000", d(2023, 5, 24), []want{
			{"earlier this week", "DATE", "2023-W21"},
			{"recent days", "DURATION", "PXD"},
			{"May 22", "DATE", "2023-05-22"},
			{"2015", "DATE", "2015"},
			{"two days", "DURATION", "P2D"},
			{"yesterday", "DATE", "2023-05-23"},
			{"now", "DATE", "PRESENT_REF"},
		}},
		{"001", d(2023, 5, 23), []want{
			{"Monday", "DATE", "2023-05-22"},
			{"Monday morning", "TIME", "2023-05-22TMO"},
			{"currently", "DATE", "PRESENT_REF"},
			{"yesterday", "DATE", "2023-05-22"},
		}},
		{"002", d(2023, 5, 24), []want{
			{"Tuesday", "DATE", "2023-05-23"},
			{"Tuesday afternoon", "TIME", "2023-05-23TAF"},
			{"Monday", "DATE", "2023-05-22"},
			{"this week", "DATE", "2023-W21"},
			{"the early hours of Monday", "TIME", "2023-05-22TMO"},
			{"Overnight", "TIME", "2023-05-23TNI"},
			{"Tuesday morning", "TIME", "2023-05-23TMO"},
			{"a year ago", "DATE", "2022"},
			{"the past year", "DURATION", "P1Y"},
			{"last year", "DATE", "2022"},
		}},
		{"003", d(2023, 5, 24), []want{
			{"early on Wednesday, May 24", "DATE", "2023-05-24"},
			{"this Wednesday, May 24", "DATE", "2023-05-24"},
			{"recent days", "DURATION", "PXD"},
			{"the 21st century", "DATE", "20"},
			{"15 months ago", "DATE", "2022-02"},
			{"recent hours", "DURATION", "PTXH"},
			{"May 22, 2023", "DATE", "2023-05-22"},
			{"May 23, 2023", "DATE", "2023-05-23"},
			{"Tuesday", "DATE", "2023-05-23"},
			{"more than 20 years", "DURATION", "P20Y"},
			{"May 22", "DATE", "2023-05-22"},
		}},
		{"004", d(2023, 5, 24), []want{
			{"Monday", "DATE", "2023-05-22"},
			{"Tuesday afternoon", "TIME", "2023-05-23TAF"},
			{"2023-05-23T22:33:50.746Z", "TIME", "2023-05-23T22:33:50"},
			{"the previous night", "TIME", "2023-05-23TNI"},
			{"Today", "DATE", "2023-05-24"},
			{"23.05.2023", "DATE", "2023-05-23"},
		}},
	}
	for _, c := range cases {
		text := readSeed(t, c.seed)
		fs := checkWants(t, text, c.dct, c.wants...)
		checkSeedInvariants(t, c.seed, text, fs)
	}
}

// checkSeedInvariants checks what no seed may yield: a number taken for
// a year, the modal "may" taken for a month.
func checkSeedInvariants(t *testing.T, seed, text string, fs []found) {
	t.Helper()
	for _, f := range fs {
		s := text[f.e.Start:f.e.End]
		switch {
		case s == "may" || strings.HasPrefix(s, "may "):
			t.Errorf("seed %s: modal %q taken for a month", seed, s)
		case s == "70" || s == "366" || s == "9,300" || s == "12" || s == "20":
			t.Errorf("seed %s: number %q taken for a date", seed, s)
		}
	}
}

// TestSeedDetails checks the finer points the timeline relies on.
func TestSeedDetails(t *testing.T) {
	text := readSeed(t, "003")
	fs := findAll(text, d(2023, 5, 24))
	early, ok := lookup(text, fs, "early on Wednesday, May 24")
	if !ok {
		t.Fatal("early on Wednesday, May 24 not found")
	}
	if early.v.PartOfDay != "early morning" {
		t.Errorf("PartOfDay = %q", early.v.PartOfDay)
	}
	if y, ok := early.e.YearByWeekday(2023); !ok || y != 2023 {
		t.Errorf("YearByWeekday(2023) = %d, %v", y, ok)
	}
	for _, s := range []string{"May 22, 2023", "May 23, 2023"} {
		f, _ := lookup(text, fs, s)
		if got, ok := f.e.Absolute(); !ok || got.String() != "2023-05-"+s[4:6] {
			t.Errorf("%s.Absolute() = %v, %v", s, got, ok)
		}
	}
	text = readSeed(t, "004")
	fs = findAll(text, d(2023, 5, 23))
	iso, _ := lookup(text, fs, "2023-05-23T22:33:50.746Z")
	if got, ok := iso.e.Absolute(); !ok || got != d(2023, 5, 23) {
		t.Errorf("ISO time Absolute() = %v, %v", got, ok)
	}
	monday, ok := lookup(text, fs, "Monday")
	if !ok || monday.v.TIMEX3 != "2023-05-22" {
		t.Errorf("Monday's raid: %+v", monday.v)
	}
}
