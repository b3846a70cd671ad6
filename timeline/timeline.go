// Package timeline holds the domain types of a sourced chronology: an
// Input (a file's name and bytes), the Source read from it (its text,
// blocks and sentences, spans into its text), and the Timeline of a
// story, its Events with their Citations and Accounts. Package site
// turns a Timeline into files.
//
// The packages under it make a Timeline from Inputs, one stage each,
// each importing only the stages before it: read (a source on its own),
// dating (publication dates and sentences' dates), claim (who says
// what), merge (mentions into events), and build, which alone runs
// them in order (build.Build). Package keep wraps the stages for
// rebuilds: what serve and the build cache keep between builds. words
// is the one word tokenizer, parallel the one parallel-for, varint the
// one varint codec; timex finds and resolves temporal expressions,
// mdoc and htmldoc read Markdown and web pages. docs/design.md draws
// the data flow.
//
// All of them are pure: they read no files and no clock; the reference
// date is a parameter.
package timeline

import (
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline/timex"
)

// Span is a half-open range [Start, End) of byte offsets into a source's Text.
type Span struct {
	Start, End int
}

// Of returns the part of text that s covers.
func (s Span) Of(text string) string { return text[s.Start:s.End] }

// Contains reports whether s covers all of t.
func (s Span) Contains(t Span) bool { return s.Start <= t.Start && t.End <= s.End }

// Format is the kind of file a source was read from.
type Format string

// Source formats.
const (
	FormatText     Format = "text"     // .txt: text scraped from a web page
	FormatMarkdown Format = "markdown" // .md
	FormatHTML     Format = "html"     // .html: a saved web page
)

// BlockKind is what a block of a source's text is.
type BlockKind uint8

// Block kinds.
const (
	Paragraph BlockKind = iota
	Heading
	ListItem
	Quote
	Code
)

// String returns the kind's name.
func (k BlockKind) String() string {
	switch k {
	case Heading:
		return "heading"
	case ListItem:
		return "list item"
	case Quote:
		return "quote"
	case Code:
		return "code"
	}
	return "paragraph"
}

// Block is a paragraph, heading or list item of a source's text.
type Block struct {
	Span Span
	Kind BlockKind
	// Furniture says why the cleaner took the block for page furniture
	// rather than article text ("navigation list", "after the end of the
	// article", ...); "" for article text. Furniture is shown, greyed, on
	// the source page but never becomes part of an event.
	Furniture string
}

// IsFurniture reports whether the block is page furniture, not article text.
func (b Block) IsFurniture() bool { return b.Furniture != "" }

// Sentence is one sentence of a source.
type Sentence struct {
	Span Span
	// Block is the index of the sentence's block in Source.Blocks.
	Block int
	// N numbers the article's sentences from 1 in reading order; it is
	// the sentence's anchor (#sN) on the source page. N is 0 for the
	// sentences of page furniture.
	N int
}

// Basis is how a source's publication date was known.
type Basis string

// Publication date bases, as timeline.json names them.
const (
	BasisFrontMatter Basis = "front-matter" // the front matter's published field
	BasisText        Basis = "text"         // a publication line in the text, or a web page's date markup
	BasisInferred    Basis = "inferred"     // reasoned from the dates the text mentions
	BasisUnknown     Basis = "unknown"      // nothing supports a date
)

// Published is a source's publication date and how it was known.
type Published struct {
	// Date is the publication date; the zero Date when unknown.
	Date timex.Date
	// Basis says how Date was known.
	Basis Basis
	// Evidence quotes or describes what supports Date.
	Evidence string
	// Time is the time of day it was published, "15:04" as stated (in
	// the zone its date was stated in), or "" when none was stated.
	Time string
}

// Source is one article as the tool read it.
type Source struct {
	// ID names the source: its front matter id, else its file name
	// without the extension, made safe for use as a file name.
	ID string
	// File is the source's path relative to the source folder, with
	// forward slashes.
	File   string
	Format Format

	Title     string
	URL       string
	Publisher string
	Author    string
	Published Published

	// Text is the text the tool read: for a text file, its bytes after
	// the front matter; for Markdown, the plain text of its blocks; for a
	// web page, the article's text as extracted from the page, a block
	// to a paragraph.
	// Every Span of the source indexes Text.
	Text string
	// TextOffset is the byte offset in the file at which Text begins
	// when Text is a verbatim part of the file (text sources), else -1.
	TextOffset int
	// Blocks are the source's blocks in reading order.
	Blocks []Block
	// Sentences are the sentences of all blocks in reading order.
	Sentences []Sentence
}

// Event is one entry of the chronology: a happening, a statement or a
// claim on a date, cited from one or more sources.
type Event struct {
	// ID is stable across rebuilds of the same sources: "2023-05-22-...".
	ID string
	// Date is the event's date; with Precision month or year only the
	// year (and month) count.
	Date      timex.Date
	Precision timex.Precision
	// PartOfDay is "morning", "afternoon", "early morning", ... or "".
	PartOfDay string
	Title     string
	Summary   string
	// Stance is whether the event is reported by the sources in their
	// own voice, claimed by someone, or denied by someone.
	Stance Stance
	// ClaimedBy names who claims or denies it, where someone does.
	ClaimedBy []string
	// Background is true for an event that the sources mention as
	// background to the story ("granted citizenship in 2015") rather than
	// as one of its days.
	Background bool
	// Disputed is true when the sources disagree on it; Accounts then
	// says who says what.
	Disputed bool
	// Accounts are who says what of the event, one per speaker (or the
	// sources, where they speak in their own voice): given when more than
	// one speaker speaks to it, or when it is disputed.
	Accounts []Account
	// Outlets is how many outlets report the event: its sources'
	// publishers (a source without one is its own outlet), the copies of
	// one text counted once.
	Outlets int
	// Rank is the event's place among all the story's events by how many
	// outlets report it: 1 is the most reported.
	Rank int
	// Dating says how the event's date was found; OtherDates lists the
	// sources that dated it differently.
	Dating     Dating
	OtherDates []OtherDate
	Citations  []Citation
}

