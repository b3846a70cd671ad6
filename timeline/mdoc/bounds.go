package mdoc

import (
	"errors"
	"fmt"
)

// gomarkdown takes time quadratic in some shapes of input, measured on
// this project's machine (see docs/limits.md, "Hostile input"):
//
//   - its inline parser scans from every '[', '`' and '<' (and, through
//     emphasis, '*', '_' and '~') to the end of the paragraph when no
//     closer is found: 64 KB of "[" in one paragraph took 7 s, and the
//     time grows with the square of the paragraph;
//   - its HTML renderer finds a block's previous and next sibling by a
//     linear search of its parent's children: 87,000 one-line paragraphs
//     took 19 s to render;
//   - its tree takes some 400 bytes a block: 8 MB of one-letter
//     paragraphs took 1.1 GB and 17 s to parse.
//
// A goroutine cannot be stopped, so a deadline would leave gomarkdown
// running; instead a document is measured before gomarkdown sees it, in
// one linear pass, and refused when the work it asks for is over a
// bound. The measure over-counts: every opener is charged the whole of
// the blank-line-separated part it stands in, which holds every
// paragraph, heading and table cell gomarkdown parses inline (its
// paragraphs end at a blank line, after the same line-end rules).
const (
	// MaxInlineWork bounds the sum, over the parts of a document between
	// blank lines, of the part's openers times its length in bytes. At
	// the bound, the worst inputs found take under half a second; a news
	// article is below a hundredth of it.
	MaxInlineWork = 1 << 28
	// MaxLines bounds the lines of a document: a long article has a few
	// hundred, and a million one-letter paragraphs take 200 MB.
	MaxLines = 1 << 20
	// MaxRenderLines bounds the lines, plus the cells of its widest
	// table row, of a document rendered to HTML: its number of sibling
	// blocks, whose square the renderer takes.
	MaxRenderLines = 1 << 14
	// MaxSize bounds the bytes of a document.
	MaxSize = 64 << 20
)

// ErrTooComplex is wrapped by the error of Blocks and HTML for a
// document gomarkdown would take too long over.
var ErrTooComplex = errors.New("too costly to read as Markdown")

// shape is what checkBounds measures of a document.
type shape struct {
	// inlineWork is the sum over parts of openers times length.
	inlineWork int64
	// lines counts the lines; widestRow is the most '|' on one line.
	lines, widestRow int
}

// measure takes the shape of src in one pass.
func measure(src []byte) shape {
	var sh shape
	var openers, length int64
	eachLine(src, func(line []byte) {
		sh.lines++
		if isBlank(line) {
			sh.inlineWork += openers * length
			openers, length = 0, 0
			return
		}
		pipes := 0
		for _, c := range line {
			switch c {
			case '[', '`', '<', '*', '_', '~':
				openers++
			case '|':
				pipes++
			case '\t':
				length += 3 // a tab may be expanded to four spaces
			}
		}
		length += int64(len(line)) + 1
		sh.widestRow = max(sh.widestRow, pipes)
	})
	sh.inlineWork += openers * length
	return sh
}

// checkBounds returns an error wrapping ErrTooComplex when src is over
// one of the bounds; render adds the renderer's.
func checkBounds(src []byte, render bool) error {
	if len(src) > MaxSize {
		return fmt.Errorf("%w: %d MB, over the limit of %d MB", ErrTooComplex, len(src)>>20, MaxSize>>20)
	}
	sh := measure(src)
	if sh.lines > MaxLines {
		return fmt.Errorf("%w: %d lines, over the limit of %d", ErrTooComplex, sh.lines, MaxLines)
	}
	if sh.inlineWork > MaxInlineWork {
		return fmt.Errorf("%w: too many unclosed brackets, backticks or emphasis marks in long paragraphs", ErrTooComplex)
	}
	if render && sh.lines+sh.widestRow > MaxRenderLines {
		return fmt.Errorf("%w: %d lines and table cells, over the limit of %d", ErrTooComplex, sh.lines+sh.widestRow, MaxRenderLines)
	}
	return nil
}

// eachLine calls f with every line of src, without its line end. Like
// gomarkdown, it reads "\r\n", "\r" and "\n" as line ends.
func eachLine(src []byte, f func(line []byte)) {
	start := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			f(src[start:i])
			start = i + 1
		case '\r':
			f(src[start:i])
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(src) {
		f(src[start:])
	}
}

// isBlank reports whether a line is blank as gomarkdown sees it: spaces
// and tabs only.
func isBlank(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}
