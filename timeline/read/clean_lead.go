package read

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/words"
)

// Page furniture that text taken from a web page glues to the start of
// the article's lines, or that stands among them: an update stamp
// ("Page last updated at 07:41 GMT, Wednesday, 13 January 2010"), a
// byline ("By Finlo Rohrer BBC News, Washington"), readers' comments
// ("At 11:45 pm on 13 Jan 2010, SheffTim wrote: ..."), calls to send
// views ("You can send us your thoughts using the form below").

// Reasons the cleaner gives for these.
const (
	furnitureStamp    = "update stamp"
	furnitureByline   = "byline"
	furnitureComments = "readers' comments"
	furnitureCallOut  = "call to send views or pictures"
	furnitureCapitals = "caption in capitals"
)

var (
	// commentStamp matches the header of a reader's comment: when it was
	// posted and who wrote it, "At 11:45 pm on 13 Jan 2010, SheffTim
	// wrote:", "At 13:44 20th Jan 2012, BluesBerry wrote:", "April 6,
	// 2011 at 3:27 pm | Reader wrote:".
	commentStamp = regexp.MustCompile(`(?i)(^|\s)at \d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?,?\s+(on\s+)?[\w .,]{3,24}\d{4},\s+[^\s,:]+( [^\s,:]+){0,2}\s+(wrote|writes|said|says):` +
		`|(^|\s)` + postedAt + `([ap]\.?m\.?)?\s*\|[^|:]{1,80}\s(wrote|writes|said|says):`)
	// postStamp matches when a reader's comment was posted, as comment
	// systems print it: opening a line and followed by a bar ("March 1,
	// 2011 at 5:58 pm | The US has…"), or anywhere with "Report abuse"
	// or "Reply" after the bar ("…DUH! February 21, 2011 at 12:12 am |
	// Report abuse | I find…").
	postStamp = regexp.MustCompile(`(?i)(^|\s)` + postedAt + `[ap]\.?m\.?\s*\|`)
	// timeTwice matches a posting stamp's time printed twice ("05:17 pm
	// at 5:17 pm"), a mark of comment systems that is a stamp wherever it
	// stands.
	timeTwice = regexp.MustCompile(`(?i)\d{1,2}:\d{2}\s*[ap]\.?m\.?\s+at \d`)
	// datedComment matches the day and time a comment system prints
	// before a reader's words, opening a line: "22nd February 2012 -
	// 20:25 It is awful…", "February 22, 2012 - 8:25 Deeply sad news".
	datedComment = regexp.MustCompile(`^(\d{1,2}(st|nd|rd|th)? [A-Z][a-z]{2,8} \d{4}|[A-Z][a-z]{2,8} \d{1,2},? \d{4}) - \d{1,2}:\d{2} \S`)
	// ordinalComment matches the day, time and zone a blog's comment
	// system prints before a reader's words, the day an ordinal:
	// "February 27th, 2011 10:05 pm ET It was explained why…".
	ordinalComment = regexp.MustCompile(`^[A-Z][a-z]{2,8} \d{1,2}(st|nd|rd|th), \d{4} \d{1,2}:\d{2} [ap]m [A-Z]{2,4} \S`)
	abuseLink      = regexp.MustCompile(`(?i)^\s*(report abuse|reply)\b`)
	// postedBy matches the other headers comment systems print: who and
	// when ("Posted by: DCfred | September 24, 2008 8:36 PM"), or when
	// and a link to report it ("11:43 am EDT -- Report as abuse").
	postedBy = regexp.MustCompile(`(?i)\bposted by:\s*[^|]{1,60}\|\s*[a-z]{3,9}\.? \d{1,2},? \d{4},? \d{1,2}:\d{2}\s*[ap]\.?m\b` +
		`|\b\d{1,2}:\d{2}\s*[ap]\.?m\.?\s+[a-z]{2,4}\s+--\s+report as abuse\b`)
	// handleWrote matches a line that opens with a user name and "wrote:":
	// a name with a digit, an underscore or a capital inside ("Leo_Naphta",
	// "madmaxtheprof9", "BluesBerry").
	handleWrote = regexp.MustCompile(`^[A-Za-z]*([0-9_]|[a-z][A-Z])[A-Za-z0-9_\-]*\s+(wrote|writes):`)
	// callOut matches a call to readers to send their views or pictures.
	callOut = regexp.MustCompile(`(?i)^((you can|please|why not) )?(send|e-?mail|text|tell|share with|upload) (us |in |the \w+ )?(your|us your) (views|thoughts|comments|experiences|pictures|photos|videos?|images|stories|story|reactions?)\b|\busing the form below\b`)
)

