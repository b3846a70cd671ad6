package read

import (
	"slices"
	"testing"
)

// TestMarkdownLinesAsParagraphs checks that a Markdown paragraph whose
// lines each hold a sentence reads as a paragraph a line, and that a
// wrapped one stays one.
func TestMarkdownLinesAsParagraphs(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"a sentence a line", "Haiti lies on a plate boundary.\nThe quake struck at 16:53 local time.\nMost people lived in the capital.",
			[]string{"Haiti lies on a plate boundary.", "The quake struck at 16:53 local time.", "Most people lived in the capital."}},
		{"a line that goes on with its sentence", "There was slippage along a boundary\nthat runs through Haiti.\nIt was a disaster.",
			[]string{"There was slippage along a boundary\nthat runs through Haiti.", "It was a disaster."}},
		{"hard-wrapped text stays one paragraph",
			"The earthquake struck the capital of Haiti on a Tuesday. It was\nthe worst in two hundred years and it destroyed most of the\ncity's buildings, its palace and its cathedral, and much more.\nRescue teams came from many of the countries in the following days,\nand the United Nations sent aid. Many were still missing.",
			[]string{"The earthquake struck the capital of Haiti on a Tuesday. It was\nthe worst in two hundred years and it destroyed most of the\ncity's buildings, its palace and its cathedral, and much more.\nRescue teams came from many of the countries in the following days,\nand the United Nations sent aid. Many were still missing."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, blocks, err := markdownText(tt.body)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range blocks {
				got = append(got, b.Span.Of(text))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("blocks\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
