package read

import (
	"slices"
	"testing"

	"github.com/timeline-project/timeline/timeline"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two sentences", "It began on Monday. Troops withdrew.", []string{"It began on Monday.", "Troops withdrew."}},
		{"question and exclamation", "Who did it? Nobody knows! Yet.", []string{"Who did it?", "Nobody knows!", "Yet."}},
		{"U.S. is no end", "The U.S. State Department said so. It did.", []string{"The U.S. State Department said so.", "It did."}},
		{"title abbreviations", "Dr. Smith met Gov. Gladkov and Mr. Jones. They spoke.", []string{"Dr. Smith met Gov. Gladkov and Mr. Jones.", "They spoke."}},
		{"initials", "J. R. Smith wrote it. Then he left.", []string{"J. R. Smith wrote it.", "Then he left."}},
		{"number abbreviation", "He lives at No. 10 Downing Street. Yes.", []string{"He lives at No. 10 Downing Street.", "Yes."}},
		{"no at the end of a sentence", "The answer was no. Then came talks.", []string{"The answer was no.", "Then came talks."}},
		{"decimal and URL", "Growth was 3.5 percent, see https://example.com/a.b. Fine.", []string{"Growth was 3.5 percent, see https://example.com/a.b.", "Fine."}},
		{"lower case after a stop", "an office. of the FSB was hit. Then more.", []string{"an office. of the FSB was hit.", "Then more."}},
		{"pic.twitter.com", "Waiting for new raids. pic.twitter.com/pIHxRybkpo—Front (@X) May 23, 2023", []string{"Waiting for new raids. pic.twitter.com/pIHxRybkpo—Front (@X) May 23, 2023"}},
		{"ellipsis inside a quotation", `a "small... piece of the homeland." Then`, []string{`a "small... piece of the homeland."`, "Then"}},
		{"ellipsis ends a sentence", "He paused… Then he spoke.", []string{"He paused…", "Then he spoke."}},
		{"omission in brackets", "They send reinforcements (…) They will respond.", []string{"They send reinforcements (…) They will respond."}},
		{"closing quote ends the sentence", "“We will win.” The crowd cheered.", []string{"“We will win.”", "The crowd cheered."}},
		{"speaker after a quotation", "“There are two injured.” Gladkov wrote on Telegram. He left.", []string{"“There are two injured.” Gladkov wrote on Telegram.", "He left."}},
		{"speaker with title", "“It is over.” Governor Vyacheslav Gladkov said. Next.", []string{"“It is over.” Governor Vyacheslav Gladkov said.", "Next."}},
		{"a.m. ends", "It started at 10 a.m. The army moved.", []string{"It started at 10 a.m.", "The army moved."}},
		{"a.m. before its zone", "Posted 5:29 p.m. ET, 10:29 p.m. local: Gadhafi is still in Libya. Next.", []string{"Posted 5:29 p.m. ET, 10:29 p.m. local: Gadhafi is still in Libya.", "Next."}},
		{"line breaks inside", "It was\nlate. Then\nit ended.", []string{"It was\nlate.", "Then\nit ended."}},
		{"no terminator", "Breaking news without a stop", []string{"Breaking news without a stop"}},
		{"multibyte", "Kyiv said “no”. Moscow disagreed.", []string{"Kyiv said “no”.", "Moscow disagreed."}},
		{"a year labels a line", "1988: The Anfal campaign begins.\n1989: The Wall falls.", []string{"1988:", "The Anfal campaign begins.", "1989:", "The Wall falls."}},
		{"a clock labels a line", "Talks go on.\n09:27: Troops move in. More.", []string{"Talks go on.", "09:27:", "Troops move in.", "More."}},
		{"a day and month label a line", "26 December: Observers arrive in Syria.", []string{"26 December:", "Observers arrive in Syria."}},
		{"no label inside a line", "It said 2004: a year to forget.", []string{"It said 2004: a year to forget."}},
		{"a word and a colon is no label", "Update: the talks resumed.", []string{"Update: the talks resumed."}},
		{"highlights run into each other", "A major rally is set for Sunday NEW: Libya's news agency says boats were seized. More.",
			[]string{"A major rally is set for Sunday", "NEW: Libya's news agency says boats were seized.", "More."}},
		{"a label in capitals opening the text", "NEW: Talks resumed.", []string{"NEW: Talks resumed."}},
		{"a transcript's speaker", "We are talking to the EU - PRESIDENT BUSH: No, let me finish. Then UNIDENTIFIED FEMALE: We hate it.",
			[]string{"We are talking to the EU -", "PRESIDENT BUSH: No, let me finish.", "Then", "UNIDENTIFIED FEMALE: We hate it."}},
		{"a speaker's name and role", "Crowds chanted. SUZANNE MALVEAUX, CNN CORRESPONDENT: Starting with Tunisia, protests spread.",
			[]string{"Crowds chanted.", "SUZANNE MALVEAUX, CNN CORRESPONDENT: Starting with Tunisia, protests spread."}},
		{"a quotation after a colon", "She tells the BBC: \"We have lost everything.\" More.", []string{"She tells the BBC: \"We have lost everything.\"", "More."}},
		{"a name with a colon", "He starred in two episodes of CSI: Miami last year.", []string{"He starred in two episodes of CSI: Miami last year."}},
		{"a byline opening a sentence", "Rebels advance on the capital. By the CNN Wire Staff Rebels are seeking the ouster of the leader.",
			[]string{"Rebels advance on the capital.", "By the CNN Wire Staff", "Rebels are seeking the ouster of the leader."}},
		{"a post's day and byline", "February 11, 2011 | By Sarah Hoye, CNN The first days of the protests were torture for her.",
			[]string{"February 11, 2011 |", "By Sarah Hoye, CNN", "The first days of the protests were torture for her."}},
		{"a video page's stamp", "Envoy briefs UN on peace mission 16 March 2012 Last updated at 14:51 GMT Help The international envoy is briefing the council.",
			[]string{"Envoy briefs UN on peace mission", "16 March 2012 Last updated at 14:51 GMT Help", "The international envoy is briefing the council."}},
		{"a bar in a sentence", "Prices rose | fell by turns as traders waited for news.",
			[]string{"Prices rose | fell by turns as traders waited for news."}},
		{"an update stamp inside a line", "Interim president pledges a break from the past updated: Wed Jan 19 2011 12:57:00 The ouster of the ruler has cast a shadow.",
			[]string{"Interim president pledges a break from the past", "updated: Wed Jan 19 2011 12:57:00", "The ouster of the ruler has cast a shadow."}},
		{"a news service's dateline after highlights", `Obama says the "transition must bring all voices to the table" Cairo, Egypt (CNN) -- Mubarak stepped down Friday.`,
			[]string{`Obama says the "transition must bring all voices to the table"`, "Cairo, Egypt (CNN) -- Mubarak stepped down Friday."}},
		{"a dateline after a stamp", "Gaddafi defiant TRIPOLI | Mon Feb 21, 2011 7:47 pm GMT TRIPOLI (Reuters) - Libyan leader spoke.",
			[]string{"Gaddafi defiant", "TRIPOLI | Mon Feb 21, 2011 7:47 pm GMT", "TRIPOLI (Reuters) - Libyan leader spoke."}},
		{"a caption before a place and stamp", "A fighter stands guard, June 11, 2011.\nZAWIYAH, Libya | Sat Jun 11, 2011 5:08 pm EDT ZAWIYAH, Libya (Reuters) - Troops fought rebels.",
			[]string{"A fighter stands guard, June 11, 2011.", "ZAWIYAH, Libya | Sat Jun 11, 2011 5:08 pm EDT", "ZAWIYAH, Libya (Reuters) - Troops fought rebels."}},
		{"a dateline with its day", "Oil drops NEW YORK | Thu Aug 18, 2011 11:48 pm IST NEW YORK Aug 18 (Reuters) - Oil fell.",
			[]string{"Oil drops", "NEW YORK | Thu Aug 18, 2011 11:48 pm IST", "NEW YORK Aug 18 (Reuters) - Oil fell."}},
		{"a dateline opening the sentence", "CAIRO (Reuters) - Oil rose. More.", []string{"CAIRO (Reuters) - Oil rose.", "More."}},
		{"a bracket that is no dateline", "The ministry (MoD) said so (later) - and more.", []string{"The ministry (MoD) said so (later) - and more."}},
		{"an acronym before a colon and lower case", "The ratio stood at 3 to 1 in the NATO: a record.", []string{"The ratio stood at 3 to 1 in the NATO: a record."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := splitSentences(tt.text, timeline.Block{Span: timeline.Span{Start: 0, End: len(tt.text)}, Kind: timeline.Paragraph})
			var got []string
			for _, s := range spans {
				got = append(got, s.Of(tt.text))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("splitSentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSplitSentencesHeadingIsOne(t *testing.T) {
	text := "Breaking. News. Today."
	spans := splitSentences(text, timeline.Block{Span: timeline.Span{Start: 0, End: len(text)}, Kind: timeline.Heading})
	if len(spans) != 1 || spans[0] != (timeline.Span{Start: 0, End: len(text)}) {
		t.Errorf("heading split into %v, want one sentence", spans)
	}
}

func TestSplitSentencesInsideBlock(t *testing.T) {
	text := "xx  First one. Second one.  yy"
	b := timeline.Block{Span: timeline.Span{Start: 4, End: 26}}
	spans := splitSentences(text, b)
	want := []timeline.Span{{Start: 4, End: 14}, {Start: 15, End: 26}}
	if !slices.Equal(spans, want) {
		t.Errorf("spans %v, want %v", spans, want)
	}
}
