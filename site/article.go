package site

import (
	"fmt"
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline"
)

// blockGroup is a run of blocks that are all article text (Furniture
// "") or all page furniture for one reason.
type blockGroup struct {
	Furniture string
	Blocks    []blockView
	// Index is the group's place in its page, from 0 (see kept.go).
	Index int
}

// blockView is one element of a source's text: Kind "heading",
// "paragraph", "quote" or "code" with its Segments, or "list" with one
// Items entry per consecutive list item.
type blockView struct {
	Kind     string
	Segments []segment
	Items    [][]segment
	// Heading, List, Quote and Code tell the Kind to the template
	// without a call of eq per block.
	Heading, List, Quote, Code bool
}

// newBlockView returns a block of the given kind.
func newBlockView(kind string, segs []segment, items [][]segment) blockView {
	return blockView{Kind: kind, Segments: segs, Items: items,
		Heading: kind == "heading", List: kind == "list", Quote: kind == "quote", Code: kind == "code"}
}

// segment is a run of a block's text: a sentence (N > 0 for an article
// sentence, which gets the anchor #sN) or the text around sentences (N 0).
// Isolate is true for text that holds a bidi control (see bidi.go): the
// text around sentences, and a cited sentence's before its links, show
// in a <bdi>. After is the text that follows a sentence up to the next
// one, when it holds no bidi control: most often a space, which takes
// a segment of its own only where it must be isolated.
type segment struct {
	Text    string
	N       int
	CitedBy []entryLink
	Isolate bool
	After   string
}

// articleGroups arranges the blocks of src in reading order, each
// sentence a segment of its block; citedBy lists, per sentence number,
// the entries that cite it.
func articleGroups(src *timeline.Source, citedBy map[int][]entryLink) ([]blockGroup, error) {
	perBlock := make([][]timeline.Sentence, len(src.Blocks))
	for _, s := range src.Sentences {
		perBlock[s.Block] = append(perBlock[s.Block], s)
	}
	var groups []blockGroup
	for i, b := range src.Blocks {
		segs, err := blockSegments(src.Text, b.Span, perBlock[i], citedBy)
		if err != nil {
			return nil, fmt.Errorf("block %d: %w", i, err)
		}
		if len(groups) == 0 || groups[len(groups)-1].Furniture != b.Furniture {
			groups = append(groups, blockGroup{Furniture: b.Furniture})
		}
		g := &groups[len(groups)-1]
		g.Blocks = appendBlock(g.Blocks, b, segs)
	}
	for i := range groups {
		groups[i].Index = i
	}
	return groups, nil
}

// appendBlock adds block b, cut into segs, to blocks: a list item joins
// the list just before it.
func appendBlock(blocks []blockView, b timeline.Block, segs []segment) []blockView {
	kind := blockKind(b)
	if kind != "list" {
		return append(blocks, newBlockView(kind, segs, nil))
	}
	if n := len(blocks); n > 0 && blocks[n-1].Kind == "list" {
		blocks[n-1].Items = append(blocks[n-1].Items, segs)
		return blocks
	}
	return append(blocks, newBlockView("list", nil, [][]segment{segs}))
}

// blockKind names the element b is shown as. A heading of page
// furniture is shown as a paragraph, so that it stays out of the page's
// outline.
func blockKind(b timeline.Block) string {
	switch b.Kind {
	case timeline.Heading:
		if b.IsFurniture() {
			return "paragraph"
		}
		return "heading"
	case timeline.ListItem:
		return "list"
	case timeline.Quote:
		return "quote"
	case timeline.Code:
		return "code"
	}
	return "paragraph"
}

// blockSegments cuts the text of the block at span into its sentences
// and the text between them, so that the whole block shows.
func blockSegments(text string, span timeline.Span, sents []timeline.Sentence, citedBy map[int][]entryLink) ([]segment, error) {
	sents = slices.Clone(sents)
	slices.SortStableFunc(sents, func(a, b timeline.Sentence) int { return a.Span.Start - b.Span.Start })
	var segs []segment
	pos := span.Start
	for _, s := range sents {
		if s.Span.Start < pos {
			return nil, fmt.Errorf("sentence %d at %v overlaps the text before it", s.N, s.Span)
		}
		segs = appendText(segs, text[pos:s.Span.Start])
		seg := segment{Text: plainText(s.Span.Of(text)), N: max(s.N, 0)}
		if seg.N > 0 {
			seg.CitedBy = citedBy[seg.N]
		}
		seg.Isolate = hasBidiControl(seg.Text)
		segs = append(segs, seg)
		pos = s.Span.End
	}
	return appendText(segs, text[pos:span.End]), nil
}

// appendText adds the text between sentences, if any, to segs: to the
// sentence before it as its After when it can, else as a segment.
func appendText(segs []segment, text string) []segment {
	if text == "" {
		return segs
	}
	isolate := hasBidiControl(text)
	if n := len(segs); n > 0 && !isolate && segs[n-1].After == "" {
		segs[n-1].After = plainText(text)
		return segs
	}
	return append(segs, segment{Text: plainText(text), Isolate: isolate})
}

// plainText returns text with its line breaks made "\n", as an HTML
// parser would make them.
func plainText(text string) string {
	if !strings.Contains(text, "\r") {
		return text
	}
	return strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
}
