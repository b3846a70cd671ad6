package read

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/timeline-project/timeline/timeline/internal/fixture"
	"github.com/timeline-project/timeline/timeline/words"
)

// TestClean runs the cleaner on the cases in testdata/clean: each has an
// "input" text and the expected "blocks", one line a block: its kind,
// "article" or "furniture: <reason>", and its text.
func TestClean(t *testing.T) {
	fixture.Archives(t, "testdata/clean/*.txt", func(t *testing.T, path string, ar *txtar.Archive) {
		var input string
		for _, f := range ar.Files {
			if f.Name == "input" {
				input = string(f.Data)
			}
		}
		fixture.CheckSection(t, path, ar, "blocks", describeBlocks(input))
	})
}

// describeBlocks segments and cleans text and lists its blocks.
func describeBlocks(text string) string {
	blocks := splitLeads(text, segmentText(text))
	cleanBlocks(text, blocks)
	var b strings.Builder
	for _, bl := range blocks {
		role := "article"
		if bl.IsFurniture() {
			role = "furniture: " + bl.Furniture
		}
		fmt.Fprintf(&b, "%s | %s | %s\n", bl.Kind, role, words.Shorten(words.CollapseSpace(bl.Span.Of(text)), 10))
	}
	return b.String()
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"Menu\n\nTitle of it\n\nA long sentence that says what happened on Monday in the city. Another one.\n\nShare: X | Y\n",
		"• a\n• b\n  • c\n\n1. one\n2) two\n",
		"line one is long enough to be wrapped at a width\nand goes on here in lower case\n\n",
		"\r\n\r\n—\u00a0x (@y) May 1, 2020\r\n",
		"Photograph: Jim Watson/AFP/Getty CVs always get a polish.\n(By Ted S. Warren -- AP) Boeing built it.\nPhoto: Zed NelsonNext week.\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		blocks := splitLeads(text, segmentText(text))
		cleanBlocks(text, blocks)
		end := 0
		for _, b := range blocks {
			if b.Span.Start < end || b.Span.End < b.Span.Start || b.Span.End > len(text) {
				t.Fatalf("block %v out of order or outside the text (%d bytes)", b.Span, len(text))
			}
			end = b.Span.End
			for _, s := range splitSentences(text, b) {
				if !b.Span.Contains(s) || s.Start >= s.End {
					t.Fatalf("sentence %v outside its block %v", s, b.Span)
				}
			}
		}
	})
}
