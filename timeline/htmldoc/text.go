package htmldoc

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/timeline-project/timeline/timeline"
)

// leafKinds are the elements whose text is one block.
var leafKinds = map[atom.Atom]timeline.BlockKind{
	atom.P: timeline.Paragraph, atom.H1: timeline.Heading, atom.H2: timeline.Heading, atom.H3: timeline.Heading,
	atom.H4: timeline.Heading, atom.H5: timeline.Heading, atom.H6: timeline.Heading, atom.Li: timeline.ListItem,
	atom.Dt: timeline.ListItem, atom.Dd: timeline.ListItem, atom.Pre: timeline.Code, atom.Td: timeline.Paragraph,
	atom.Th: timeline.Paragraph, atom.Figcaption: timeline.Paragraph, atom.Caption: timeline.Paragraph,
}

// skipped are elements whose text is never article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Form: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Head: true,
}

// blocksOf returns the blocks of an extracted article's tree: the text
// of each leaf element (paragraph, heading, list item…) is a block, and
// text that stands between blocks in a container (a quotation's
// attribution line) is a block of its own.
func blocksOf(root *html.Node) []Block {
	w := blockWalker{}
	w.container(root, timeline.Paragraph)
	return w.blocks
}

type blockWalker struct {
	blocks []Block
}

// container walks the children of n, which holds blocks; loose text
// between them gathers into blocks of kind.
func (w *blockWalker) container(n *html.Node, kind timeline.BlockKind) {
	var loose strings.Builder
	flush := func() {
		w.add(loose.String(), kind)
		loose.Reset()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			loose.WriteString(c.Data)
		case c.Type != html.ElementNode || skipped[tagOf(c)]:
		case isLeaf(c):
			flush()
			w.add(textOf(c), leafKind(c, kind))
		case isBlockContainer(c):
			flush()
			inner := kind
			if tagOf(c) == atom.Blockquote {
				inner = timeline.Quote
			}
			w.container(c, inner)
		default: // inline: a link, emphasis, a line break
			loose.WriteString(textOf(c))
		}
	}
	flush()
}

func isLeaf(n *html.Node) bool {
	_, ok := leafKinds[tagOf(n)]
	return ok && !hasBlockChild(n)
}

// leafKind is the kind of a leaf; a paragraph in a quotation is a quote.
func leafKind(n *html.Node, outer timeline.BlockKind) timeline.BlockKind {
	k := leafKinds[tagOf(n)]
	if k == timeline.Paragraph && outer != timeline.Paragraph {
		return outer
	}
	return k
}

// isBlockContainer reports whether n holds blocks rather than being part
// of a line of text.
func isBlockContainer(n *html.Node) bool {
	switch tagOf(n) {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Blockquote, atom.Ul, atom.Ol,
		atom.Dl, atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr, atom.Figure, atom.Body,
		atom.Html, atom.Header, atom.Footer, atom.Aside, atom.Details, atom.Summary:
		return true
	}
	if _, leaf := leafKinds[tagOf(n)]; leaf {
		return true // a leaf that holds blocks: its blocks are walked
	}
	return hasBlockChild(n)
}

// hasBlockChild reports whether an element of n's subtree is a block.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		tag := tagOf(c)
		if _, leaf := leafKinds[tag]; leaf || tag == atom.Div || tag == atom.Blockquote ||
			tag == atom.Ul || tag == atom.Ol || tag == atom.Table || hasBlockChild(c) {
			return true
		}
	}
	return false
}

// textOf returns the text of n's subtree, line breaks as spaces.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && tagOf(n) == atom.Br:
			b.WriteByte(' ')
		case n.Type == html.ElementNode && skipped[tagOf(n)]:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// add adds a block of text, its white space collapsed, unless empty.
func (w *blockWalker) add(text string, kind timeline.BlockKind) {
	if t := strings.Join(strings.Fields(text), " "); t != "" {
		w.blocks = append(w.blocks, Block{Text: t, Kind: kind})
	}
}

// tagOf returns an element's tag. The extractor makes elements with a
// name but no atom, so the name is looked up.
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}
