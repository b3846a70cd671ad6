package read

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/htmldoc"
	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/words"
)

// publicationWord marks a line that states when the page was published.
var publicationWord = regexp.MustCompile(`(?i)\b(published|posted|updated|first published|publication date|date published|released)\b`)

// updatedWord marks a line that states a later update rather than the
// first publication.
var updatedWord = regexp.MustCompile(`(?i)\b(updated|modified)\b`)

// maxEvidence bounds the quoted evidence of a publication date.
const maxEvidence = 200

// publicationLine looks for a line of the text that states the
// publication date: "Published on 2023-05-23", "Posted May 23, 2023
// 10:00", or a line near the top that is nothing but a date. A
// "published" or "posted" line wins over an "updated" one, which wins
// over a bare date line.
func publicationLine(r *Reading) (timex.Date, string, bool) {
	best, bestRank, evidence := timex.Date{}, 0, ""
	for i, b := range r.Src.Blocks {
		for _, l := range blockLines(r.Src.Text, b.Span) {
			rank := lineRank(r.Src.Text, l, i, b)
			if rank <= bestRank {
				continue
			}
			if d, ok := absoluteIn(r.Exprs, l); ok {
				best, bestRank, evidence = d, rank, clip(words.CollapseSpace(l.Of(r.Src.Text)), maxEvidence)
			}
		}
	}
	return best, evidence, bestRank > 0
}

// lineRank says how well a line can state a publication date: 3 for a
// "published"/"posted" line, 2 for an "updated" one, 1 for a short
// line near the top that is not a sentence (a dateline), 0 otherwise.
func lineRank(text string, l timeline.Span, blockIndex int, b timeline.Block) int {
	s := l.Of(text)
	if words.Count(s) > 40 {
		return 0
	}
	publication := mayNamePublication(s) && publicationWord.MatchString(s)
	switch {
	case publication && !updatedWord.MatchString(s):
		return 3
	case publication:
		return 2
	case blockIndex < 8 && words.Count(s) <= 12 && !words.EndsSentence(s) && !isPostSignature(s):
		return 1
	}
	return 0
}

// publicationStems are the starts of publicationWord's words: a line
// without any of them, in any case, cannot match it.
var publicationStems = []string{"publi", "poste", "updat", "relea"}

// mayNamePublication reports whether s holds one of publicationStems,
// ASCII case ignored: a cheap test before the regular expression.
func mayNamePublication(s string) bool {
	for i := 0; i+5 <= len(s); i++ {
		c := s[i] | 0x20
		if c != 'p' && c != 'u' && c != 'r' {
			continue
		}
		for _, stem := range publicationStems {
			if stem[0] == c && strings.EqualFold(s[i:i+5], stem) {
				return true
			}
		}
	}
	return false
}

// blockLines returns the lines of a block that are not blank, trimmed.
func blockLines(text string, span timeline.Span) []timeline.Span {
	var out []timeline.Span
	for _, l := range lineSpans(text, span) {
		if s, e := trimSpan(text, l.Start, l.End); s < e {
			out = append(out, timeline.Span{Start: s, End: e})
		}
	}
	return out
}

// absoluteIn returns the first date printed in full within span.
func absoluteIn(exprs []timex.Expr, span timeline.Span) (timex.Date, bool) {
	for _, e := range ExprsIn(exprs, span) {
		if d, ok := e.Absolute(); ok {
			return d, true
		}
	}
	return timex.Date{}, false
}

// ExprsIn returns the expressions that lie within span. exprs are
// ordered by Start.
func ExprsIn(exprs []timex.Expr, span timeline.Span) []timex.Expr {
	lo := sort.Search(len(exprs), func(i int) bool { return exprs[i].Start >= span.Start })
	end := lo
	for end < len(exprs) && exprs[end].End <= span.End {
		end++
	}
	return exprs[lo:end]
}

// clip returns s cut to at most n bytes at a word boundary, with an
// ellipsis when cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(firstN(s, n), ' ')
	if cut <= 0 {
		cut = len(firstN(s, n))
	}
	return s[:cut] + "…"
}

// QuoteList quotes up to three texts for an evidence sentence.
func QuoteList(texts []string) string {
	var quoted []string
	seen := map[string]bool{}
	for _, t := range texts {
		if len(quoted) == 3 {
			break
		}
		if !seen[t] {
			seen[t] = true
			quoted = append(quoted, fmt.Sprintf("%q", t))
		}
	}
	return strings.Join(quoted, ", ")
}

// statedPublication returns the publication date the source states in
// its front matter (or sidecar), in its page's date markup, or in a
// publication line, or an unknown one.
func statedPublication(r *Reading, page htmldoc.Meta) timeline.Published {
	if r.Meta.Published != "" {
		d, err := parseDateString(r.Meta.Published)
		if err == nil {
			return timeline.Published{Date: d, Basis: timeline.BasisFrontMatter, Evidence: "published: " + r.Meta.Published, Time: clockIn(r.Meta.Published)}
		}
		r.Warn(fmt.Errorf("front matter published: %w; the date is inferred instead", err))
	}
	if p, ok := pagePublication(r, page); ok {
		return p
	}
	if d, evidence, ok := publicationLine(r); ok {
		return timeline.Published{Date: d, Basis: timeline.BasisText, Evidence: evidence}
	}
	return timeline.Published{Basis: timeline.BasisUnknown}
}
