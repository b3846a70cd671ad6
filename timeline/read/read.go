package read

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/htmldoc"
	"github.com/timeline-project/timeline/timeline/mdoc"
	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/words"
)

// Reading is a source on its way through a build: the Source and what
// was found in it.
type Reading struct {
	Src  *timeline.Source
	Meta Meta
	// Exprs are the temporal expressions of src.Text, ordered.
	Exprs []timex.Expr
	// Article are those of exprs that stand in article text rather than
	// page furniture.
	Article []timex.Expr
	// Stated is the publication date the source states, in its front
	// matter or in a publication line; Basis is BasisUnknown when none.
	Stated timeline.Published
	// Problems are what was not understood; the source is still used.
	Problems []error
	// OwnText is where the source's own text begins in its Text: after
	// the title put at its top as a headline (see titleAsHeadline).
	OwnText int
	// Marks are the blocks a build made page furniture, as the story
	// repeats them (see MarkRepeatedBlocks).
	Marks []int
}

// Warn records a problem of the source: something not understood, the
// source still used.
func (r *Reading) Warn(err error) { r.Problems = append(r.Problems, err) }

// Read reads one input into a source: its text decoded, its front
// matter parsed, its blocks found and cleaned of page furniture, its
// sentences split and its temporal expressions found. The source's
// publication date is set later, when all sources are read. An error
// means the input cannot be a source at all.
func Read(in timeline.Input) (*Reading, error) {
	r := &Reading{Src: &timeline.Source{File: in.Name, Format: FormatOf(in.Name)}}
	var page htmldoc.Meta
	var err error
	if r.Src.Format == timeline.FormatHTML {
		page, err = readPage(r, in.Data)
	} else {
		err = readTextFile(r, in.Data)
	}
	if err != nil {
		return nil, err
	}
	applySidecar(r, in)
	src := r.Src
	r.OwnText = titleAsHeadline(src, r.Meta.Title)
	src.Blocks = splitLeads(src.Text, src.Blocks)
	cleanBlocks(src.Text, src.Blocks)
	src.Sentences = SentencesOf(src.Text, src.Blocks)
	if !hasArticleText(src) {
		return nil, errors.New("no article text found: every line looks like page furniture")
	}
	r.Exprs = timex.Find(src.Text)
	for _, e := range r.Exprs {
		if b := blockAt(src.Blocks, e.Start); b >= 0 && !src.Blocks[b].IsFurniture() {
			r.Article = append(r.Article, e)
		}
	}
	applyMeta(r)
	r.Stated = statedPublication(r, page)
	return r, nil
}

// maxHeadlineBytes bounds a title made a headline.
const maxHeadlineBytes = 300

// titleAsHeadline puts the title a Markdown file or a web page gives of
// itself (front matter, sidecar, the page's title) at the top of its
// text as a heading, when the text does not open with it: a headline is
// a sentence of its source, cited and quoted like any other. A text that
// is the file's own bytes (TextOffset >= 0) is left as it is. It returns
// where the source's own text now begins.
func titleAsHeadline(src *timeline.Source, title string) int {
	title = words.CollapseSpace(title)
	if src.TextOffset >= 0 || title == "" || len(title) > maxHeadlineBytes {
		return 0
	}
	for _, b := range src.Blocks {
		if text := words.CollapseSpace(b.Span.Of(src.Text)); text != "" {
			if b.Kind == timeline.Heading && strings.EqualFold(text, title) {
				return 0
			}
			break
		}
	}
	shift := len(title) + 2
	blocks := make([]timeline.Block, 0, len(src.Blocks)+1)
	blocks = append(blocks, timeline.Block{Span: timeline.Span{Start: 0, End: len(title)}, Kind: timeline.Heading})
	for _, b := range src.Blocks {
		b.Span.Start += shift
		b.Span.End += shift
		blocks = append(blocks, b)
	}
	src.Text = title + "\n\n" + src.Text
	src.Blocks = blocks
	return shift
}

