package read

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/words"
)

// SpeechVerbs introduce the speaker after a closing quotation mark:
// "“...” Gladkov wrote" goes on with the quotation's sentence.
var SpeechVerbs = words.SetOf(`said says wrote writes told tells added adds stated states tweeted posted
remarked insisted explained noted claimed warned argued asked replied declared announced continued
commented concluded confirmed emphasized emphasised stressed underlined recalled admitted`)

// splitSentences returns the sentences of a block. A heading or a code
// block is one sentence; in other blocks a sentence ends at . ! ? or an
// ellipsis followed by white space and the start of a new sentence, but
// not after an abbreviation ("Dr.", "Gov."), an initial ("J."), an
// acronym with stops ("U.S."), inside a URL or a number, before a lower
// case word, or before the speaker of a quotation ("...” Gladkov said").
// A date or time that heads a line before a colon ("1988: The Anfal
// campaign begins", "26 December: Observers arrive") is the label of
// the line's entry, a sentence of its own.
func splitSentences(text string, b timeline.Block) []timeline.Span {
	if b.Kind == timeline.Heading || b.Kind == timeline.Code {
		return []timeline.Span{b.Span}
	}
	var out []timeline.Span
	start := b.Span.Start
	for i := b.Span.Start; i < b.Span.End; {
		if end := lineLabelEnd(text[:b.Span.End], i); end > 0 {
			label, _ := trimSpan(text, i, end) // the label begins after the line's indentation
			out = appendSentences(out, text, timeline.Span{Start: start, End: i})
			out = append(out, timeline.Span{Start: label, End: end})
			start, _ = trimSpan(text, end, b.Span.End)
		}
		nl := strings.IndexByte(text[i:b.Span.End], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
	}
	return appendSentences(out, text, timeline.Span{Start: start, End: b.Span.End})
}

// appendSentences appends the sentences of the part span of a block to
// out, a byline or a photograph's credit that opens one ("By the CNN
// Wire Staff Rebels are seeking…", after highlights that end with a
// stop; "Photograph: Jim Watson/AFP/Getty CVs always…") a sentence of
// its own.
func appendSentences(out []timeline.Span, text string, b timeline.Span) []timeline.Span {
	n := len(out)
	out = appendSentencesOf(out, text, b)
	for i := n; i < len(out); i++ {
		s := out[i]
		if p := stampBar(s.Of(text)); p > 0 {
			// "February 11, 2011 | By Sarah Hoye, CNN The first days…":
			// the day it was posted apart, then its byline
			out = slices.Insert(out, i+1, timeline.Span{Start: s.Start + p, End: s.End})
			out[i].End = s.Start + p - 1
			continue
		}
		if p := placeStampAt(s.Of(text)); p > 0 {
			// "A rebel fighter stands guard… ZAWIYAH, Libya | Sat Jun
			// 11, 2011 5:08 pm EDT": the place and time of posting apart
			_, end := trimSpan(text, s.Start, s.Start+p)
			out = slices.Insert(out, i+1, timeline.Span{Start: s.Start + p, End: s.End})
			out[i].End = end
			s = out[i]
		}
		if e := max(bylineEnd(s.Of(text)), creditEnd(s.Of(text))); e > 0 && s.Start+e < s.End {
			rest, _ := trimSpan(text, s.Start+e, s.End)
			_, end := trimSpan(text, s.Start, s.Start+e)
			if rest < s.End {
				out = slices.Insert(out, i+1, timeline.Span{Start: rest, End: s.End})
				out[i].End = end
			}
		}
	}
	return out
}

// stampBar returns, when s opens with a few words and a bar before a
// byline, as blogs print the day a post was made ("February 11, 2011 |
// By Sarah Hoye, CNN …"), the offset of the byline; 0 otherwise.
func stampBar(s string) int {
	i := strings.Index(s, " | ")
	if i <= 0 || i > 40 || words.Count(s[:i]) > 6 || bylineEnd(s[i+3:]) == 0 {
		return 0
	}
	return i + 3
}

// appendSentencesOf appends the sentences of the part span of a block to out.
func appendSentencesOf(out []timeline.Span, text string, b timeline.Span) []timeline.Span {
	if s, e := trimSpan(text, b.Start, b.End); s >= e {
		return out
	}
	start := b.Start
	for i := b.Start; i < b.End; {
		r, size := utf8.DecodeRuneInString(text[i:b.End])
		if r == '(' {
			if place := wireDatelineAt(text[:b.End], start, i); place > start {
				_, end := trimSpan(text, start, place)
				out = append(out, timeline.Span{Start: start, End: end})
				start = place
			}
		}
		if at, end := stampInside(text[:b.End], start, i, r); at > start {
			_, head := trimSpan(text, start, at)
			out = append(out, timeline.Span{Start: start, End: head}, timeline.Span{Start: at, End: end})
			start, _ = trimSpan(text, end, b.End)
			i = start
			continue
		}
		if r == ':' {
			if label := capitalsLabelAt(text[:b.End], start, i); label > start {
				_, end := trimSpan(text, start, label)
				out = append(out, timeline.Span{Start: start, End: end})
				start = label
			}
		}
		if !isTerminator(r) {
			i += size
			continue
		}
		end := i + size
		for end < b.End {
			r2, size2 := utf8.DecodeRuneInString(text[end:b.End])
			if !isTerminator(r2) && !words.IsClosing(r2) {
				break
			}
			end += size2
		}
		if end < b.End && endsSentenceAt(text[start:b.End], i-start, end-start) {
			out = append(out, timeline.Span{Start: start, End: end})
			start, _ = trimSpan(text, end, b.End)
		}
		i = end
	}
	if s, e := trimSpan(text, start, b.End); s < e {
		out = append(out, timeline.Span{Start: s, End: e})
	}
	return out
}

// capitalsLabelAt returns where a label in capitals before the colon at
// text[colon] begins, when it stands inside the sentence that began at
// start, after a word, and the text after it opens a sentence: CNN's
// "...a major rally is set for Sunday NEW: Libya's news agency says...",
// where highlights run into each other, or a transcript's "…but -
// PRESIDENT BUSH: No, let me finish"; else 0. A label is a word of three
// capitals or more, with the words in capitals before it.
func capitalsLabelAt(text string, start, colon int) int {
	i := colon
	for i > start && text[i-1] >= 'A' && text[i-1] <= 'Z' {
		i--
	}
	if colon-i < 3 {
		return 0
	}
	i = capitalsBefore(text, start, i) // "SUZANNE MALVEAUX, CNN CORRESPONDENT:", "UNIDENTIFIED FEMALE:"
	if i-1 <= start || text[i-1] != ' ' || !unicode.IsLetter(rune(text[i-2])) && !unicode.IsDigit(rune(text[i-2])) && text[i-2] != '-' {
		return 0
	}
	rest := text[colon+1:]
	if !strings.HasPrefix(rest, " ") {
		return 0
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
	if !startsSentence(first) || words.IsOpening(first) {
		return 0 // a quotation the colon opens: "…tells the BBC: “We…"
	}
	before := strings.ToLower(text[strings.LastIndexByte(text[:i-1], ' ')+1 : i-1])
	if labelCannotFollow[before] {
		return 0 // a name the sentence goes on with: "episodes of CSI: Miami"
	}
	return i
}

// updateStampAt returns where an update stamp whose colon is at
// text[colon] begins and ends, when it stands inside the sentence that
// began at start: a list of a site's videos runs each title into its
// stamp and the next title ("…a break from the past updated: Wed Jan 19
// 2011 12:57:00 The ouster of…"); else 0, 0.
func updateStampAt(text string, start, colon int) (int, int) {
	const word = "updated"
	at := colon - len(word)
	if at <= start || !strings.EqualFold(text[at:colon], word) || text[at-1] != ' ' {
		return 0, 0
	}
	end := stampEnd(text[at:])
	if end == 0 || at+end >= len(text) {
		return 0, 0
	}
	return at, at + end
}

// stampInside returns where an update stamp inside the sentence that
// began at start begins and ends, when the rune r at text[i] is where
// one can be told: its "Last updated" or the colon of its "updated:";
// else 0, 0.
func stampInside(text string, start, i int, r rune) (int, int) {
	switch r {
	case 'L':
		return lastUpdatedAt(text, start, i)
	case ':':
		return updateStampAt(text, start, i)
	}
	return 0, 0
}

// lastUpdatedAt returns where an update stamp that opens with "Last
// updated" at text[last], or with the day before it, begins and ends,
// when it stands inside the sentence that began at start: a video page
// runs its title into its stamp and its text ("Kofi Annan briefs UN on
// peace mission 16 March 2012 Last updated at 14:51 GMT Help The
// international envoy…"); else 0, 0.
func lastUpdatedAt(text string, start, last int) (int, int) {
	if last <= start || text[last-1] != ' ' || !strings.HasPrefix(text[last:], "Last updated") {
		return 0, 0
	}
	at := last
	// the day before it: up to three words back ("16 March 2012")
	for k, i := 0, last-1; k < 3 && i > start; k++ {
		j := strings.LastIndexByte(text[start:i], ' ')
		w := strings.ToLower(text[start+j+1 : i])
		if !isClockOrNumber(w) && !monthNames[w] {
			break
		}
		at, i = start+j+1, start+j
		if j < 0 {
			break
		}
	}
	end := stampEnd(text[at:])
	if end == 0 || at+end >= len(text) {
		return 0, 0
	}
	return at, at + end
}

// wireDatelineAt returns where a news service's dateline begins when
// one stands inside the sentence that began at start, its bracket at
// text[open]: "…to the table Cairo, Egypt (CNN) -- Egyptian President…",
// where a page's highlights run into its first sentence, or "…7:47 pm
// GMT TRIPOLI (Reuters) - Libyan leader…" after a headline and its
// stamp; else 0. A dateline is a place of capitalized words, maybe a
// day ("NEW YORK Aug 18"), the service's name in brackets, and a dash.
func wireDatelineAt(text string, start, open int) int {
	end := strings.IndexByte(text[open:], ')')
	if end < 3 || end > 12 {
		return 0
	}
	name := text[open+1 : open+end]
	if !words.StartsUpper(name) || strings.IndexFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return 0
	}
	rest := strings.TrimLeft(text[open+end+1:], " ")
	if !strings.HasPrefix(rest, "-") && !strings.HasPrefix(rest, "–") && !strings.HasPrefix(rest, "—") {
		return 0
	}
	place := open
	for n := 0; n < 5; n++ {
		j := strings.TrimRight(text[start:place], " ")
		k := strings.LastIndexByte(j, ' ') + 1
		w := strings.TrimSuffix(j[k:], ",")
		if n == 0 && len(w) <= 2 && words.IsNumber(w) {
			place = start + k // the day: "NEW YORK Aug 18 (Reuters) -"
			continue
		}
		if w == "" || !words.StartsUpper(w) || timeZones[strings.ToLower(w)] {
			break
		}
		place = start + k
	}
	if place == open {
		return 0
	}
	return place
}

// capitalsBefore returns where the words in capitals (two letters or
// more, maybe after a comma) that end at text[i] begin, not before
// start: a transcript's speaker, whose name and role a label gives.
func capitalsBefore(text string, start, i int) int {
	for {
		j := i - 1
		if j > start && text[j] == ' ' && text[j-1] == ',' {
			j--
		}
		if j <= start || text[j] != ' ' && text[j] != ',' {
			return i
		}
		k := j
		for k > start && text[k-1] >= 'A' && text[k-1] <= 'Z' {
			k--
		}
		if j-k < 2 || k > start && text[k-1] != ' ' {
			return i
		}
		i = k
	}
}

// labelCannotFollow are the words after which capitals before a colon
// are a name the sentence goes on with, not a label.
var labelCannotFollow = words.SetOf(`the a an of to in on at for with by from and or as told tells said says
wrote writes asked`)

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// endsSentenceAt reports whether the terminators at s[stop:after] (with
// any closing quotes and brackets) end a sentence.
func endsSentenceAt(s string, stop, after int) bool {
	next, _ := utf8.DecodeRuneInString(s[after:])
	if !unicode.IsSpace(next) {
		return false // inside a URL, a number, "U.S.-led"
	}
	rest := strings.TrimLeftFunc(s[after:], unicode.IsSpace)
	first, _ := utf8.DecodeRuneInString(rest)
	if !startsSentence(first) {
		return false
	}
	marks := s[stop:after]
	if strings.HasPrefix(marks, ".") && !strings.HasPrefix(marks, "..") && abbreviationBefore(s[:stop], rest) {
		return false
	}
	if strings.HasPrefix(marks, "..") || strings.HasPrefix(marks, "…") {
		if prev, _ := utf8.DecodeLastRuneInString(s[:stop]); prev == '(' || prev == '[' {
			return false // an omission "(…)" inside a quotation
		}
	}
	if closesQuote(marks) && speakerFollows(rest) {
		return false
	}
	return true
}

// startsSentence reports whether a sentence can begin with r.
func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || words.IsOpening(r) || r == '—' || r == '–' || r == '¿' || r == '¡'
}

