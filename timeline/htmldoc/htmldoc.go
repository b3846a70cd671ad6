// Package htmldoc reads a saved news web page: the article's text, as
// go-trafilatura finds it among the page's furniture, and what the page
// says about itself (title, canonical address, publisher, author,
// language, publication date and where that date was found).
//
// The package is pure: bytes in, text and metadata out. It reads no
// clock, so a date that a page prints without its year is not taken.
// Pages are hostile input: the library is called only on a tree whose
// size and depth were measured first, and a panic in it becomes an
// error.
package htmldoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	nurl "net/url"
	"regexp"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/timeline-project/timeline/timeline"
)

// Limits on a page; a page over one is refused with the reason.
const (
	// MaxSize is the largest page read: a news page is a few hundred
	// kilobytes, scripts included.
	MaxSize = 16 << 20
	// MaxElements bounds the elements of the page's tree: the 945 pages
	// of go-trafilatura's evaluation set have 686 at the median and
	// 10,112 at most.
	MaxElements = 50_000
	// MaxText bounds the text of the page outside scripts and styles:
	// 12 KB at the median of the same pages, 483 KB at most. The
	// extractor takes time quadratic in it (1 MB of paragraphs, 3 to
	// 5 s here; 16 MB, 12 minutes).
	MaxText = 512 << 10
	// MaxDepth bounds the nesting of elements; news pages nest a few
	// dozen deep.
	MaxDepth = 256
)

// Block is one paragraph, heading, list item, quotation or piece of code
// of the article, its white space collapsed to single spaces.
type Block struct {
	Text string
	Kind timeline.BlockKind
}

// Document is what was read of a page.
type Document struct {
	// Blocks are the article's blocks in reading order.
	Blocks []Block
	// Meta is what the page says about itself.
	Meta Meta
}

// Meta is what a page says about itself; "" where it says nothing.
type Meta struct {
	Title     string // og:title, else <title>
	URL       string // <link rel=canonical>, else og:url
	Publisher string // og:site_name, else the JSON-LD publisher's name
	Author    string // <meta name=author>, else the JSON-LD author's name
	// Lang is the page's declared language (<html lang>, else
	// Content-Language), as written.
	Lang string
	// Published is the publication date or date and time as the page
	// writes it, and PublishedBy the element or rule it was found by:
	// `<meta property="article:published_time">`, `JSON-LD datePublished`,
	// `<time datetime>`, or `go-htmldate` for the URL and the rest.
	Published, PublishedBy string
}

// Errors of pages that cannot be sources; the message says why.
var (
	ErrNoBody  = errors.New("no <body> element: not a web page, or only its head")
	ErrNoText  = errors.New("no article text found in the page")
	ErrTooDeep = fmt.Errorf("elements nested over %d deep", MaxDepth)
)

// Read reads a page. Its encoding is taken from a byte order mark, a
// <meta charset> or a guess, and converted to UTF-8. An error says why
// the page cannot be a source: over a limit, no <body>, not English,
// only a paywall notice, no article text.
func Read(data []byte) (doc *Document, err error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%d MB is over the limit of %d MB for a web page", len(data)>>20, MaxSize>>20)
	}
	if !bodyTag.Match(data) {
		return nil, ErrNoBody
	}
	root, err := parse(data)
	if err != nil {
		return nil, err
	}
	meta := readMeta(root)
	if err := checkLanguage(meta.Lang); err != nil {
		return nil, err
	}
	blocks, err := extract(root, meta.URL)
	if err != nil {
		return nil, err
	}
	if len(blocks) == 0 {
		return nil, ErrNoText
	}
	if err := checkText(blocks); err != nil {
		return nil, err
	}
	return &Document{Blocks: blocks, Meta: meta}, nil
}

// bodyTag matches a <body> start tag.
var bodyTag = regexp.MustCompile(`(?i)<body[\s>/]`)

// parse decodes data to UTF-8 and parses it, refusing a tree over
// MaxElements or MaxDepth.
func parse(data []byte) (*html.Node, error) {
	r, err := charset.NewReader(bytes.NewReader(data), "text/html")
	if err != nil {
		return nil, fmt.Errorf("decode page: %w", err)
	}
	utf8Data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("decode page: %w", err)
	}
	root, err := html.Parse(bytes.NewReader(utf8Data))
	if err != nil {
		return nil, fmt.Errorf("parse page: %w", err)
	}
	if err := measure(root); err != nil {
		return nil, err
	}
	return root, nil
}

// measure counts the elements of the tree, its depth and its text
// outside scripts and styles, without recursion.
func measure(root *html.Node) error {
	type item struct {
		n     *html.Node
		depth int
	}
	stack := []item{{root, 0}}
	elements, text := 0, 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch it.n.Type {
		case html.ElementNode:
			elements++
			if skipped[it.n.DataAtom] && it.n.DataAtom != atom.Form {
				continue
			}
		case html.TextNode:
			text += len(it.n.Data)
		}
		switch {
		case elements > MaxElements:
			return fmt.Errorf("over %d elements in the page", MaxElements)
		case text > MaxText:
			return fmt.Errorf("over %d KB of text in the page; a news page has tens", MaxText>>10)
		case it.depth > MaxDepth:
			return ErrTooDeep
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, it.depth + 1})
		}
	}
	return nil
}

// extract runs go-trafilatura on the tree and returns the article's
// blocks; a panic in the library becomes an error.
func extract(root *html.Node, pageURL string) (blocks []Block, err error) {
	defer func() {
		if r := recover(); r != nil {
			blocks, err = nil, fmt.Errorf("extract article: the extractor panicked: %v", r)
		}
	}()
	opts := trafilatura.Options{
		ExcludeComments: true,
		// Dates are read by readMeta, which names where it found them.
		HtmlDateMode: trafilatura.Disabled,
		MaxTreeSize:  MaxElements,
	}
	if u, err := nurl.Parse(pageURL); err == nil && u.Scheme != "" {
		opts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(root, opts)
	if err != nil {
		return nil, fmt.Errorf("%w (the extractor: %v)", ErrNoText, err)
	}
	if res == nil || res.ContentNode == nil {
		return nil, nil
	}
	return blocksOf(res.ContentNode), nil
}