// splitLeads returns blocks with an update stamp, a byline or a credit that opens
// a paragraph cut off into a block of its own, so that the cleaner can
// tell it from the article text that follows it on the same line.
func splitLeads(text string, blocks []timeline.Block) []timeline.Block {
	var out []timeline.Block
	for _, b := range blocks {
		for b.Kind == timeline.Paragraph {
			s := b.Span.Of(text)
			end := stampEnd(s)
			if end == 0 {
				end = bylineEnd(s)
			}
			if end == 0 {
				end = creditEnd(s)
			}
			if end == 0 {
				end = capitalsEnd(s)
			}
			rest, _ := trimSpan(text, b.Span.Start+end, b.Span.End)
			if end == 0 || rest >= b.Span.End {
				break
			}
			lead, _ := trimSpan(text, b.Span.Start, b.Span.Start+end)
			_, leadEnd := trimSpan(text, lead, b.Span.Start+end)
			out = append(out, timeline.Block{Span: timeline.Span{Start: lead, End: leadEnd}, Kind: timeline.Paragraph})
			b.Span.Start = rest
		}
		out = append(out, b)
	}
	return out
}

// stampWords, and timeZones, may stand in an update stamp after "updated".
var stampWords = words.SetOf(`at on help uk am pm a.m p.m monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun`)

// stampEnd returns, when s opens with an update stamp ("Page last
// updated at 07:41 GMT, Wednesday, 13 January 2010 07:41 UK", "Last
// updated: May 3, 2012", "7 March 2012 Last updated at 13:06 GMT") or
// with when a live page posted it, a day and a clock time with its zone
// ("Monday 29 August 2005 02.36 BST"), the offset where it ends; 0
// otherwise.
func stampEnd(s string) int {
	updated := -1                // offset after "updated"
	end, n := 0, 0               // the stamp's end, and its words after "updated"
	clock, prose := false, false // a clock time seen, and "at" or "on", before "updated"
	for prev := 0; ; {
		start, e := words.Next(s, prev)
		if start < 0 || prev > 0 && strings.TrimSpace(strings.Trim(s[prev:start], ",:|-")) != "" {
			break
		}
		w := strings.ToLower(strings.TrimRight(s[start:e], ".,"))
		switch {
		case updated < 0 && (w == "page" || w == "last" || w == "updated"):
			if w == "updated" {
				updated, end = e, e
			}
		case !stampWords[w] && !timeZones[w] && !isClockOrNumber(w):
			return stampAt(s, updated, end, n)
		case updated >= 0:
			end, n = e, n+1
		case w == "at" || w == "on":
			prose = true // "Monday at 10:00 GMT the deadline passed"
		default:
			// "02.36" is one word, "16:07" two with a colon between
			clock = clock || isClockOrNumber(w) && (strings.Contains(w, ".") || s[prev:start] == ":")
			if clock && !prose && timeZones[w] {
				end = e
			}
		}
		prev = e
	}
	return stampAt(s, updated, end, n)
}

// stampAt returns where the stamp stampEnd read ends: after "updated"
// and two words of when or more; else after a clock time and its zone
// (end > 0) before the text it heads, not before a comma as a
// sentence's opening time is ("Monday 10:00 GMT, the deadline passed");
// 0 when neither.
func stampAt(s string, updated, end, n int) int {
	switch {
	case updated >= 0 && n >= 2:
		return end
	case updated < 0 && end > 0 && opensProse(s[end:]):
		return end
	}
	return 0
}

// opensProse reports whether s is empty or, after a space, opens with a
// letter or a quotation mark: the text a stamp heads, not the rest of a
// sentence after a comma or a comment's "-- Report as abuse".
func opensProse(s string) bool {
	if strings.TrimSpace(s) == "" {
		return true
	}
	t := strings.TrimLeft(s, " ")
	r, _ := utf8.DecodeRuneInString(t)
	return len(t) < len(s) && (unicode.IsLetter(r) || strings.ContainsRune(`"“'‘`, r))
}

// timeZones are the zones a clock time is stamped in.
var timeZones = words.SetOf(`gmt utc bst cet cest est edt et pt pst pdt cst cdt ist`)

// isClockOrNumber reports whether w is digits, maybe with a colon or a
// full stop inside ("07:41", "13", "2010", "9.30").
func isClockOrNumber(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !(w[i] >= '0' && w[i] <= '9' || (w[i] == ':' || w[i] == '.') && i > 0) {
			return false
		}
	}
	return true
}