// readTextFile reads a text or Markdown file into r: its text decoded,
// its front matter parsed, its blocks found.
func readTextFile(r *Reading, data []byte) error {
	dec, err := Decode(data)
	if err != nil {
		return err
	}
	src := r.Src
	src.TextOffset = dec.Offset
	text := dec.Text
	if fm, bodyStart, ok := SplitFrontMatter(text); ok {
		if r.Meta, err = ParseFrontMatter(fm); err != nil {
			r.Warn(fmt.Errorf("%w; the source is read without it", err))
		}
		text = text[bodyStart:]
		if src.TextOffset >= 0 {
			src.TextOffset += bodyStart
		}
	}
	if src.Format == timeline.FormatMarkdown {
		src.Text, src.Blocks, err = markdownText(text)
		if err == nil {
			src.TextOffset = -1
		} else {
			r.Warn(fmt.Errorf("%w; the source is read as plain text, its markup as written", err))
		}
	}
	if src.Format != timeline.FormatMarkdown || err != nil {
		src.Text, src.Blocks = text, segmentText(text)
	}
	return nil
}

// ForBuild returns a copy of the reading for one build to date and
// warn about, sharing what no build changes.
func (r *Reading) ForBuild() *Reading {
	c := *r
	src := *r.Src
	c.Src = &src
	c.Problems = slices.Clip(r.Problems)
	return &c
}

// markdownText reads a Markdown body into plain text, a block to a
// paragraph, and the blocks' spans in it.
func markdownText(body string) (string, []timeline.Block, error) {
	mblocks, err := mdoc.Blocks([]byte(body))
	if err != nil {
		return "", nil, err
	}
	var parts []mdoc.Block
	for _, b := range mblocks {
		if b.Kind != timeline.Paragraph || !strings.Contains(b.Text, "\n") {
			parts = append(parts, b)
			continue
		}
		for _, l := range linesAsParagraphs(b.Text) {
			parts = append(parts, mdoc.Block{Kind: timeline.Paragraph, Text: l})
		}
	}
	text, blocks := joinBlocks(len(parts), func(i int) (string, timeline.BlockKind) { return parts[i].Text, parts[i].Kind })
	return text, blocks, nil
}

// linesAsParagraphs returns the paragraphs of a Markdown paragraph whose
// lines are broken by single line breaks: one, when its lines are
// wrapped or go on with a sentence; one a line, when each line ends a
// sentence and the next begins one, as text taken from a web page puts
// a paragraph on a line (see segmentText).
func linesAsParagraphs(text string) []string {
	blocks := segmentText(text)
	if len(blocks) < 2 {
		return []string{text}
	}
	out := make([]string, len(blocks))
	for i, b := range blocks {
		out[i] = b.Span.Of(text)
	}
	return out
}

// joinBlocks returns the texts of n blocks, block(i) giving the text and
// kind of the i-th, joined by blank lines, and each block's span in the
// result: the text of a source read from a document's structure.
func joinBlocks(n int, block func(i int) (string, timeline.BlockKind)) (string, []timeline.Block) {
	var text strings.Builder
	blocks := make([]timeline.Block, 0, n)
	for i := range n {
		if text.Len() > 0 {
			text.WriteString("\n\n")
		}
		start := text.Len()
		s, kind := block(i)
		text.WriteString(s)
		blocks = append(blocks, timeline.Block{Span: timeline.Span{Start: start, End: text.Len()}, Kind: kind})
	}
	return text.String(), blocks
}

// SentencesOf splits every block into sentences and numbers the
// article's sentences from 1.
func SentencesOf(text string, blocks []timeline.Block) []timeline.Sentence {
	var out []timeline.Sentence
	n := 0
	for i, b := range blocks {
		for _, span := range splitSentences(text, b) {
			s := timeline.Sentence{Span: span, Block: i}
			if !b.IsFurniture() {
				n++
				s.N = n
			}
			out = append(out, s)
		}
	}
	return out
}

