package mdoc

import (
	"errors"
	"strings"
	"testing"

	"github.com/gomarkdown/markdown/ast"
	"github.com/gomarkdown/markdown/parser"

	"github.com/timeline-project/timeline/timeline"
)

// work is what gomarkdown did with a document, counted as it parsed it:
// no clock, so that a loaded machine or the race detector cannot make a
// test fail, and a bound that slips fails on any machine.
type work struct {
	// inline is the sum, over every call of an inline parser, of the
	// bytes left after its offset: what the call may scan. The
	// quadratic shapes are the calls that scan to the end of their
	// paragraph for a closer they never find.
	inline int64
	// siblings is the sum, over every node of the tree, of its children
	// squared: what the HTML renderer's linear search of a node's
	// siblings costs.
	siblings int64
}

// errOverBudget stops a counted parse whose work is over its budget.
var errOverBudget = errors.New("over the budget of work")

// countedParse parses src as Blocks and HTML do, counting the work. Once
// the inline work is over budget it stops gomarkdown (a panic out of
// the inline parser, recovered here) and returns errOverBudget: a test
// of a bound that slipped fails at once, rather than run the quadratic
// parse it was meant to prevent.
func countedParse(src []byte, budget int64) (w work, err error) {
	p := newParser()
	for c := range 256 {
		prev := p.RegisterInline(byte(c), nil)
		if prev == nil {
			continue
		}
		p.RegisterInline(byte(c), func(p *parser.Parser, data []byte, offset int) (int, ast.Node) {
			if w.inline += int64(len(data) - offset); w.inline > budget {
				panic(errOverBudget)
			}
			return prev(p, data, offset)
		})
	}
	defer func() {
		if r := recover(); r != nil {
			if r != errOverBudget {
				panic(r)
			}
			err = errOverBudget
		}
	}()
	doc := p.Parse(src)
	ast.WalkFunc(doc, func(n ast.Node, entering bool) ast.WalkStatus {
		if entering {
			children := int64(len(n.GetChildren()))
			w.siblings += children * children
		}
		return ast.GoToNext
	})
	return w, nil
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
	// lists are no longer enabled here; the inputs stay.
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
			// An endless loop here is left to go test's -timeout: a
			// test asserts no time.
			if _, err := Blocks([]byte(r.src)); err != nil {
				t.Errorf("Blocks(%q): %v", r.src, err)
			}
			if _, err := HTML([]byte(r.src)); err != nil {
				t.Errorf("HTML(%q): %v", r.src, err)
			}
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
// refused, with its plain text, and that at the largest amount of it
// within the bounds gomarkdown's work is bounded: its inline parsers
// scan at most twice MaxInlineWork bytes (each opener, and the '!' or
// '<' before it that may hand over to another parser, scans at most the
// rest of its part, and the measure charges an opener the whole part),
// and the renderer's search of siblings takes at most MaxRenderLines
// squared steps. The work is counted, not timed (see work).
func TestBoundsRefuseQuadraticInput(t *testing.T) {
	for _, q := range quadratic {
		t.Run(q.name, func(t *testing.T) {
			big := []byte(strings.Repeat(q.unit+q.sep, (1<<20)/len(q.unit+q.sep)))
			// Refused by the measure before gomarkdown may see it: a
			// bound that slipped must not run the parse it should stop.
			if !errors.Is(checkBounds(big, true), ErrTooComplex) {
				t.Fatalf("a megabyte of %q is within the bounds", q.unit)
			}
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
			n := largestWithin(t, q.unit, q.sep)
			src := []byte(strings.Repeat(q.unit+q.sep, n))
			w, err := countedParse(src, 2*MaxInlineWork)
			if err != nil {
				t.Fatalf("%d×%q: inline parsers scanned over twice the bound %d bytes: %v", n, q.unit, MaxInlineWork, err)
			}
			if w.siblings > MaxRenderLines*MaxRenderLines {
				t.Errorf("%d×%q: %d steps of sibling search, over %d²", n, q.unit, w.siblings, MaxRenderLines)
			}
			if _, err := HTML(src); err != nil {
				t.Errorf("HTML of %d×%q: %v", n, q.unit, err)
			}
		})
	}
}

// TestWorkCounted checks that countedParse counts what it says: the
// bytes an unclosed bracket's parser may scan grow with the square of
// the paragraph, and those of closed brackets only linearly.
func TestWorkCounted(t *testing.T) {
	tests := []struct {
		src    string
		inline int64
	}{
		{"", 0},
		{"plain", 0},
		{"[[[", 3 + 2 + 1},                // each '[' may scan to the end
		{"[a] [b]", 7 + 4 + 3},            // each call counts, the space's too
		{"[[[[[[", 6 + 5 + 4 + 3 + 2 + 1}, // six unclosed: the square's half
	}
	for _, tt := range tests {
		w, err := countedParse([]byte(tt.src), 1<<20)
		if err != nil || w.inline != tt.inline {
			t.Errorf("countedParse(%q): inline work %d, %v; want %d", tt.src, w.inline, err, tt.inline)
		}
	}
	if _, err := countedParse([]byte(strings.Repeat("[", 100)), 1000); !errors.Is(err, errOverBudget) {
		t.Errorf("100 unclosed brackets on a budget of 1,000 bytes: %v, want errOverBudget", err)
	}
	if w, _ := countedParse([]byte("a\n\nb\n\nc"), 1<<20); w.siblings != 3*3+1+1+1 {
		t.Errorf("three paragraphs: sibling work %d, want 12 (the document's 3², each paragraph's 1²)", w.siblings)
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
	if len(blocks) != 2 || blocks[1] != (Block{timeline.Paragraph, "second & last"}) {
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
