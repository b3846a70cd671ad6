package main

import "testing"

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"plain.txt":                 "plain.txt",
		"café – “quoted”.txt":       "café – “quoted”.txt",
		"\x1b]0;owned\a\x1b[2J.txt": `\x1b]0;owned\a\x1b[2J.txt`,
		"two\nlines\tand tab":       `two\nlines\tand tab`,
		"bad \xff byte":             `bad \xff byte`,
		"right\u202eto left":        `right\u202eto left`,
		"real \ufffd replacement":   "real \ufffd replacement",
		"c1 \u009b control":         `c1 \u009b control`,
	} {
		if got := printable(in); got != want {
			t.Errorf("printable(%q) = %q, want %q", in, got, want)
		}
	}
}
