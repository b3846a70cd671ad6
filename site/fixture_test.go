package site

import (
	"strings"
	"testing"
	"time"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

// sourceBuilder makes a Source from its text, finding each block and
// sentence by its wording.
type sourceBuilder struct {
	t   *testing.T
	src *timeline.Source
}

func newSource(t *testing.T, src timeline.Source) *sourceBuilder {
	return &sourceBuilder{t: t, src: &src}
}

// block adds the block whose text is the first occurrence of text after
// the previous block, with the given sentences (each numbered n, n+1, ...
// from first; 0 keeps them all 0).
func (b *sourceBuilder) block(kind timeline.BlockKind, furniture, text string, first int, sentences ...string) *sourceBuilder {
	from := 0
	if n := len(b.src.Blocks); n > 0 {
		from = b.src.Blocks[n-1].Span.End
	}
	start := strings.Index(b.src.Text[from:], text)
	if start < 0 {
		b.t.Fatalf("fixture: block %q not in text of %s", text, b.src.ID)
	}
	start += from
	span := timeline.Span{Start: start, End: start + len(text)}
	b.src.Blocks = append(b.src.Blocks, timeline.Block{Span: span, Kind: kind, Furniture: furniture})
	pos := span.Start
	for i, s := range sentences {
		at := strings.Index(b.src.Text[pos:span.End], s)
		if at < 0 {
			b.t.Fatalf("fixture: sentence %q not in block %q", s, text)
		}
		at += pos
		n := 0
		if first > 0 {
			n = first + i
		}
		b.src.Sentences = append(b.src.Sentences, timeline.Sentence{
			Span: timeline.Span{Start: at, End: at + len(s)}, Block: len(b.src.Blocks) - 1, N: n,
		})
		pos = at + len(s)
	}
	return b
}

func day(y int, m time.Month, d int) timex.Date { return timex.NewDate(y, m, d) }

// newsSource is a scraped article with a URL, page furniture, a
// heading, a list, a quote and \r\n line ends.
func newsSource(t *testing.T) *timeline.Source {
	return newSource(t, timeline.Source{
		ID: "a-news", File: "a-news.txt", Format: timeline.FormatText,
		Title:     `Raid <script>alert("x")</script> & more`,
		URL:       "https://example.com/world/raid?id=1&page=2",
		Publisher: "Example News", Author: "Jane Doe",
		Published: timeline.Published{Date: day(2023, 5, 23), Basis: timeline.BasisText,
			Evidence: "Published on 2023-05-23T22:33:50.746Z"},
		Text: "Home | World | Sport\r\n\r\nThe raid\r\n\r\n" +
			"Armed men crossed the border on Monday.\r\nOfficials said 12 people were hurt & 3 \"missing\" <script>.\r\n\r\n" +
			"First item here.\r\nSecond item.\r\n\r\n“We will respond,” the ministry said.\r\n\r\n" +
			"Related\r\nRead more: another story\r\n",
		TextOffset: 0,
	}).
		block(timeline.Paragraph, "navigation list", "Home | World | Sport", 0, "Home | World | Sport").
		block(timeline.Heading, "", "The raid", 1, "The raid").
		block(timeline.Paragraph, "", "Armed men crossed the border on Monday.\r\nOfficials said 12 people were hurt & 3 \"missing\" <script>.", 2,
			"Armed men crossed the border on Monday.", `Officials said 12 people were hurt & 3 "missing" <script>.`).
		block(timeline.ListItem, "", "First item here.", 4, "First item here.").
		block(timeline.ListItem, "", "Second item.", 5, "Second item.").
		block(timeline.Quote, "", "“We will respond,” the ministry said.", 6, "“We will respond,” the ministry said.").
		block(timeline.Heading, "after the end of the article", "Related", 0, "Related").
		block(timeline.Paragraph, "after the end of the article", "Read more: another story", 0, "Read more: another story").src
}

// blogSource is a Markdown note with no title, URL or publication date.
func blogSource(t *testing.T) *timeline.Source {
	return newSource(t, timeline.Source{
		ID: "b-blog", File: "notes/b-blog.md", Format: timeline.FormatMarkdown,
		Title:      "",
		Published:  timeline.Published{Basis: timeline.BasisUnknown},
		Text:       "On Tuesday morning the army said it had pushed the group back. The claim could not be verified.\n\nif x < 1 { panic(\"&\") }",
		TextOffset: -1,
	}).
		block(timeline.Paragraph, "", "On Tuesday morning the army said it had pushed the group back. The claim could not be verified.", 1,
			"On Tuesday morning the army said it had pushed the group back.", "The claim could not be verified.").
		block(timeline.Code, "", "if x < 1 { panic(\"&\") }", 0).src
}

// fixture returns a small timeline that uses every feature the site
// renders, with hostile-looking text in titles and quotes.
func fixture(t *testing.T) *timeline.Timeline {
	t.Helper()
	return &timeline.Timeline{
		Title:       `The Belgorod raid <script>`,
		Description: `Who said what about the "raid" & after`,
		Intro:       "Built from **two** sources; the [data](timeline.json) is there too.\n\n<script>alert(1)</script>\n",
		Sources:     []*timeline.Source{newsSource(t), blogSource(t)},
		Events: []timeline.Event{
			{
				ID: "2023-05-month-fighting", Date: day(2023, 5, 1), Precision: timex.PrecisionMonth,
				Title: "Fighting through May", Summary: "Fighting went on in May.", Background: true,
				Stance: timeline.StanceReport,
				Dating: timeline.Dating{Basis: timeline.DatedExplicit},
				Citations: []timeline.Citation{{Source: "a-news", Sentence: 6, Quote: "“We will respond,” the ministry said.",
					DateBasis: timeline.DatedContext, DatedBy: 2, Speaker: "the ministry", Stance: timeline.StanceClaim}},
			},
			{
				ID: "2023-05-22-raid", Date: day(2023, 5, 22), Precision: timex.PrecisionDay, PartOfDay: "early morning",
				Title:      `Armed group crosses into Belgorod <script>alert("t")</script>`,
				Summary:    `Men in "armoured" vehicles & tanks crossed the border.`,
				Stance:     timeline.StanceReport,
				Dating:     timeline.Dating{Basis: timeline.DatedRelative, Note: "“on Monday” in Example News, published 23 May 2023"},
				OtherDates: []timeline.OtherDate{{Source: "b-blog", Date: "2023-05-23", DateText: "Tuesday morning"}},
				Citations: []timeline.Citation{
					{Source: "a-news", Sentence: 2, Quote: "Armed men crossed the border on Monday.", DateText: "on Monday",
						DateBasis: timeline.DatedRelative, Stance: timeline.StanceReport},
					{Source: "a-news", Sentence: 3, Quote: `Officials said 12 people were hurt & 3 "missing" <script>.`,
						DateBasis: timeline.DatedContext, DatedBy: 2, Speaker: "Officials", Stance: timeline.StanceClaim},
				},
			},
			{
				ID: "2023-05-23-army-claim", Date: day(2023, 5, 23), Precision: timex.PrecisionDay,
				Title: "Army says it pushed the group back", Summary: "The army claimed the group was pushed back.",
				Stance:    timeline.StanceClaim,
				ClaimedBy: []string{"Russian Defence Ministry", "Governor <Gladkov>"}, Disputed: true,
				Accounts: []timeline.Account{
					{Speaker: "Russian Defence Ministry", Stance: timeline.StanceClaim, Summary: "The group was pushed back.", Citations: []int{0}},
					{Speaker: "", Stance: timeline.StanceReport, Summary: "Armed men crossed the border.", Citations: []int{1}},
				},
				Dating: timeline.Dating{Basis: timeline.DatedInferred,
					Note: "“Tuesday morning” in notes/b-blog.md, counted from a publication date inferred as 24 May 2023"},
				Citations: []timeline.Citation{
					{Source: "b-blog", Sentence: 1, Quote: "On Tuesday morning the army said it had pushed the group back.", DateText: "Tuesday morning",
						DateBasis: timeline.DatedInferred, Speaker: "Russian Defence Ministry", Stance: timeline.StanceClaim},
					{Source: "a-news", Sentence: 2, Quote: "Armed men crossed the border on Monday.",
						DateBasis: timeline.DatedExplicit, Stance: timeline.StanceReport},
				},
			},
		},
	}
}
