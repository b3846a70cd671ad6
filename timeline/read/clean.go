package read

import (
	"regexp"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/words"
)

// Reasons the cleaner gives for taking a block for page furniture.
const (
	furnitureBefore      = "before the article"
	furnitureAfter       = "after the end of the article"
	furnitureEndMarker   = "end-of-article line (credits, sharing, comments, related links)"
	furnitureCopyright   = "copyright or publication line"
	furnitureLinkTitle   = "title of a linked or embedded page"
	furnitureLinkList    = "list of short links"
	furnitureUnrelated   = "unrelated to the article"
	furniturePromptShort = "button or prompt"
)

// blockFeatures are what the cleaner knows of a block.
type blockFeatures struct {
	words     int
	prose     bool // ends as a sentence does and has enough words to be one
	titleLike bool // a short line without sentence punctuation
	pipes     bool // "Title | Site", "Share: Twitter | Facebook"
	copyright bool
	signature bool // the signature line of an embedded post
	post      bool // the text of an embedded post, ending in its link
	endMarker bool
	prompt    bool
	// lead is the reason of an update stamp, a byline or a caption in
	// capitals standing alone; "" for other blocks.
	lead string
	// comment is true for a block that opens a reader's comment; callOut
	// for a call to readers to send their views.
	comment, callOut bool
	// terms are the numbers of the block's distinct terms (see
	// termNumbers), in order of first appearance.
	terms []int
}

var (
	// copyrightLine matches copyright notices and machine publication lines.
	copyrightLine = regexp.MustCompile(`(?i)(©|\(c\)\s*\d{4}|\bcopyright|all rights reserved)`)
	// endMarkerLine matches the lines that close a news article on the
	// web: credit lines, share and comment prompts, author boxes, and the
	// headings of the lists of other articles that follow it.
	endMarkerLine = regexp.MustCompile(`(?i)^(\(?(reporting|writing|editing|additional reporting|compiled) by\b` +
		`|.*\bcontributed (reporting )?to this (report|article|story)\b` +
		`|with (reuters|ap|afp|dpa|efe|ansa|agencies|wire services)\b` +
		`|(leave|post|add|write|view|show|load|read) (a |the |your |all )?(comments?|repl(y|ies))\b` +
		`|\d*\s*comments?\s*$` +
		`|share( this( article| story| post)?)?\s*([:|].*)?$` +
		`|about the authors?\b` +
		`|(related|recent|latest|popular|recommended|trending|more)\s+(articles?|stories|posts|news|reads?|videos?|content|in\b|from\b|on\b)` +
		`|(read|see) (more|also|next)\b` +
		`|you (may|might) (also )?like\b` +
		`|most (read|popular|viewed)\b` +
		`|(tags?|topics?|filed under)\s*:)`)
	// postSignature matches the signature line of an embedded social media
	// post: "— Name (@handle) May 22, 2023".
	postSignature = regexp.MustCompile(`^[—–-]\s*[^()]{0,80}\(@\w{1,30}\)`)
	// embeddedPostLink ends the text of an embedded social media post.
	embeddedPostLink = regexp.MustCompile(`\b(pic\.twitter\.com|t\.co|x\.com|instagram\.com)/\S+\s*$`)
	// sentenceBreak is a sentence end inside a line: a word of three or
	// more letters, a full stop, question or exclamation mark, a space.
	sentenceBreak = regexp.MustCompile(`\pL{3}[.!?]+["”’)]*\s+\S`)
	// promptLine matches buttons and prompts that stand anywhere on a page.
	promptLine = regexp.MustCompile(`(?i)^(back to top|scroll to top|advertisement|sponsored|subscribe|sign up|sign in|log ?in|skip to (main )?content|menu|search|close|print|email|cookies?|accept|continue reading|click here|watch|listen)\b`)
)

