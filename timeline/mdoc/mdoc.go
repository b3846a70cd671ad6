// Package mdoc is the project's one way into gomarkdown: it reads a
// Markdown document into blocks of plain text and renders one to HTML
// that is safe to publish.
//
// Every call makes its own parser and renderer (gomarkdown's are not
// reusable), a document gomarkdown would take too long over is refused
// before it starts (see bounds.go), and a panic inside gomarkdown comes
// back as an error. On either, the document's plain text is returned
// with the error, so that a caller may still use it.
package mdoc

import (
	"errors"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/gomarkdown/markdown"
	"github.com/gomarkdown/markdown/ast"
	mdhtml "github.com/gomarkdown/markdown/html"
	"github.com/gomarkdown/markdown/parser"

	"github.com/timeline-project/timeline/timeline"
)

// extensions are the Markdown extensions sources and site.md are read
// with: CommonMark-like documents with tables, fenced code, autolinks and
// strikethrough. MathJax is left out: a dollar sign in a news text is
// money, not mathematics. Definition lists are left out too: a line
// opening with ": " (a reply, a transcript) made the paragraph before it
// a term, and gomarkdown kept only the term's last line, so the text
// above it was lost.
const extensions = parser.NoIntraEmphasis | parser.Tables | parser.FencedCode |
	parser.Autolink | parser.Strikethrough | parser.SpaceHeadings |
	parser.BackslashLineBreak

// Block is one block of a Markdown document as plain text: inline markup
// removed, links reduced to their text, raw HTML and images left out.
type Block struct {
	Kind timeline.BlockKind
	Text string
}

// newParser returns a parser with the project's extensions.
func newParser() *parser.Parser { return parser.NewWithExtensions(extensions) }

func parse(src []byte) ast.Node { return newParser().Parse(src) }

// Blocks returns the blocks of the Markdown document src in reading order.
// Blocks with no text are left out. When src is too costly to parse
// (the error wraps ErrTooComplex) or gomarkdown panics, the error comes
// with src's plain blocks: its parts between blank lines, markup left
// as written.
func Blocks(src []byte) (blocks []Block, err error) {
	if err := checkBounds(src, false); err != nil {
		return plainBlocks(src), fmt.Errorf("read Markdown: %w", err)
	}
	defer func() {
		if r := recover(); r != nil {
			blocks, err = plainBlocks(src), fmt.Errorf("read Markdown: %w: %v", errPanicked, r)
		}
	}()
	doc := parse(src)
	ast.WalkFunc(doc, func(node ast.Node, entering bool) ast.WalkStatus {
		if !entering {
			return ast.GoToNext
		}
		var kind timeline.BlockKind
		switch n := node.(type) {
		case *ast.Heading:
			kind = timeline.Heading
		case *ast.Paragraph:
			kind = enclosingKind(n)
		case *ast.CodeBlock:
			blocks = appendBlock(blocks, timeline.Code, string(n.Literal))
			return ast.SkipChildren
		case *ast.TableRow:
			kind = timeline.Paragraph
		case *ast.HTMLBlock:
			return ast.SkipChildren
		default:
			return ast.GoToNext
		}
		var text strings.Builder
		writeInlineText(&text, node)
		blocks = appendBlock(blocks, kind, text.String())
		return ast.SkipChildren
	})
	return blocks, nil
}

func appendBlock(blocks []Block, kind timeline.BlockKind, text string) []Block {
	text = strings.TrimSpace(text)
	if text == "" {
		return blocks
	}
	return append(blocks, Block{Kind: kind, Text: text})
}

// enclosingKind says what a paragraph is by its nearest list item or
// block quote.
func enclosingKind(n ast.Node) timeline.BlockKind {
	for p := n.GetParent(); p != nil; p = p.GetParent() {
		switch p.(type) {
		case *ast.ListItem:
			return timeline.ListItem
		case *ast.BlockQuote:
			return timeline.Quote
		}
	}
	return timeline.Paragraph
}

// writeInlineText writes the plain text under node: text and code spans,
// with line breaks as they stand; images and raw HTML are skipped, table
// cells are separated by " | ". (A cell's place is counted here rather
// than found with ast.GetPrevNode, which searches the row: quadratic in
// a row of many cells.)
func writeInlineText(w *strings.Builder, node ast.Node) {
	cells := 0
	ast.WalkFunc(node, func(n ast.Node, entering bool) ast.WalkStatus {
		if !entering {
			return ast.GoToNext
		}
		switch n := n.(type) {
		case *ast.Text:
			w.WriteString(html.UnescapeString(string(n.Literal)))
		case *ast.Code:
			w.Write(n.Literal)
		case *ast.Softbreak, *ast.Hardbreak:
			w.WriteByte('\n')
		case *ast.TableCell:
			if cells > 0 {
				w.WriteString(" | ")
			}
			cells++
		case *ast.Image, *ast.HTMLSpan, *ast.HTMLBlock:
			return ast.SkipChildren
		}
		return ast.GoToNext
	})
}

