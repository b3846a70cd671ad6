package mdoc

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// hangLimit is how long a call may take before a test calls it hung: far
// above what any input here takes (under a second on a loaded machine),
// so that it fails only on a loop, not on a slow machine.
const hangLimit = 20 * time.Second

// finishes runs f and fails the test when it has not returned within
// hangLimit; the goroutine is then left behind, the test binary's end
// stopping it.
func finishes(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(hangLimit):
		t.Fatalf("%s did not finish in %v", what, hangLimit)
	}
}

// knownReports are the inputs behind gomarkdown's published crash and
// loop reports, with the version pinned in go.mod past each fix. The
// fuzz corpus (testdata/fuzz/FuzzMarkdown/cve-*) holds them too.
var knownReports = []struct{ report, src string }{
	// CVE-2023-42821 (GHSA-m9xq-6h2j-65r2): out-of-bounds read in
	// citation.go with the Mmark extension, on a citation with nothing
	// after '@'; fixed in 0.0.0-20230922105210-14b16010c2ee. This
	// project does not enable Mmark: the inputs must read as text.
	{"CVE-2023-42821", "[@]"},
	{"CVE-2023-42821", "[@!]"},
	{"CVE-2023-42821", "[@;]"},
	{"CVE-2023-42821", "[@ref;]"},
	{"CVE-2023-42821", "[@ref1;;@ref2]"},
	{"CVE-2023-42821", "text [@, p. 1] text"},
	// CVE-2024-44337 (GHSA-xhr3-wf7j-h255, gomarkdown issue 311): an
	// endless loop in paragraph() on a definition list's ':' after a
	// fence; fixed in 0.0.0-20240729212818-a2a9c4f76ef5. Definition
	// lists are enabled here.
	{"CVE-2024-44337", "~~~~\xb4~\x94~\x94~\xd1\r\r:\xb4\x94\x94~\x9f~\xb4~\x94~\x94\x94"},
	{"CVE-2024-44337", "[[[[[[\n\t: ]]]]]]\n\n: \n\n:(()"},
	{"CVE-2024-44337", ":\x00\x00\x00\x01V\n>* \x00\x80e\n\t* \n\n:\t"},
	{"CVE-2024-44337", "\xa2 \n\t: \n: "},
	// CVE-2026-40890 (GHSA-77fj-vx54-gvh7): out-of-bounds read in the
	// Smartypants renderer on a '<' with no '>' after it; fixed in
	// 0.0.0-20260411013819-759bbc3e3207. Smartypants is not enabled
	// here.
	{"CVE-2026-40890", "<"},
	{"CVE-2026-40890", "a < b"},
	{"CVE-2026-40890", "\"quoted\" -- 1/2 <"},
	{"CVE-2026-40890", "*emphasis <*"},
	{"CVE-2026-40890", "[link](u) 'a' <"},
}

func TestKnownReports(t *testing.T) {
	for _, r := range knownReports {
		t.Run(r.report, func(t *testing.T) {
			finishes(t, "Blocks and HTML of "+r.report, func() {
				if _, err := Blocks([]byte(r.src)); err != nil {
					t.Errorf("Blocks(%q): %v", r.src, err)
				}
				if _, err := HTML([]byte(r.src)); err != nil {
					t.Errorf("HTML(%q): %v", r.src, err)
				}
			})
		})
	}
}

// quadratic are shapes of input gomarkdown takes time quadratic in.
var quadratic = []struct{ name, unit, sep string }{
	{"unclosed brackets", "[", ""},
	{"unclosed backticks", "`", ""},
	{"unclosed images", "![", ""},
	{"bracket and parenthesis", "[(", ""},
	{"unclosed comments", "<!--", ""},
	{"emphasis and bracket", "*[", ""},
	{"unclosed link destinations", "[a](<b", ""},
	{"one-line paragraphs", "a", "\n\n"},
	{"definition list", "a\n: b", "\n\n"},
}

