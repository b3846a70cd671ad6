package timex

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestRuleCases runs the cases of testdata/rules/*.txtar, a file per
// rule. Each file of an archive is one case: its name starts with the
// document date it is resolved against (YYYY-MM-DD, or "-" for none),
// optionally followed by "order=day-first" or "order=month-first" (the
// source's locale), then a description. Its content is the text with
// every expression the tagger must find marked {{wording|TYPE|VALUE}}:
// the case passes when the tagger finds exactly those, no more.
func TestRuleCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "rules", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no rule cases: %v", err)
	}
	n := 0
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			n++
			name := filepath.Base(file) + ": " + f.Name
			c, err := parseRuleCase(f.Name, string(f.Data))
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			if got := c.run(); got != c.marked {
				t.Errorf("%s (dct %v)\n got: %s\nwant: %s", name, c.dct, got, c.marked)
			}
		}
	}
	t.Logf("%d cases in %d files", n, len(files))
}

// markedCase is one case of a rule file.
type markedCase struct {
	dct    Date
	order  DateOrder
	marked string // the text with its expressions marked
	text   string // the text without marks
}

// parseRuleCase reads a case's name and marked text.
func parseRuleCase(name, marked string) (markedCase, error) {
	c := markedCase{marked: strings.TrimRight(marked, "\n")}
	fields := strings.Fields(name)
	if len(fields) == 0 {
		return c, fmt.Errorf("no document date in the name")
	}
	if fields[0] != "-" {
		d, err := ParseISODate(fields[0])
		if err != nil {
			return c, err
		}
		c.dct = d
	}
	for _, f := range fields[1:] {
		switch f {
		case "order=day-first":
			c.order = DayFirst
		case "order=month-first":
			c.order = MonthFirst
		}
	}
	var b strings.Builder
	rest := c.marked
	for {
		i := strings.Index(rest, "{{")
		if i < 0 {
			b.WriteString(rest)
			break
		}
		j := strings.Index(rest[i:], "}}")
		if j < 0 {
			return c, fmt.Errorf("unclosed mark in %q", rest[i:])
		}
		parts := strings.Split(rest[i+2:i+j], "|")
		if len(parts) != 3 {
			return c, fmt.Errorf("mark %q is not {{wording|TYPE|VALUE}}", rest[i:i+j+2])
		}
		b.WriteString(rest[:i])
		b.WriteString(parts[0])
		rest = rest[i+j+2:]
	}
	c.text = b.String()
	return c, nil
}

// run finds and resolves the case's text and returns it marked with
// what was found.
func (c markedCase) run() string {
	exprs := FindOrder(c.text, c.order)
	vals := Resolve(exprs, c.dct)
	var b strings.Builder
	last := 0
	for i, e := range exprs {
		b.WriteString(c.text[last:e.Start])
		fmt.Fprintf(&b, "{{%s|%s|%s}}", c.text[e.Start:e.End], e.Type, vals[i].TIMEX3)
		last = e.End
	}
	b.WriteString(c.text[last:])
	return b.String()
}