// featuresOf returns the features of a block's text; terms are its
// terms' numbers.
func featuresOf(text string, terms []int) blockFeatures {
	n := words.Count(text)
	short := n <= 12
	f := blockFeatures{
		words:     n,
		prose:     words.EndsSentence(text) && n >= 6,
		pipes:     strings.Contains(text, "|") && n <= 16,
		signature: isPostSignature(text),
		post:      isEmbeddedPost(text),
		copyright: isCopyright(text),
		endMarker: n <= 14 && isEndMarker(text),
		prompt:    n <= 6 && promptLine.MatchString(text),
		terms:     terms,
		comment:   opensComments(text),
		callOut:   n <= 40 && mayCallOut(text) && callOut.MatchString(text),
	}
	switch {
	case isStamp(text):
		f.lead = furnitureStamp
	case isByline(text):
		f.lead = furnitureByline
	case isCredit(text):
		f.lead = furnitureCredit
	case inCapitals(text):
		f.lead = furnitureCapitals
	}
	f.titleLike = !f.signature && !hasSentenceBreak(text) &&
		(!words.EndsSentence(text) && n <= 20 || strings.HasSuffix(text, "?") && short)
	return f
}

// weight is how much a block counts for or against being inside the
// article: long prose for, short lines, lists and links against.
func (f blockFeatures) weight(kind timeline.BlockKind) float64 {
	switch {
	case f.copyright || f.pipes || f.prompt || f.lead != "" || f.callOut:
		return -1
	case f.signature || f.post:
		return 0
	case f.prose && kind == timeline.ListItem:
		return -0.2
	case kind == timeline.ListItem:
		return -1.5
	case f.prose:
		return 0.5 + float64(min(f.words, 80))/10
	case f.words <= 3:
		return -1.5
	case f.titleLike:
		return -1
	}
	return -0.3
}

// cleanBlocks marks the page furniture among blocks: what stands before
// and after the article, and the lines inside it that are not article
// text. What is left is the article. The first heading-like line just
// before the article is kept as its title.
func cleanBlocks(text string, blocks []timeline.Block) {
	if len(blocks) == 0 {
		return
	}
	feats := make([]blockFeatures, len(blocks))
	tn := newTermNumbers(len(text))
	for i, b := range blocks {
		feats[i] = featuresOf(b.Span.Of(text), tn.of(b.Span.Of(text), i))
	}
	start, end, ok := articleRange(blocks, feats, tn.count())
	if !ok {
		return // no prose anywhere: keep everything rather than guess
	}
	end = cutAtEndMarker(feats, start, end)
	var vocab []int // nil: too few words to judge what is unrelated
	if longArticle(feats, start, end) {
		vocab = vocabulary(feats, start, end, tn.count())
	}
	title := titleBefore(blocks, feats, start, vocab)
	comments := commentsStart(feats, start)
	for i := range blocks {
		switch {
		case i >= comments:
			blocks[i].Furniture = furnitureComments
		case feats[i].lead != "":
			blocks[i].Furniture = feats[i].lead
		case i == title:
			blocks[i].Kind = timeline.Heading
		case i < start:
			blocks[i].Furniture = furnitureBefore
		case i == end+1 && feats[i].endMarker:
			blocks[i].Furniture = furnitureEndMarker
		case i > end:
			blocks[i].Furniture = furnitureAfter
		default:
			classifyInside(&blocks[i], feats, i, vocab)
		}
	}
	markLinkLists(blocks, feats)
	markCallOuts(text, blocks, feats)
}

// commentsStart returns the index of the first block of the readers'
// comments that follow an article that starts at block start: the first
// block after it that opens a comment ("At 11:45 pm on 13 Jan
// 2010, SheffTim wrote:"); all that follows it is comments too.
// len(feats) when there is none.
func commentsStart(feats []blockFeatures, start int) int {
	for i := start + 1; i < len(feats); i++ {
		if feats[i].comment {
			return i
		}
	}
	return len(feats)
}

// markCallOuts marks the calls to readers to send their views, and the
// questions to readers just before one ("Are you in the region? What is
// your reaction?").
func markCallOuts(text string, blocks []timeline.Block, feats []blockFeatures) {
	for i := range blocks {
		if !feats[i].callOut || blocks[i].IsFurniture() && blocks[i].Furniture != furnitureAfter {
			continue
		}
		blocks[i].Furniture = furnitureCallOut
		for j := i - 1; j >= 0 && j >= i-3 && !blocks[j].IsFurniture() && strings.HasSuffix(blocks[j].Span.Of(text), "?"); j-- {
			blocks[j].Furniture = furnitureCallOut
		}
	}
}