// TestBoundsRefuseQuadraticInput checks that a megabyte of each shape is
// refused at once, with its plain text, and that the largest amount of it
// within the bounds is read.
func TestBoundsRefuseQuadraticInput(t *testing.T) {
	for _, q := range quadratic {
		t.Run(q.name, func(t *testing.T) {
			big := []byte(strings.Repeat(q.unit+q.sep, (1<<20)/len(q.unit+q.sep)))
			finishes(t, "a megabyte of "+q.name, func() {
				_, errB := Blocks(big)
				out, errH := HTML(big)
				if !errors.Is(errH, ErrTooComplex) {
					t.Errorf("HTML of a megabyte of %q: err %v, want ErrTooComplex", q.unit, errH)
				}
				if q.sep == "" && !errors.Is(errB, ErrTooComplex) {
					t.Errorf("Blocks of a megabyte of %q: err %v, want ErrTooComplex", q.unit, errB)
				}
				if strings.Contains(out, "<!--") || !strings.HasPrefix(out, "<p>") {
					t.Errorf("HTML's plain text of %q is not escaped paragraphs: %.40q", q.unit, out)
				}
			})
			n := largestWithin(t, q.unit, q.sep)
			src := []byte(strings.Repeat(q.unit+q.sep, n))
			finishes(t, "the largest "+q.name+" within the bounds", func() {
				if _, err := Blocks(src); err != nil {
					t.Errorf("Blocks of %d×%q: %v", n, q.unit, err)
				}
				if _, err := HTML(src); err != nil {
					t.Errorf("HTML of %d×%q: %v", n, q.unit, err)
				}
			})
		})
	}
}

// largestWithin returns the most repetitions of unit+sep HTML accepts.
func largestWithin(t *testing.T, unit, sep string) int {
	t.Helper()
	lo, hi := 1, 1<<20
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if checkBounds([]byte(strings.Repeat(unit+sep, mid)), true) != nil {
			hi = mid - 1
		} else {
			lo = mid
		}
	}
	if lo < 100 {
		t.Fatalf("only %d×%q within the bounds: too tight for any document", lo, unit)
	}
	return lo
}

func TestMeasure(t *testing.T) {
	tests := []struct {
		src          string
		work         int64
		lines, cells int
	}{
		{"", 0, 0, 0},
		{"[a", 1 * 3, 1, 0},
		{"[a\n\n[b", 3 + 3, 3, 0},
		{"[a\r\n\r\n[b", 3 + 3, 3, 0},         // CRLF line ends
		{"[a\r\r[b", 3 + 3, 3, 0},             // CR alone ends a line, as in gomarkdown
		{"[a\n \t\n[b", 3 + 3, 3, 0},          // spaces and tabs only: blank
		{"[a\n\v\n[b", 2 * (3 + 2 + 3), 3, 0}, // a vertical tab is not blank to gomarkdown
		{"| a | b |\n|---|---|", 0, 2, 3},
		{"\t[", 1 * (2 + 1 + 3), 1, 0}, // a tab may become four spaces
	}
	for _, tt := range tests {
		sh := measure([]byte(tt.src))
		if sh.inlineWork != tt.work || sh.lines != tt.lines || sh.widestRow != tt.cells {
			t.Errorf("measure(%q) = %+v, want work %d, lines %d, cells %d", tt.src, sh, tt.work, tt.lines, tt.cells)
		}
	}
}

func TestPlainFallback(t *testing.T) {
	src := []byte(strings.Repeat("[", 1<<17) + "<script>alert(1)</script>\n\n\tsecond & last\r\n")
	blocks, err := Blocks(src)
	if !errors.Is(err, ErrTooComplex) {
		t.Fatalf("Blocks: err %v, want ErrTooComplex", err)
	}
	if len(blocks) != 2 || blocks[1] != (Block{Paragraph, "second & last"}) {
		t.Errorf("Blocks' plain blocks: %d blocks, last %q", len(blocks), blocks[len(blocks)-1])
	}
	out, err := HTML(src)
	if !errors.Is(err, ErrTooComplex) {
		t.Fatalf("HTML: err %v, want ErrTooComplex", err)
	}
	if strings.Contains(out, "<script") || !strings.HasSuffix(out, "<p>second &amp; last</p>\n") {
		t.Errorf("HTML's plain text not escaped: …%q", out[len(out)-80:])
	}
}
