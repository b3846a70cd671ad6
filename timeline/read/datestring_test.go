package read

import (
	"strings"
	"testing"
)

func TestParseDateString(t *testing.T) {
	tests := []struct {
		in, want, wantErr string
	}{
		{"2023-05-23", "2023-05-23", ""},
		{"2023-05-23T22:33:50.746Z", "2023-05-23", ""},
		{"2023-05-23T23:30:00-05:00", "2023-05-23", ""}, // the date as written, not in UTC
		{"2023-05-24T01:30:00+03:00", "2023-05-24", ""},
		{"May 23, 2023", "2023-05-23", ""},
		{"23 May 2023", "2023-05-23", ""},
		{"Tue, 23 May 2023 10:00:00 GMT", "2023-05-23", ""},
		{"23.05.2023", "2023-05-23", ""},
		{"05.06.2023", "2023-06-05", ""}, // dotted dates are day-first
		{"2024-02-29", "2024-02-29", ""},
		{"20230523", "2023-05-23", ""},
		{"05/23/2023", "2023-05-23", ""}, // 23 cannot be a month
		{"03/04/2023", "", "either way round"},
		{"May 22", "", "year"},
		{"1684880030", "", "bare number"},
		{"", "", "empty"},
		{"yesterday", "", "yesterday"},
		{"2023-02-30", "", "2023-02-30"},
		{strings.Repeat("9", 70), "", "too long"},
		// Hostile and edge dates: the first and last years a Date holds,
		// none before or after, no BCE, no February 30th.
		{"0001-01-01", "0001-01-01", ""},
		{"9999-12-31", "9999-12-31", ""},
		{"0000-01-01", "", "0000-01-01"},
		{"10000-01-01", "", "10000-01-01"},
		{"-0044-03-15", "", "-0044-03-15"},
		{"44 BC", "", "44 BC"},
		{"March 15, 44 BCE", "", "before the common era"},
		{"15 March 44 B.C.", "", "before the common era"},
		{"2023 AD", "", "2023 AD"},
		{"February 30, 2023", "", "February 30, 2023"},
		{"30 February 2023", "", "30 February 2023"},
		{"30.02.2023", "", "no such day"},
		{"2023-13-01", "", "2023-13-01"},
		{"2023-05-23\x00", "", "2023-05-23"},
		{"2023-05-23\u202e", "", "2023-05-23"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseDateString(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("parseDateString(%q) = %v, %v; want an error containing %q", tt.in, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got.String() != tt.want {
				t.Fatalf("parseDateString(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
			}
		})
	}
}

func FuzzParseDateString(f *testing.F) {
	for _, s := range []string{"2023-05-23", "May 23, 2023 10:00 PM EDT", "23.05.2023", "1/2/3", "T:", "0000-00-00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDateString(s)
		if err == nil && (d.Year < 1 || d.Year > 9999) {
			t.Fatalf("parseDateString(%q) = %v: year out of range without an error", s, d)
		}
	})
}

func TestClockIn(t *testing.T) {
	for in, want := range map[string]string{
		"2023-06-29T01:12:00Z":          "01:12",
		"2023-05-23T18:30:00-04:00":     "18:30",
		"2023-05-23T22:33:50.746Z":      "22:33",
		"Thu, 29 Jun 2023 01:12:00 GMT": "01:12",
		"2023-06-29 9:05":               "09:05",
		"2023-06-29":                    "",
		"May 22, 2023":                  "",
		"2023-06-29T25:12:00Z":          "",
		"May 23, 2023 10:00 PM EDT":     "22:00",
		"May 23, 2023 12:30 a.m.":       "00:30",
		"June 29, 2023 9:05 am":         "09:05",
	} {
		if got := clockIn(in); got != want {
			t.Errorf("clockIn(%q) = %q, want %q", in, got, want)
		}
	}
}