// abbreviationBefore reports whether the word that ends before a full
// stop is an abbreviation, an initial or an acronym with stops.
func abbreviationBefore(before, rest string) bool {
	j := len(before)
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:j])
		if !unicode.IsLetter(r) && r != '.' && r != '\'' {
			break
		}
		j -= size
	}
	word := before[j:]
	if j > 0 {
		if r, _ := utf8.DecodeLastRuneInString(before[:j]); !unicode.IsSpace(r) && !words.IsOpening(r) {
			return false // the end of a longer token: a URL, a path
		}
	}
	switch {
	case word == "":
		return false
	case strings.Contains(word, "."): // U.S, e.g, a.m
		if lw := strings.ToLower(word); strings.HasSuffix(lw, "a.m") || strings.HasSuffix(lw, "p.m") {
			// a clock time ends a sentence, but not before its zone
			// ("5:29 p.m. ET, 10:29 p.m. local: …")
			start, end := words.Next(rest, 0)
			return start >= 0 && timeZones[strings.ToLower(strings.TrimRight(rest[start:end], ".,"))]
		}
		return true
	case utf8.RuneCountInString(word) == 1:
		return unicode.IsUpper([]rune(word)[0]) // an initial
	}
	lower := strings.ToLower(word)
	if lower == "no" || lower == "nos" {
		r, _ := utf8.DecodeRuneInString(rest)
		return unicode.IsDigit(r)
	}
	return words.Abbreviations[lower]
}

