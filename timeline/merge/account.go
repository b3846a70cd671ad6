package merge

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/claim"
	"github.com/timeline-project/timeline/timeline/dating"
	"github.com/timeline-project/timeline/timeline/words"
)

// canonicalNames maps the speakers' words, as sentences give them, to
// the one name each speaker has across all sources: its fullest name.
type canonicalNames map[string]string

// nameSpeakers returns the names of every speaker of ms.
func nameSpeakers(ms []*Mention) canonicalNames {
	var names []string
	for _, m := range ms {
		for _, a := range m.Attrs {
			names = append(names, a.Speaker)
		}
	}
	return claim.SpeakerNames(names)
}

// of returns the name of the attribution's speaker.
func (n canonicalNames) of(a claim.Attribution) string { return n[a.Speaker] }

// primary returns the attribution a mention's citation shows: the first
// one; the zero attribution when the source speaks in its own voice.
func (m *Mention) primary() claim.Attribution {
	if len(m.Attrs) == 0 {
		return claim.Attribution{Stance: timeline.StanceReport}
	}
	return m.Attrs[0]
}

// claimsOf returns who claims or denies an event, each named once in
// order of the citations, and the event's stance: a denial when every
// speaker denies it, a claim when someone claims it, else a report.
func claimsOf(members []*Mention, names canonicalNames) ([]string, timeline.Stance) {
	var claimants []string
	claims, denials := 0, 0
	for _, m := range members {
		for _, a := range m.Attrs {
			if name := names.of(a); !slices.Contains(claimants, name) {
				claimants = append(claimants, name)
			}
			if a.Stance == timeline.StanceDenial {
				denials++
			} else {
				claims++
			}
		}
	}
	switch {
	case claims == 0 && denials > 0:
		return claimants, timeline.StanceDenial
	case claims > 0:
		return claimants, timeline.StanceClaim
	}
	return claimants, timeline.StanceReport
}

// accountsOf returns the accounts of an event, one per speaker and
// stance (sources in their own voice count as one speaker, ""), each
// summed up by its member nearest the front of central (the members from
// the most central), and whether they disagree: someone denies what
// others claim or report, or two sources give different counts of one
// thing.
func accountsOf(members, central []*Mention, names canonicalNames) ([]timeline.Account, bool) {
	type key struct {
		speaker string
		stance  timeline.Stance
	}
	rank := make(map[*Mention]int, len(central))
	for i, m := range central {
		rank[m] = i
	}
	var accounts []timeline.Account
	index := map[key]int{}
	// by and said are the member and attribution each account's
	// summary is made from, once all are seen: summing up an account
	// each time a more central member gives it is work thrown away.
	var by []*Mention
	var said []claim.Attribution
	for ci, m := range members {
		attrs := m.Attrs
		if len(attrs) == 0 {
			attrs = []claim.Attribution{{Stance: timeline.StanceReport, Says: m.Text()}}
		}
		for _, a := range attrs {
			k := key{names.of(a), a.Stance}
			ai, ok := index[k]
			if !ok {
				ai = len(accounts)
				index[k] = ai
				accounts = append(accounts, timeline.Account{Speaker: k.speaker, Stance: a.Stance})
				by, said = append(by, m), append(said, a)
			} else if rank[m] < rank[by[ai]] {
				by[ai], said[ai] = m, a
			}
			// ci grows: it is in the list only if it is the last.
			if cs := accounts[ai].Citations; len(cs) == 0 || cs[len(cs)-1] != ci {
				accounts[ai].Citations = append(accounts[ai].Citations, ci)
			}
		}
	}
	for ai := range accounts {
		accounts[ai].Summary = accountSummary(by[ai], said[ai])
	}
	// the accounts most sentences give first
	slices.SortStableFunc(accounts, func(a, b timeline.Account) int { return cmp.Compare(len(b.Citations), len(a.Citations)) })
	return accounts, deniedByOthers(accounts) || figuresDisagree(members)
}

// deniedByOthers reports whether one speaker denies what another claims
// or reports.
func deniedByOthers(accounts []timeline.Account) bool {
	for _, d := range accounts {
		if d.Stance != timeline.StanceDenial {
			continue
		}
		for _, a := range accounts {
			if a.Stance != timeline.StanceDenial && a.Speaker != d.Speaker {
				return true
			}
		}
	}
	return false
}

