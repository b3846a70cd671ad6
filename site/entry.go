package site

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/timeline-project/timeline/timeline"
)

// entryView is one entry of the chronology: its article.
type entryView struct {
	ID         string
	PartOfDay  string
	DateLabel  string // shown in the entry itself only where no day heading says it (background)
	DateTime   string
	Title      string
	Summary    string
	Background bool
	// Sources and Speakers are the keys of its sources and speakers for
	// the filters, space-separated (see filterLists).
	Sources, Speakers string
	// ClaimLabel is "Claimed by", "Denied by" or "Reported by"; ClaimedBy
	// who; both empty when no one is named.
	ClaimLabel string
	ClaimedBy  []string
	Disputed   bool
	DisputeTip tipView
	DateTip    *tipView // how an inferred or context date was found
	// Says is who says what, a line each, when the accounts are not side
	// by side; Accounts are side by side (a disputed entry), the first
	// shown and MoreAccounts folded.
	Says         []sayView
	Accounts     []accountCites
	MoreAccounts []accountCites
	OtherDates   []otherDateView
	// Cites are the citations no account shows.
	Cites citeListView
}

// tipView is a badge whose explanation shows on hover and focus.
type tipView struct {
	ID    string // the id of the explanation, for aria-describedby
	Class string // the badge's class
	Label string
	Text  string
}

// accountView is what one speaker says of an entry.
type accountView struct {
	Speaker string
	Stance  string // "claim", "denial" or "report"
	Summary string
}

// accountCites is an account shown side by side with the others, with
// the citations it rests on.
type accountCites struct {
	accountView
	Cites citeListView
}

// otherDateView is a source that dates the entry differently.
type otherDateView struct {
	Date       string
	DateTime   string
	SourceName string
	Href       string
	DateText   string
}

// citationView is one numbered citation of an entry.
type citationView struct {
	Number      string // 1 for the first
	ID          string // the list item's id, for links from accounts
	TipID       string
	Href        string // the sentence in its source page
	Original    string // the sentence in the original page (a text fragment), or ""
	SourceName  string
	Label       string // the day its source was published, in its outlet's list
	SourceTitle string
	Sentence    int
	Quote       string
	Speaker     string
	SaidBy      string // "Claimed by" (Speaker), "Denied by" …, or "" for the source's own voice
	Dated       string // how the sentence was dated, in words (no bidi controls: see bidi.go)
	Undated     string // "date from context" or "matched date" for a sentence with no date of its own (see undatedLabel)
}

// maxCiteName is the longest name of an outlet in a list of citations,
// in runes; the hover text has it whole.
const maxCiteName = 40

// entry arranges the entry of e: its title to its claims, then who
// says what or its accounts side by side, its other dates and its
// citations (see citeLayout).
func (st *story) entry(e *timeline.Event) entryView {
	keys := st.filters().of[e].keys
	v := entryView{
		ID:         e.ID,
		PartOfDay:  e.PartOfDay,
		Title:      e.Title,
		Summary:    e.Summary,
		Background: e.Background,
		Sources:    keys.sources,
		Speakers:   keys.speakers,
		Disputed:   e.Disputed,
		DateTime:   e.DateString(),
		DisputeTip: tipView{ID: e.ID + "-disputed", Class: "badge-disputed", Label: "Disputed",
			Text: "The sources disagree on this entry."},
	}
	if e.Background {
		v.DateLabel = dateLabel(e)
	}
	if len(e.Accounts) > 0 {
		v.DisputeTip.Text = "The sources disagree on this entry: their accounts are side by side below."
	}
	if names := cleanNames(e.ClaimedBy); len(names) > 0 && !allSpeak(names, e.Accounts) {
		v.ClaimLabel = claimLabel(e.Stance)
		v.ClaimedBy = names
	}
	if tip, ok := dateTip(e); ok {
		v.DateTip = &tip
	}
	lay := st.citeLayout(e)
	number := citeNumbers(lay.order)
	if len(lay.accounts) > 0 && !lay.side {
		v.Says = st.says(e, lay)
	}
	if lay.side {
		for n, k := range lay.accounts {
			a := accountCites{accountOf(e.Accounts[k]), st.citeListView(e, lay.cites[k], "Sources of this account", number)}
			if n < shownAccounts || len(lay.accounts) <= shownAccounts+1 {
				v.Accounts = append(v.Accounts, a)
			} else {
				v.MoreAccounts = append(v.MoreAccounts, a)
			}
		}
	}
	for _, o := range e.OtherDates {
		v.OtherDates = append(v.OtherDates, st.otherDate(o))
	}
	v.Cites = st.citeListView(e, lay.rest, "Sources", number)
	return v
}

// allSpeak reports whether each of names speaks in one of accounts,
// which name them already.
func allSpeak(names []string, accounts []timeline.Account) bool {
	for _, n := range names {
		if !slices.ContainsFunc(accounts, func(a timeline.Account) bool { return strings.TrimSpace(a.Speaker) == n }) {
			return false
		}
	}
	return true
}

// claimLabel says how the named people put an event.
func claimLabel(s timeline.Stance) string {
	switch s {
	case timeline.StanceDenial:
		return "Denied by"
	case timeline.StanceReport:
		return "Reported by"
	}
	return "Claimed by"
}

// stanceName returns the stance as timeline.json names it, "report"
// when unset.
func stanceName(s timeline.Stance) string {
	if s == "" {
		return string(timeline.StanceReport)
	}
	return string(s)
}

