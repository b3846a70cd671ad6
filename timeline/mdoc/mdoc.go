// Package mdoc is the project's one way into gomarkdown: it reads a
// Markdown document into blocks of plain text and renders one to HTML
// that is safe to publish.
//
// Every call makes its own parser and renderer (gomarkdown's are not
// reusable), and a panic inside gomarkdown comes back as an error.
package mdoc

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/gomarkdown/markdown"
	"github.com/gomarkdown/markdown/ast"
	mdhtml "github.com/gomarkdown/markdown/html"
	"github.com/gomarkdown/markdown/parser"
)

// extensions are the Markdown extensions sources and site.md are read
// with: CommonMark-like documents with tables, fenced code, autolinks and
// strikethrough. MathJax is left out: a dollar sign in a news text is
// money, not mathematics.
const extensions = parser.NoIntraEmphasis | parser.Tables | parser.FencedCode |
	parser.Autolink | parser.Strikethrough | parser.SpaceHeadings |
	parser.BackslashLineBreak | parser.DefinitionLists

// Kind is what a block of a Markdown document is.
type Kind uint8

// Block kinds.
const (
	Paragraph Kind = iota
	Heading
	ListItem
	Quote
	Code
)

// Block is one block of a Markdown document as plain text: inline markup
// removed, links reduced to their text, raw HTML and images left out.
type Block struct {
	Kind Kind
	Text string
}

func parse(src []byte) ast.Node {
	return parser.NewWithExtensions(extensions).Parse(src)
}

// Blocks returns the blocks of the Markdown document src in reading order.
// Blocks with no text are left out.
func Blocks(src []byte) (blocks []Block, err error) {
	defer recoverAs(&err, "read Markdown")
	doc := parse(src)
	ast.WalkFunc(doc, func(node ast.Node, entering bool) ast.WalkStatus {
		if !entering {
			return ast.GoToNext
		}
		var kind Kind
		switch n := node.(type) {
		case *ast.Heading:
			kind = Heading
		case *ast.Paragraph:
			kind = enclosingKind(n)
		case *ast.CodeBlock:
			blocks = appendBlock(blocks, Code, string(n.Literal))
			return ast.SkipChildren
		case *ast.TableRow:
			kind = Paragraph
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

func appendBlock(blocks []Block, kind Kind, text string) []Block {
	text = strings.TrimSpace(text)
	if text == "" {
		return blocks
	}
	return append(blocks, Block{Kind: kind, Text: text})
}

// enclosingKind says what a paragraph is by its nearest list item or
// block quote.
func enclosingKind(n ast.Node) Kind {
	for p := n.GetParent(); p != nil; p = p.GetParent() {
		switch p.(type) {
		case *ast.ListItem:
			return ListItem
		case *ast.BlockQuote:
			return Quote
		}
	}
	return Paragraph
}

// writeInlineText writes the plain text under node: text and code spans,
// with line breaks as they stand; images and raw HTML are skipped, table
// cells are separated by " | ".
func writeInlineText(w *strings.Builder, node ast.Node) {
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
			if ast.GetPrevNode(n) != nil {
				w.WriteString(" | ")
			}
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
func HTML(src []byte) (out string, err error) {
	defer recoverAs(&err, "render Markdown")
	renderer := mdhtml.NewRenderer(mdhtml.RendererOptions{
		Flags:           mdhtml.SkipHTML | mdhtml.Safelink | mdhtml.NoreferrerLinks | mdhtml.NoopenerLinks,
		RenderNodeHook:  renderHook,
		HeadingIDPrefix: "intro-",
	})
	renderer.IsSafeURLOverride = SafeLink
	return string(markdown.Render(parse(src), renderer)), nil
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
		if !safeRelative(n.Destination) {
			return ast.GoToNext, true
		}
	}
	return ast.GoToNext, false
}

// SafeLink reports whether a link destination may be published: an
// http, https or mailto URL, a fragment, or a relative path.
func SafeLink(dest []byte) bool {
	d := bytes.ToLower(bytes.TrimSpace(dest))
	for _, scheme := range []string{"http://", "https://", "mailto:"} {
		if bytes.HasPrefix(d, []byte(scheme)) {
			return true
		}
	}
	return safeRelative(d)
}

// safeRelative reports whether dest is a relative reference: no scheme,
// not protocol-relative ("//host"), no control characters.
func safeRelative(dest []byte) bool {
	d := bytes.TrimSpace(dest)
	if len(d) == 0 || bytes.HasPrefix(d, []byte("//")) || bytes.HasPrefix(d, []byte(`\\`)) {
		return false
	}
	for _, c := range d {
		if c < 0x20 || c == 0x7f {
			return false
		}
	}
	colon := bytes.IndexByte(d, ':')
	if colon < 0 {
		return true
	}
	// A colon after the first '/', '?' or '#' is not a scheme separator.
	cut := bytes.IndexAny(d, "/?#")
	return cut >= 0 && cut < colon
}

func recoverAs(err *error, doing string) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: gomarkdown panicked: %v", doing, r)
	}
}