// HTML renders the Markdown document src to HTML safe to embed in a page:
// raw HTML is dropped; links keep only http, https, mailto, fragment and
// relative destinations (others become plain text); images are kept
// only when they point inside the site (a relative path), else their alt
// text stands in for them, so nothing is loaded from another host.
// Headings go one level down: the document sits under the page's h1.
//
// When src is too costly to render (the error wraps ErrTooComplex) or
// gomarkdown panics, the error comes with src's plain text as HTML, a
// paragraph per part between blank lines, escaped: safe to embed too.
func HTML(src []byte) (out string, err error) {
	if err := checkBounds(src, true); err != nil {
		return plainHTML(src), fmt.Errorf("render Markdown: %w", err)
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = plainHTML(src), fmt.Errorf("render Markdown: %w: %v", errPanicked, r)
		}
	}()
	renderer := mdhtml.NewRenderer(mdhtml.RendererOptions{
		Flags:           mdhtml.SkipHTML | mdhtml.Safelink | mdhtml.NoreferrerLinks | mdhtml.NoopenerLinks,
		RenderNodeHook:  renderHook,
		HeadingIDPrefix: "intro-",
	})
	renderer.IsSafeURLOverride = SafeLink
	return string(markdown.Render(parse(src), renderer)), nil
}

// CheckHTML returns the error that HTML would return for src being too
// costly to render (it wraps ErrTooComplex), without rendering it, or
// nil: a linear measure of src.
func CheckHTML(src []byte) error {
	if err := checkBounds(src, true); err != nil {
		return fmt.Errorf("render Markdown: %w", err)
	}
	return nil
}

// renderHook changes how two kinds of node render. A heading goes one
// level down, since the page has its own h1. An image whose source is
// not a safe relative path renders as nothing but its alt text (its
// children).
func renderHook(w io.Writer, node ast.Node, entering bool) (ast.WalkStatus, bool) {
	switch n := node.(type) {
	case *ast.Heading:
		if entering {
			n.Level = min(n.Level+1, 6)
		}
	case *ast.Image:
		if !safeRelative(asBrowserReads(n.Destination)) {
			return ast.GoToNext, true
		}
	}
	return ast.GoToNext, false
}

// SafeLink reports whether a link destination may be published: an
// http, https or mailto URL, a fragment, or a relative path, judged as
// a browser will read it from the page (see asBrowserReads).
func SafeLink(dest []byte) bool {
	d := asBrowserReads(dest)
	lower := strings.ToLower(d)
	for _, scheme := range []string{"http://", "https://", "mailto:"} {
		if strings.HasPrefix(lower, scheme) {
			return true
		}
	}
	return safeRelative(d)
}

// asBrowserReads returns a destination as a browser reads the attribute
// gomarkdown writes for it: gomarkdown decodes character references
// ("&#106;avascript:") before it escapes the destination into the page,
// and a browser's URL parser drops tabs and line breaks anywhere
// ("jav\tascript:") and control characters and spaces at either end.
func asBrowserReads(dest []byte) string {
	s := html.UnescapeString(string(dest))
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
	return strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
}

// safeRelative reports whether d, as asBrowserReads gives it, is a
// relative reference: no scheme, not to another host ("//host", and
// "\\host" or "/\\host", which browsers read alike), no control
// characters.
func safeRelative(d string) bool {
	if d == "" {
		return false
	}
	if len(d) >= 2 && (d[0] == '/' || d[0] == '\\') && (d[1] == '/' || d[1] == '\\') {
		return false
	}
	for _, c := range []byte(d) {
		if c < 0x20 || c == 0x7f {
			return false
		}
	}
	colon := strings.IndexByte(d, ':')
	if colon < 0 {
		return true
	}
	// A colon after the first '/', '?' or '#' is not a scheme separator.
	cut := strings.IndexAny(d, "/?#")
	return cut >= 0 && cut < colon
}

// errPanicked is wrapped by the error of a call in which gomarkdown
// panicked.
var errPanicked = errors.New("gomarkdown panicked")

// plainBlocks returns src's parts between blank lines as paragraphs,
// markup left as written: what is left of a document gomarkdown could
// not read.
func plainBlocks(src []byte) []Block {
	var blocks []Block
	for _, part := range plainParts(src) {
		blocks = appendBlock(blocks, timeline.Paragraph, part)
	}
	return blocks
}

// plainHTML returns src's parts between blank lines as escaped HTML
// paragraphs.
func plainHTML(src []byte) string {
	var b strings.Builder
	for _, part := range plainParts(src) {
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(part))
		b.WriteString("</p>\n")
	}
	return b.String()
}

// plainParts splits src at its blank lines, each part trimmed, empty
// parts left out; line ends are read as gomarkdown reads them.
func plainParts(src []byte) []string {
	var parts []string
	var cur strings.Builder
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			parts = append(parts, strings.ToValidUTF8(s, "\uFFFD"))
		}
		cur.Reset()
	}
	eachLine(src, func(line []byte) {
		if isBlank(line) {
			flush()
			return
		}
		cur.Write(line)
		cur.WriteByte('\n')
	})
	flush()
	return parts
}