// dateTip explains an entry's date when it was inferred, taken from a
// neighbouring sentence or matched with other sources' sentences.
func dateTip(e *timeline.Event) (tipView, bool) {
	tip := tipView{ID: e.ID + "-dating", Class: "badge-dating", Text: withoutBidiControls(strings.TrimSpace(e.Dating.Note))}
	switch e.Dating.Basis {
	case timeline.DatedInferred:
		tip.Label = "Inferred date"
		if tip.Text == "" {
			tip.Text = "Dated by words such as “on Monday”, counted from a publication date that was itself inferred."
		}
	case timeline.DatedContext:
		tip.Label = "Date from context"
		if tip.Text == "" {
			tip.Text = "The cited sentences give no date of their own; the date is that of a neighbouring sentence."
		}
	case timeline.DatedMatched:
		tip.Label = "Matched date"
		if tip.Text == "" {
			tip.Text = "The cited sentences give no date; they report the same facts as sentences that other sources date."
		}
	case timeline.DatedReported:
		tip.Label = "Reported on " + longDate(e.Date)
		if tip.Text == "" {
			tip.Text = "No source names the day: the date is that of the first report, the day it was published (the day before, for a report published in the small hours)."
		}
	default:
		return tipView{}, false
	}
	return tip, true
}

// citationIDs returns the ids of the citation of e numbered n (from 1):
// its list item's and its quote's.
func citationIDs(e *timeline.Event, n int) (id, tipID string) {
	s := strconv.Itoa(n)
	return e.ID + "-c" + s, e.ID + "-q" + s
}

// citation arranges citation i of e, numbered n (from 1).
func (st *story) citation(e *timeline.Event, i, n int) citationView {
	c := e.Citations[i]
	src := st.byID[c.Source]
	id, tipID := citationIDs(e, n)
	v := citationView{
		Number:      strconv.Itoa(n),
		ID:          id,
		TipID:       tipID,
		Href:        sourceHref(c.Source, "s"+strconv.Itoa(c.Sentence)),
		SourceName:  st.nameOf(src),
		Label:       cmp.Or(shortDate(src.Published.Date), "date unknown"),
		SourceTitle: sourceTitle(src),
		Sentence:    c.Sentence,
		Quote:       c.Quote,
		Speaker:     strings.TrimSpace(c.Speaker),
		Dated:       withoutBidiControls(citationDating(c)),
		Undated:     undatedLabel(c),
	}
	if v.Speaker != "" {
		v.SaidBy = claimLabel(c.Stance)
	}
	if link := webLink(src.URL); link != "" {
		v.Original = textFragmentLink(link, c.Quote)
	}
	return v
}

// citationDating says in words how a cited sentence was dated.
func citationDating(c timeline.Citation) string {
	words := "its own words"
	if c.DateText != "" {
		words = "“" + c.DateText + "”"
	}
	switch {
	case c.DateBasis == timeline.DatedMatched:
		return "no date of its own: placed by the facts it shares with sentences that other sources date"
	case c.DateBasis == timeline.DatedReported:
		return "no date of its own: the source's headline or lead, which reports its news by the day it was published"
	case byContext(c) && c.DatedBy > 0:
		return fmt.Sprintf("no date of its own: dated by sentence %d before it", c.DatedBy)
	case byContext(c):
		return "no date of its own: dated by its context"
	case c.DateBasis == timeline.DatedRelative:
		return "dated by " + words + ", counted from the publication date"
	case c.DateBasis == timeline.DatedInferred:
		return "dated by " + words + ", read against a publication date that was itself inferred"
	}
	return "dated by " + words
}

// undatedLabel marks a citation of a sentence with no date of its own
// but a headline's or a lead's (which reports its news by the day it was
// published, as the citation's label says): its hover text says how.
func undatedLabel(c timeline.Citation) string {
	switch {
	case c.DateBasis == timeline.DatedMatched:
		return "matched date"
	case c.DateBasis == timeline.DatedReported:
		return ""
	case byContext(c):
		return "date from context"
	}
	return ""
}

// byContext reports whether a cited sentence takes its date from a
// neighbouring sentence: so its basis says, or, where no basis is given,
// no words of its own dated it.
func byContext(c timeline.Citation) bool {
	return c.DateBasis == timeline.DatedContext || c.DateBasis == "" && c.DateText == ""
}

// accountOf arranges an account of an entry.
func accountOf(a timeline.Account) accountView {
	v := accountView{
		Speaker: strings.TrimSpace(a.Speaker),
		Stance:  stanceName(a.Stance),
		Summary: a.Summary,
	}
	if v.Speaker == "" {
		v.Speaker = "The sources" // they speak in their own voice
	}
	return v
}

// otherDate arranges a differing date of an entry.
func (st *story) otherDate(o timeline.OtherDate) otherDateView {
	v := otherDateView{
		Date:     o.Date,
		DateTime: o.Date,
		DateText: strings.TrimSpace(o.DateText),
	}
	if label := isoLabel(o.Date); label != "" {
		v.Date = label
	}
	src := st.byID[o.Source] // newStory checked that it exists
	v.SourceName = st.nameOf(src)
	v.Href = sourceHref(src.ID, "")
	return v
}

// cleanNames returns names trimmed, without empty ones.
func cleanNames(names []string) []string {
	var out []string
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}