func hasArticleText(src *timeline.Source) bool {
	for _, s := range src.Sentences {
		if s.N > 0 {
			return true
		}
	}
	return false
}

// blockAt returns the index of the block that holds offset, or -1.
func blockAt(blocks []timeline.Block, offset int) int {
	lo := sort.Search(len(blocks), func(i int) bool { return blocks[i].Span.End > offset })
	if lo < len(blocks) && blocks[lo].Span.Start <= offset {
		return lo
	}
	return -1
}

// applyMeta sets the source's id, title, URL, publisher and author from
// its front matter, else from what its text and file name say.
func applyMeta(r *Reading) {
	src, m := r.Src, r.Meta
	src.ID = m.ID
	if src.ID == "" {
		src.ID = strings.TrimSuffix(path.Base(src.File), path.Ext(src.File))
	}
	src.ID = SafeID(src.ID)
	src.Title, src.Author, src.Publisher = m.Title, m.Author, m.Publisher
	if src.Title == "" {
		src.Title = titleOf(src)
	}
	if m.URL != "" {
		src.URL = m.URL
	} else {
		src.URL = urlInPublicationLine(src)
	}
	if src.Publisher == "" {
		src.Publisher = hostOf(src.URL)
	}
}

// titleOf returns the source's first heading before its first
// paragraph, else its first sentence, shortened.
func titleOf(src *timeline.Source) string {
	for _, s := range src.Sentences {
		if s.N == 0 {
			continue
		}
		text := words.CollapseSpace(s.Span.Of(src.Text))
		if src.Blocks[s.Block].Kind == timeline.Heading {
			return text
		}
		return words.Shorten(text, 12)
	}
	return src.File
}

// httpURL matches a web address in a line of text.
var httpURL = regexp.MustCompile(`https?://[^\s"'<>()]+[^\s"'<>().,;:!?]`)

// urlInPublicationLine returns the address in a "Published on <URL>"
// line of the page furniture, or "".
func urlInPublicationLine(src *timeline.Source) string {
	for _, b := range src.Blocks {
		if b.Furniture == "" {
			continue
		}
		for _, l := range blockLines(src.Text, b.Span) {
			s := l.Of(src.Text)
			if mayBePublicationLine(s) && publicationWord.MatchString(s) {
				if u := httpURL.FindString(s); u != "" {
					return u
				}
			}
		}
	}
	return ""
}

// hostOf returns the host of an http or https URL without "www.", or "".
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// SafeID makes an id safe as a file name on every system: letters,
// digits, '.', '_' and '-' only, not starting with a dot. An id that
// loses letters on the way (not ASCII), is left with nothing, or would
// name a device on Windows (CON, NUL, COM1…) gets a short hash of the
// original, so that two such ids stay apart.
func SafeID(id string) string {
	var b strings.Builder
	dash := false
	for _, r := range id {
		ok := r < 128 && (words.IsAlnum(r) || r == '.' || r == '_' || r == '-')
		if ok {
			b.WriteRune(r)
		} else if !dash {
			b.WriteByte('-')
		}
		dash = !ok
	}
	s := strings.Trim(b.String(), ".-")
	switch {
	case s == "":
		return "source-" + ShortHash(id)
	case windowsDevice.MatchString(s):
		// The hash goes before the first dot: "com1.report" is a device too.
		stem, rest, _ := strings.Cut(s, ".")
		if rest != "" {
			rest = "." + rest
		}
		return stem + "-" + ShortHash(id) + rest
	case !isASCII(id):
		return s + "-" + ShortHash(id)
	}
	return s
}

// windowsDevice matches a file name that Windows keeps for a device,
// whatever follows its first dot.
var windowsDevice = regexp.MustCompile(`(?i)^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)`)

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// ShortHash returns eight hex digits of the SHA-256 of s.
func ShortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}
