package timex

import (
	"strings"
	"testing"
)

// want is an expression a test expects: its exact text, type and value.
type want struct {
	text, typ, value string
}

// found is one expression of a text with its value, for test messages.
type found struct {
	e Expr
	v Value
}

// findAll finds and resolves the expressions of text.
func findAll(text string, dct Date) []found {
	exprs := Find(text)
	vals := Resolve(exprs, dct)
	out := make([]found, len(exprs))
	for i := range exprs {
		out[i] = found{exprs[i], vals[i]}
	}
	return out
}

// describe lists expressions for a failure message.
func describe(text string, fs []found) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("\n\t" + text[f.e.Start:f.e.End] + " " + string(f.e.Type) + " " + f.v.TIMEX3)
	}
	return b.String()
}

// lookup returns the expression whose text is exactly s.
func lookup(text string, fs []found, s string) (found, bool) {
	for _, f := range fs {
		if text[f.e.Start:f.e.End] == s {
			return f, true
		}
	}
	return found{}, false
}

// checkWants checks that each want is found with its type and value.
func checkWants(t *testing.T, text string, dct Date, wants ...want) []found {
	t.Helper()
	fs := findAll(text, dct)
	for _, w := range wants {
		f, ok := lookup(text, fs, w.text)
		switch {
		case !ok:
			t.Errorf("%q (dct %v): %q not found; found:%s", text, dct, w.text, describe(text, fs))
		case string(f.e.Type) != w.typ || f.v.TIMEX3 != w.value:
			t.Errorf("%q (dct %v): %q = %s %s, want %s %s", text, dct, w.text, f.e.Type, f.v.TIMEX3, w.typ, w.value)
		}
	}
	return fs
}

// checkNone checks that no expression overlaps any of the words.
func checkNone(t *testing.T, text string, words ...string) {
	t.Helper()
	fs := findAll(text, NewDate(2023, 5, 24))
	for _, w := range words {
		at := strings.Index(text, w)
		if at < 0 {
			t.Fatalf("%q not in %q", w, text)
		}
		for _, f := range fs {
			if f.e.Start < at+len(w) && at < f.e.End {
				t.Errorf("%q: %q should not be an expression, found %q", text, w, text[f.e.Start:f.e.End])
			}
		}
	}
}

// d is a short constructor for test dates.
func d(y, m, day int) Date { return NewDate(y, timeMonth(m), day) }
