package site

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/build"
)

// isolatedSelectors are the selectors that style.css gives
// unicode-bidi: isolate; text elsewhere needs a <bdi> around it.
var isolatedSelectors = []string{"h1", ".kicker", ".lead", ".entry-title", ".summary", ".account p", ".cite-name",
	".cite-quote", ".sentence", ".key-title", ".source-list a", ".publisher", ".citer-list a", ".source-facts dd", ".url-text"}

// TestBidiControlsAreIsolated renders a story whose source text, titles,
// speakers and notes hold right-to-left overrides: every one on a page
// is in a <bdi> or an element that style.css isolates, so that none
// reorders the text around it.
func TestBidiControlsAreIsolated(t *testing.T) {
	css, err := os.ReadFile("../assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	rule := regexp.MustCompile(`([^{}]*)\{\s*unicode-bidi:\s*isolate;\s*\}`).FindSubmatch(css)
	if rule == nil {
		t.Fatal("style.css has no rule of unicode-bidi: isolate alone")
	}
	var inCSS []string
	selectors := regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(string(rule[1]), "")
	for _, s := range strings.Split(selectors, ",") {
		inCSS = append(inCSS, strings.Join(strings.Fields(s), " "))
	}
	for _, s := range isolatedSelectors {
		if !slices.Contains(inCSS, s) {
			t.Errorf("style.css does not isolate %q", s)
		}
	}
	const rlo = "\u202e"
	text := "---\npublished: 2023-05-24\n---\n# " + rlo + "Bridge report\n\n" +
		"Officials said on Tuesday, May 23, 2023, that " + rlo + "the bridge was closed after the storm. " + rlo + "x\n\n" +
		"The mayor " + rlo + "Ivan said on Wednesday, May 24, 2023, that the repairs would take " + rlo + "weeks.\n"
	tl, _, err := build.Build([]timeline.Input{{Name: "bidi.txt", Data: []byte(text)},
		{Name: "other.txt", Data: []byte("---\npublished: 2023-05-25\n---\nOfficials said on Monday, May 22, 2023, that the bridge was closed after the storm.\n")}},
		build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Events) == 0 {
		t.Fatal("no events")
	}
	for i := range tl.Events {
		e := &tl.Events[i]
		e.Title, e.Summary = rlo+e.Title, rlo+e.Summary
		e.ClaimedBy = append(e.ClaimedBy, rlo+"Governor", "Mayor")
		e.Dating = timeline.Dating{Basis: timeline.DatedContext, Note: "dated by “" + rlo + "it”"}
		e.Accounts = append(e.Accounts, timeline.Account{Speaker: rlo + "Mayor", Summary: rlo + "says", Citations: []int{0}})
		e.OtherDates = append(e.OtherDates, timeline.OtherDate{Source: e.Citations[0].Source, Date: "2023-05-20", DateText: rlo + "Saturday"})
		for j := range e.Citations {
			e.Citations[j].Speaker, e.Citations[j].DateText = rlo+"Ivan", rlo+"on Tuesday"
		}
	}
	files := render(t, tl)
	found := 0
	for name, page := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, at := range unisolated(string(page), rlo) {
			t.Errorf("%s: override not isolated in %s", name, at)
		}
		found += strings.Count(string(page), rlo)
	}
	if found < 10 {
		t.Errorf("only %d overrides on the pages: the test shows too few", found)
	}
}

// htmlTag matches a start or end tag, with its class attribute if any.
var htmlTag = regexp.MustCompile(`<(/?)([a-z0-9]+)((?:[^>"]|"[^"]*")*)>`)

// htmlClass finds the class attribute of a tag.
var htmlClass = regexp.MustCompile(`\sclass="([^"]*)"`)

// openElement is an element open at a point of a page.
type openElement struct {
	tag     string
	classes []string
}

// matches reports whether e matches a simple selector: "tag", ".class".
func (e openElement) matches(sel string) bool {
	if c, ok := strings.CutPrefix(sel, "."); ok {
		return slices.Contains(e.classes, c)
	}
	return e.tag == sel
}

// unisolated returns, for each occurrence of mark in the text of the
// body of page that is neither inside a <bdi> nor directly inside an
// element of isolatedSelectors, the elements open there.
func unisolated(page, mark string) []string {
	var out []string
	var stack []openElement
	base := strings.Index(page, "<body")
	pos := base
	for _, m := range htmlTag.FindAllStringSubmatchIndex(page[base:], -1) {
		start, end := base+m[0], base+m[1]
		for k := strings.Count(page[pos:start], mark); k > 0; k-- {
			if !isolatedIn(stack) {
				out = append(out, describeStack(stack))
			}
		}
		pos = end
		tag := page[base+m[4] : base+m[5]]
		switch {
		case m[3] > m[2]: // an end tag
			for j := len(stack) - 1; j >= 0; j-- {
				if stack[j].tag == tag {
					stack = stack[:j]
					break
				}
			}
		case slices.Contains([]string{"meta", "link", "input", "br", "img", "hr"}, tag):
		default:
			e := openElement{tag: tag}
			if c := htmlClass.FindStringSubmatch(page[start:end]); c != nil {
				e.classes = strings.Fields(c[1])
			}
			stack = append(stack, e)
		}
	}
	return out
}

// isolatedIn reports whether text with the elements of stack open is
// isolated: inside a <bdi>, or directly inside an isolated element.
func isolatedIn(stack []openElement) bool {
	if len(stack) == 0 {
		return false
	}
	if slices.ContainsFunc(stack, func(e openElement) bool { return e.tag == "bdi" }) {
		return true
	}
	inner := stack[len(stack)-1]
	for _, sel := range isolatedSelectors {
		parts := strings.Fields(sel)
		if !inner.matches(parts[len(parts)-1]) {
			continue
		}
		if len(parts) == 1 || slices.ContainsFunc(stack[:len(stack)-1], func(e openElement) bool { return e.matches(parts[0]) }) {
			return true
		}
	}
	return false
}

// describeStack names the open elements, outermost first.
func describeStack(stack []openElement) string {
	var parts []string
	for _, e := range stack {
		parts = append(parts, e.tag+strings.Join(append([]string{""}, e.classes...), "."))
	}
	return strings.Join(parts, " > ")
}