// Stance is how a citation, or an event, puts what it reports.
type Stance string

// Stances.
const (
	// StanceReport: the source reports it in its own voice.
	StanceReport Stance = "report"
	// StanceClaim: a speaker says it happened ("X said", "according to X").
	StanceClaim Stance = "claim"
	// StanceDenial: a speaker says it did not happen ("X denied").
	StanceDenial Stance = "denial"
)

// DateBasis is how a sentence was placed on its date, from the best
// founded to the least.
type DateBasis string

// Date bases of a citation, best founded first.
const (
	// DatedExplicit: the sentence prints the date ("May 22", "22.05.2023").
	DatedExplicit DateBasis = "explicit"
	// DatedRelative: the sentence's words ("on Monday", "yesterday") were
	// resolved against its source's publication date.
	DatedRelative DateBasis = "relative"
	// DatedInferred: as DatedRelative, but the publication date itself
	// was inferred rather than printed.
	DatedInferred DateBasis = "inferred"
	// DatedContext: the sentence has no date of its own and takes the
	// date of a neighbouring sentence.
	DatedContext DateBasis = "context"
	// DatedReported: the sentence has no date of its own; it is its
	// source's headline or lead, which reports its news by the day the
	// source was published. A better-dated report of the same happening
	// dates the event it joins.
	DatedReported DateBasis = "reported"
	// DatedMatched: the sentence has no date at all; it reports the same
	// facts (figures, names, places) as sentences that other sources date.
	DatedMatched DateBasis = "matched"
)

// Dating says how an event's date was found.
type Dating struct {
	// Basis is the best-founded basis among the citations that give the
	// event's date.
	Basis DateBasis
	// Note tells a reader in one sentence how the date was found:
	// "“on Monday” in source 002, published 2023-05-23 (inferred)".
	Note string
}

// OtherDate is a source that dates an event differently from the date
// the event shows.
type OtherDate struct {
	// Source is the source's ID.
	Source string
	// Date is the date it gives, as Event.DateString writes dates.
	Date string
	// DateText is the words that gave it.
	DateText string
}

// Account is one side of a disputed event: what one speaker, or one
// source in its own voice, says of it.
type Account struct {
	// Speaker is who says it; "" when sources report it in their own voice.
	Speaker string
	Stance  Stance
	// Summary says the account in short: its figures or its denial.
	Summary string
	// Citations are indices into the event's Citations.
	Citations []int
}

// DateString returns the event's date as timeline.json writes it:
// YYYY-MM-DD, YYYY-MM or YYYY according to its precision; "" when it
// has no date.
func (e *Event) DateString() string {
	s := e.Date.String()
	switch {
	case s == "" || e.Precision == timex.PrecisionDay:
		return s
	case e.Precision == timex.PrecisionMonth:
		return s[:len(s)-3]
	default:
		return s[:len(s)-6]
	}
}

// SourceCount returns how many sources an event cites.
func (e *Event) SourceCount() int {
	var seen []string
	for _, c := range e.Citations {
		if !slices.Contains(seen, c.Source) {
			seen = append(seen, c.Source)
		}
	}
	return len(seen)
}

// Citation points at the sentence of a source that supports an event.
type Citation struct {
	// Source is the cited source's ID.
	Source string
	// Sentence is the cited sentence's number (Sentence.N).
	Sentence int
	// Quote is the sentence, verbatim but for runs of white space,
	// which are one space.
	Quote string
	// DateText is the words that dated the sentence; "" when the
	// sentence was dated by its context.
	DateText string
	// DateBasis is how the sentence was dated.
	DateBasis DateBasis
	// DatedBy is the number of the sentence whose date this one takes
	// when DateBasis is DatedContext; else 0.
	DatedBy int
	// Speaker is who the sentence says claims or denies it, with the
	// role the source gives ("Belgorod Governor Vyacheslav Gladkov");
	// "" when the source reports it in its own voice.
	Speaker string
	// Stance is whether the sentence reports, claims or denies it.
	Stance Stance
}

// Timeline is the chronology of one story.
type Timeline struct {
	Title       string
	Description string
	// Intro is the Markdown body of the folder's site.md, or "".
	Intro string
	// Sources are sorted by ID.
	Sources []*Source
	// Events are sorted by date, then by how many sources cite them.
	Events []Event
}

// Source returns the source with the given ID, or nil.
func (t *Timeline) Source(id string) *Source {
	i, ok := slices.BinarySearchFunc(t.Sources, id, func(s *Source, id string) int {
		return strings.Compare(s.ID, id)
	})
	if !ok {
		return nil
	}
	return t.Sources[i]
}