// maxAccountChars is about the longest summary of an account.
const maxAccountChars = 160

// spokenBySeveral reports whether more than one speaker speaks to an
// event: who says what is then worth listing.
func spokenBySeveral(accounts []timeline.Account) bool {
	named := 0
	for _, a := range accounts {
		if a.Speaker != "" {
			named++
		}
	}
	return named >= 2 || named == 1 && len(accounts) >= 2
}

// accountSummary says an account in short: what the speaker says, or
// the sentence.
func accountSummary(m *Mention, a claim.Attribution) string {
	says, found := saidWords(m, a)
	if !found {
		says = strings.TrimLeft(strings.ReplaceAll(words.CollapseSpace(says), " ,", ","), ",;: ")
	}
	if a.Stance == timeline.StanceDenial && claim.DenialVerbs[a.Verb] {
		says = "denies " + says
	}
	says = unquote(strings.TrimRight(says, " .,;:"))
	if c, ok := clauseWithin(says, maxAccountChars); ok {
		return c
	}
	return says
}

// figuresDisagree reports whether two sources among the members give
// different counts of one thing. It looks at each distinct figure once,
// not at every pair of members: an event cited by thousands of
// sentences repeats a few figures thousands of times.
func figuresDisagree(members []*Mention) bool {
	// givers are the sources of one figure: the first met, and whether
	// another gives it too.
	type givers struct {
		src  *timeline.Source
		many bool
	}
	byUnit := map[string]map[claim.Figure]*givers{}
	for _, m := range members {
		for _, f := range m.Figures {
			if f.Approx {
				continue // agrees with any count
			}
			kinds := byUnit[f.Unit]
			if kinds == nil {
				kinds = map[claim.Figure]*givers{}
				byUnit[f.Unit] = kinds
			}
			if g := kinds[f]; g == nil {
				kinds[f] = &givers{src: m.Src}
			} else if g.src != m.Src {
				g.many = true
			}
		}
	}
	for _, kinds := range byUnit {
		for f, fg := range kinds {
			for g, gg := range kinds {
				// Two sources give f and g when either has two, or
				// their one sources differ.
				if f.Disagrees(g) && (fg.many || gg.many || fg.src != gg.src) {
					return true
				}
			}
		}
	}
	return false
}

// datingOf says how an event's date was found, from its best-dated
// member.
func datingOf(best *Mention) timeline.Dating {
	src := best.Src
	pub := src.Published
	when := func(m *Mention) string {
		return fmt.Sprintf("“%s” in %s", words.CollapseSpace(m.dateText()), src.ID)
	}
	counted := func() string {
		if pub.Basis == timeline.BasisInferred {
			return fmt.Sprintf(", counted from its publication date %s, which was itself inferred (%s)", pub.Date, pub.Evidence)
		}
		return fmt.Sprintf(", counted from its publication date %s (%s)", pub.Date, pub.Basis)
	}
	d := timeline.Dating{Basis: best.Basis}
	switch best.Basis {
	case timeline.DatedExplicit:
		d.Note = "The date is printed: " + when(best) + "."
	case timeline.DatedRelative, timeline.DatedInferred:
		d.Note = "From " + when(best) + counted() + "."
	case timeline.DatedReported:
		d.Note = fmt.Sprintf("No source names the day: %s reported it in its headline or lead, published %s (%s).", src.ID, pub.Date, pub.Basis)
		if dating.InSmallHours(pub) {
			d.Note = fmt.Sprintf("No source names the day: %s reported it in its headline or lead, published %s at %s (%s), in the small hours: its news is of the day before.", src.ID, pub.Date, pub.Time, pub.Basis)
		}
	case timeline.DatedContext:
		d.Note = fmt.Sprintf("Sentence %d of %s has no date of its own; it continues sentence %d", best.Sentence.N, src.ID, best.DatedBy)
		d.Note += ", dated by “" + words.CollapseSpace(best.Root.Of(src.Text)) + "”"
		if best.RootBasis != timeline.DatedExplicit {
			d.Note += counted()
		}
		d.Note += "."
	}
	return d
}