// articleRange returns the run of blocks [start, end] with the greatest
// total weight: the body of the article. In a long article a second pass
// counts prose that shares little vocabulary with that body against it
// (teasers of other articles that follow it are prose too); a short
// article has too few words to tell.
// nterms is how many terms the blocks have.
func articleRange(blocks []timeline.Block, feats []blockFeatures, nterms int) (start, end int, ok bool) {
	weights := make([]float64, len(blocks))
	for i, f := range feats {
		weights[i] = f.weight(blocks[i].Kind)
	}
	start, end, total := maxSumRun(weights)
	if total <= 0 {
		return 0, 0, false
	}
	if !longArticle(feats, start, end) {
		return start, end, true
	}
	vocab := vocabulary(feats, start, end, nterms)
	for i, f := range feats {
		if f.prose && unrelated(f, vocab) {
			weights[i] = -weights[i]
		}
	}
	start, end, total = maxSumRun(weights)
	return start, end, total > 0
}

// longArticle reports whether the blocks [start, end] hold enough prose
// for their vocabulary to say what the article is about.
func longArticle(feats []blockFeatures, start, end int) bool {
	paragraphs, words := 0, 0
	for i := start; i <= end; i++ {
		if feats[i].prose {
			paragraphs++
			words += feats[i].words
		}
	}
	return paragraphs >= 8 && words >= 300
}

// maxSumRun returns the contiguous run of w with the greatest sum.
func maxSumRun(w []float64) (start, end int, best float64) {
	best = w[0]
	sum, runStart := 0.0, 0
	for i, x := range w {
		if sum <= 0 {
			sum, runStart = 0, i
		}
		sum += x
		if sum > best {
			best, start, end = sum, runStart, i
		}
	}
	return start, end, best
}

// cutAtEndMarker ends the article before the first end-of-article line
// (a credit line, a share bar, "related articles") that has at least as
// much prose before it as after it: such lines follow an article, and
// what follows them is not the article.
func cutAtEndMarker(feats []blockFeatures, start, end int) int {
	total := 0
	for i := start; i <= end; i++ {
		if feats[i].prose {
			total += feats[i].words
		}
	}
	before := 0
	for i := start; i <= end; i++ {
		if feats[i].endMarker && i > start && before >= total-before {
			return i - 1
		}
		if feats[i].prose {
			before += feats[i].words
		}
	}
	return end
}

// vocabulary counts, for each of the nterms terms, the prose blocks of
// the article [start, end] that use it.
func vocabulary(feats []blockFeatures, start, end, nterms int) []int {
	vocab := make([]int, nterms)
	for i := start; i <= end; i++ {
		if feats[i].prose {
			for _, t := range feats[i].terms {
				vocab[t]++
			}
		}
	}
	return vocab
}

// relatedness is the share of a block's terms that other prose blocks
// of the article use too. self says whether the block's own terms are
// counted in vocab.
func relatedness(f blockFeatures, vocab []int, self bool) float64 {
	if len(f.terms) == 0 {
		return 0
	}
	own := 0
	if self {
		own = 1
	}
	shared := 0
	for _, t := range f.terms {
		if vocab[t]-own > 0 {
			shared++
		}
	}
	return float64(shared) / float64(len(f.terms))
}

// unrelated reports whether a prose block, not itself counted in vocab,
// is about something else than the article.
func unrelated(f blockFeatures, vocab []int) bool {
	return len(f.terms) >= 5 && relatedness(f, vocab, false) < 0.2
}

// titleBefore returns the index of the article's title: the nearest
// block before start marked up as a heading, or heading-like line of
// three or more words that shares a term with the article, looking past
// menus and short lines; -1 if none.
func titleBefore(blocks []timeline.Block, feats []blockFeatures, start int, vocab []int) int {
	for i := start - 1; i >= 0 && i >= start-6; i-- {
		f := feats[i]
		if blocks[i].Kind == timeline.Heading && !f.copyright && !f.pipes && !f.prompt && f.lead == "" {
			return i // marked up as a heading (Markdown)
		}
		if f.copyright || f.pipes || f.prompt || f.endMarker || f.lead != "" || blocks[i].Kind == timeline.ListItem || f.words < 3 {
			continue
		}
		if f.titleLike && (vocab == nil || relatedness(f, vocab, false) > 0) {
			return i
		}
		return -1
	}
	return -1
}