// bylineWords may stand in a byline after the author's name: roles,
// and the small words of a newsroom's or a place's name.
var bylineWords = words.SetOf(`correspondent correspondents editor reporter reporters analyst writer staff
producer bureau chief senior special political diplomatic defence defense security business economics
affairs world news in of and for at the contributor columnist`)

// sentenceOpeners are capitalised words that begin a sentence rather
// than go on with a name.
var sentenceOpeners = words.SetOf(`the a an in on it as at after when while this that there these those some
many more most his her their its our we he she they i if but for from with without despite since
during before until what how why where who`)

// maxBylineWords is the most words a byline runs to.
const maxBylineWords = 14

// bylineStaff end a byline that names a newsroom rather than a person.
var bylineStaff = words.SetOf(`staff staffs writers`)

// bylineEnd returns, when s opens with a byline ("By Jim Muir BBC News,
// Beirut", "By Fawaz Gerges Middle East analyst, LSE"), the offset where
// it ends and the article begins; 0 otherwise. The name is two or more
// capitalised words; the byline goes on with capitalised words and
// roles until a word that opens a sentence, or a lower-case word, whose
// capitalised word before it opens the sentence.
func bylineEnd(s string) int {
	if !strings.HasPrefix(s, "By ") {
		return 0
	}
	type word struct {
		start, end int
		text       string
	}
	var ws []word
	from := 3
	if strings.HasPrefix(s[3:], "the ") {
		from = 7 // "By the CNN Wire Staff", "By the Associated Press"
	}
	for i := from; len(ws) <= maxBylineWords; {
		start, end := words.Next(s, i)
		if start < 0 {
			break
		}
		ws = append(ws, word{start, end, s[start:end]})
		i = end
	}
	names := 0
	for names < len(ws) && names < 4 && words.StartsUpper(ws[names].text) && !sentenceOpeners[strings.ToLower(ws[names].text)] &&
		!monthNames[strings.ToLower(ws[names].text)] && !isWeekdayName(ws[names].text) {
		if names >= 1 && bylineStaff[strings.ToLower(ws[names].text)] && names+1 < len(ws) {
			return ws[names].end // "By the CNN Wire Staff Rebels are…": the staff ends it
		}
		names++
	}
	if names < 2 {
		return 0
	}
	for k := names; k < len(ws); k++ {
		w := ws[k].text
		lw := strings.ToLower(w)
		switch {
		case words.StartsUpper(w) && sentenceOpeners[lw]:
			return ws[k-1].end
		case !words.StartsUpper(w) && !bylineWords[lw]:
			if k-1 < names || bylineWords[strings.ToLower(ws[k-1].text)] {
				return 0 // "By John Smith and others": no byline
			}
			return ws[k-2].end
		}
	}
	if len(ws) <= maxBylineWords && ws[len(ws)-1].end == len(strings.TrimRight(s, " .")) {
		return len(s) // the whole line
	}
	return 0
}