// closesQuote reports whether the run of terminators and closers ends
// with a closing quotation mark.
func closesQuote(marks string) bool {
	return strings.HasSuffix(marks, "”") || strings.HasSuffix(marks, `"`) || strings.HasSuffix(marks, "»")
}

// speakerFollows reports whether rest begins with the speaker of a
// quotation: up to four capitalised words and a verb of saying.
func speakerFollows(rest string) bool {
	ws := words.Split(firstN(rest, 120))
	for i, w := range ws {
		if i > 4 {
			return false
		}
		if SpeechVerbs[strings.ToLower(w)] {
			return i > 0
		}
		if !words.StartsUpper(w) {
			return false
		}
	}
	return false
}

// firstN returns at most n bytes of s, cut at a rune boundary.
func firstN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// maxLabelBytes is the longest label a line can begin with.
const maxLabelBytes = 24

// lineLabelEnd returns, when the line at offset i of text begins with a
// date or a time and a colon ("1917:", "09:27:", "26 December:", "Dec.
// 26, 2011:"), the offset after its colon; 0 otherwise. The colon must
// be followed by white space and more text.
func lineLabelEnd(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	colon := strings.IndexByte(text[i:min(len(text), i+maxLabelBytes+1)], ':')
	if colon <= 0 {
		return 0
	}
	if digitsAt(text, i) > 0 && digitsAt(text, i+colon+1) > 0 {
		// "09:27: text": the clock's own colon, and the label's after it
		if c := i + colon + 1 + digitsAt(text, i+colon+1); c < len(text) && text[c] == ':' && digitsAt(text, i) <= 2 {
			colon = c - i
		} else {
			return 0
		}
	}
	end := i + colon + 1
	if end >= len(text) || !unicode.IsSpace(rune(text[end])) || strings.TrimSpace(text[end:min(len(text), end+8)]) == "" {
		return 0
	}
	if !isDateLabel(text[i : i+colon]) {
		return 0
	}
	return end
}

// isDateLabel reports whether s is a year, a clock time or a day and a
// month, as a line's label writes them.
func isDateLabel(s string) bool {
	ws := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '.' })
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	if len(ws) == 1 {
		w := ws[0]
		if n := digitsAt(w, 0); n == len(w) {
			return n == 4
		}
		h, m, ok := strings.Cut(w, ":")
		return ok && len(h) >= 1 && len(h) <= 2 && len(m) == 2 && words.IsDigits(h) && words.IsDigits(m)
	}
	months, days := 0, 0
	for _, w := range ws {
		switch {
		case monthNames[strings.ToLower(w)]:
			months++
		case words.IsDigits(w) && len(w) <= 2, words.IsDigits(w) && len(w) == 4:
			days++
		default:
			return false
		}
	}
	return months == 1 && days >= 1
}

// digitsAt returns how many ASCII digits begin s[i:].
func digitsAt(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] >= '0' && s[i+n] <= '9' {
		n++
	}
	return n
}

// monthNames are the names of the months and their abbreviations, lower case.
var monthNames = words.SetOf(`january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec`)