// classifyInside marks a block inside the article's range as furniture
// when it is one, and as a heading when it is a short title-like line.
// Prose inside the article is article text. vocab is nil for an article
// too short to tell unrelated headlines by their words.
func classifyInside(b *timeline.Block, feats []blockFeatures, i int, vocab []int) {
	f := feats[i]
	switch {
	case f.copyright:
		b.Furniture = furnitureCopyright
	case f.pipes:
		b.Furniture = furnitureLinkTitle
	case f.prompt:
		b.Furniture = furniturePromptShort
	case f.endMarker:
		b.Furniture = furnitureEndMarker
	case f.lead != "":
		b.Furniture = f.lead
	case f.callOut:
		b.Furniture = furnitureCallOut
	case f.signature:
		// part of an embedded post: article text, if not a sentence
	case f.prose:
	case vocab != nil && f.titleLike && len(f.terms) >= 4 && relatedness(f, vocab, false) < 0.25:
		b.Furniture = furnitureUnrelated
	case f.titleLike && b.Kind == timeline.Paragraph:
		b.Kind = timeline.Heading
	}
}

// markLinkLists marks runs of three or more short list items that are
// not sentences: menus and lists of links.
func markLinkLists(blocks []timeline.Block, feats []blockFeatures) {
	for i := 0; i < len(blocks); {
		j := i
		for j < len(blocks) && blocks[j].Kind == timeline.ListItem && !feats[j].prose {
			j++
		}
		if j-i >= 3 {
			for k := i; k < j; k++ {
				if !blocks[k].IsFurniture() {
					blocks[k].Furniture = furnitureLinkList
				}
			}
		}
		i = max(j, i+1)
	}
}

// termNumbers numbers the distinct terms of one text's blocks, so that
// the cleaner counts them in slices rather than in a map a block.
type termNumbers struct {
	ids map[string]int
	// last is, for each term's number, 1 + the last block that used it.
	last []int
	// all holds the numbers of every block's terms, one after the other.
	all []int
}

// newTermNumbers returns an empty termNumbers for a text of size bytes.
func newTermNumbers(size int) *termNumbers {
	return &termNumbers{ids: make(map[string]int, min(size/20, 4096)), all: make([]int, 0, min(size/8, 1<<16))}
}

// of returns the numbers of the distinct terms (see terms) of text, the
// text of block i, in order of first appearance. Blocks are numbered in
// order.
func (tn *termNumbers) of(text string, block int) []int {
	first := len(tn.all)
	var buf [words.MaxASCII]byte
	for i := 0; ; {
		start, end := words.Next(text, i)
		if start < 0 {
			return tn.all[first:len(tn.all):len(tn.all)]
		}
		i = end
		id, ok := tn.lookup(&buf, text[start:end])
		if id < 0 {
			continue // no term
		}
		if !ok {
			id = len(tn.last)
			tn.last = append(tn.last, 0)
			tn.ids[words.Term(text[start:end])] = id // a new term: its string kept
		}
		if tn.last[id] != block+1 {
			tn.last[id] = block + 1
			tn.all = append(tn.all, id)
		}
	}
}

// lookup returns the number of word's term and true; -1 when word has
// no term (see words.Term); false when its term has no number yet. It makes
// no string of the term.
func (tn *termNumbers) lookup(buf *[words.MaxASCII]byte, word string) (int, bool) {
	t, _, ascii := words.TermASCII(buf, word)
	if !ascii {
		u := words.TermOfUnicode(word)
		if u == "" {
			return -1, false
		}
		id, ok := tn.ids[u]
		return id, ok
	}
	if len(t) == 0 {
		return -1, false
	}
	id, ok := tn.ids[string(t)]
	return id, ok
}

// count returns how many terms have a number.
func (tn *termNumbers) count() int { return len(tn.last) }