// isWeekdayName reports whether w names a day of the week.
func isWeekdayName(w string) bool {
	switch strings.ToLower(w) {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// isByline reports whether text is a byline standing alone.
func isByline(text string) bool {
	return len(text) < 120 && bylineEnd(text) == len(text)
}

// IsFurnitureSentence reports whether a sentence of an article is page
// furniture by itself, split off from the text it was glued to: an
// update stamp, a byline, a photograph's credit, a news service's place
// and time of posting. It reports nothing.
func IsFurnitureSentence(text string) bool {
	return isStamp(text) || isByline(text) || isCredit(text) || placeStampAt(text) == 0
}

// isStamp reports whether text is an update stamp standing alone.
func isStamp(text string) bool {
	e := stampEnd(text)
	return e > 0 && strings.TrimSpace(text[e:]) == ""
}

// opensComments reports whether text holds a reader's comment header.
func opensComments(text string) bool {
	return saysColon(text) && (commentStamp.MatchString(text) || handleWrote.MatchString(text)) ||
		strings.Contains(text, " - ") && datedComment.MatchString(text) || ordinalComment.MatchString(text) ||
		strings.Contains(text, " at ") && strings.Contains(text, "|") && isPostStamp(text) ||
		(strings.Contains(text, "osted by:") || strings.Contains(text, "as abuse")) && postedBy.MatchString(text)
}

// isPostStamp reports whether text holds when a reader's comment was
// posted (postStamp): opening it, followed by a link to report or
// answer the comment, or with its time twice.
func isPostStamp(text string) bool {
	for _, loc := range postStamp.FindAllStringIndex(text, -1) {
		if strings.TrimSpace(text[:loc[0]]) == "" || abuseLink.MatchString(text[loc[1]:]) ||
			timeTwice.MatchString(text[loc[0]:loc[1]]) {
			return true
		}
	}
	return false
}

// saysColon reports whether text has "wrote:", "writes:", "said:" or
// "says:", in any case: what a comment's header ends with, looked for
// before the expressions are run on every block of every source.
func saysColon(text string) bool {
	for i := strings.IndexByte(text, ':'); i >= 0; {
		start := i
		for start > 0 && isASCIILetter(text[start-1]) {
			start--
		}
		switch strings.ToLower(text[start:i]) {
		case "wrote", "writes", "said", "says":
			return true
		}
		next := strings.IndexByte(text[i+1:], ':')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// postedAt is the day and time a comment system prints a comment was
// posted at ("April 6, 2011 at 3:27 ", "April 22, 2011 05:17 pm at
// 5:17 "), before "pm": what commentStamp and postStamp share.
const postedAt = `[a-z]{3,9}\.? \d{1,2},? \d{4},? (\d{1,2}:\d{2}\s*[ap]\.?m\.?\s+)?at \d{1,2}[:.]\d{2}\s*`

// callOutOpeners are the words a call to readers opens with.
var callOutOpeners = words.SetOf(`you please why send email e-mail text tell share upload`)

// mayCallOut reports whether text may be a call to readers (callOut):
// it opens with one of callOutOpeners, or asks to use a form.
func mayCallOut(text string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(text), " ")
	return callOutOpeners[strings.ToLower(first)] || strings.Contains(text, "form below")
}

// isASCIILetter reports whether c is an ASCII letter.
func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// inCapitals reports whether the words of text before its first
// sentence are set in capitals: a caption or a speaker's label
// ("CHRISTINE BLANCHARD, NEW JERSEY, USA"), at least three words of
// capitals and most of its letters.
func inCapitals(text string) bool {
	upper, letters, words := 0, 0, 0
	inWord := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
			if !inWord {
				words++
			}
			inWord = true
		default:
			inWord = false
		}
	}
	return words >= 3 && letters >= 12 && upper*10 >= letters*9 && utf8.RuneCountInString(text) < 200
}

// capitalsEnd returns, when s opens with two or more words set in
// capitals before a sentence ("CHRISTINE BLANCHARD, NEW JERSEY, USA My
// family is still missing."), the offset where they end; 0 otherwise.
func capitalsEnd(s string) int {
	end, n := 0, 0
	for i := 0; ; {
		start, e := words.Next(s, i)
		if start < 0 || strings.TrimSpace(strings.Trim(s[i:start], ",:-")) != "" {
			return 0 // the whole line, or a mark other than a comma: no caption before a sentence
		}
		w := s[start:e]
		if !allCapitals(w) && !words.IsDigits(w) {
			if n < 2 || !words.StartsUpper(w) {
				return 0
			}
			return end
		}
		if allCapitals(w) {
			n++
		}
		end, i = e, e
	}
}

// allCapitals reports whether w is two or more letters, all capitals.
func allCapitals(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// placeStampAt returns, when s ends with a news service's place and the
// time it posted the story ("ZAWIYAH, Libya | Sat Jun 11, 2011 5:08 pm
// EDT", after a caption or a headline it was glued to), where the place
// begins; -1 otherwise. The place is up to four words in capitals,
// maybe followed by a country ("NEW YORK", "WASHINGTON/RIYADH",
// "BENGHAZI, Libya").
func placeStampAt(s string) int {
	bar := strings.LastIndex(s, " | ")
	if bar <= 0 {
		return -1
	}
	if tail := s[bar+3:]; stampEnd(tail) == 0 || strings.TrimSpace(tail[stampEnd(tail):]) != "" {
		return -1
	}
	head := s[:bar]
	if c := strings.LastIndex(head, ", "); c > 0 {
		if country := words.Split(head[c+2:]); len(country) >= 1 && len(country) <= 2 && words.StartsUpper(country[0]) {
			head = head[:c]
		}
	}
	at := -1
	for k := 0; k < 4 && head != ""; k++ {
		j := strings.LastIndexByte(head, ' ')
		if !isPlaceInCapitals(head[j+1:]) {
			break
		}
		at, head = j+1, head[:max(j, 0)]
	}
	return at
}

// isPlaceInCapitals reports whether w is a word of a dateline's place:
// letters in capitals, two or more, and maybe a slash, a stop or a
// hyphen between them ("WASHINGTON/RIYADH", "U.S.").
func isPlaceInCapitals(w string) bool {
	return isCapitals(placeJoins.Replace(w))
}

// placeJoins removes what joins the parts of a place's name.
var placeJoins = strings.NewReplacer("/", "", ".", "", "-", "")
