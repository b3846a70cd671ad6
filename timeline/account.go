package timeline

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline/words"
)

// canonicalNames maps the speakers' words, as sentences give them, to
// the one name each speaker has across all sources: its fullest name.
type canonicalNames map[string]string

// nameSpeakers returns the names of every speaker of ms.
func nameSpeakers(ms []*mention) canonicalNames {
	var names []string
	for _, m := range ms {
		for _, a := range m.attrs {
			names = append(names, a.speaker)
		}
	}
	return speakerNames(names)
}

// of returns the name of the attribution's speaker.
func (n canonicalNames) of(a attribution) string { return n[a.speaker] }

// primary returns the attribution a mention's citation shows: the first
// one; the zero attribution when the source speaks in its own voice.
func (m *mention) primary() attribution {
	if len(m.attrs) == 0 {
		return attribution{stance: StanceReport}
	}
	return m.attrs[0]
}

// claimsOf returns who claims or denies an event, each named once in
// order of the citations, and the event's stance: a denial when every
// speaker denies it, a claim when someone claims it, else a report.
func claimsOf(members []*mention, names canonicalNames) ([]string, Stance) {
	var claimants []string
	claims, denials := 0, 0
	for _, m := range members {
		for _, a := range m.attrs {
			if name := names.of(a); !slices.Contains(claimants, name) {
				claimants = append(claimants, name)
			}
			if a.stance == StanceDenial {
				denials++
			} else {
				claims++
			}
		}
	}
	switch {
	case claims == 0 && denials > 0:
		return claimants, StanceDenial
	case claims > 0:
		return claimants, StanceClaim
	}
	return claimants, StanceReport
}

// accountsOf returns the accounts of an event, one per speaker and
// stance (sources in their own voice count as one speaker, ""), each
// summed up by its member nearest the front of central (the members from
// the most central), and whether they disagree: someone denies what
// others claim or report, or two sources give different counts of one
// thing.
func accountsOf(members, central []*mention, names canonicalNames) ([]Account, bool) {
	type key struct {
		speaker string
		stance  Stance
	}
	rank := make(map[*mention]int, len(central))
	for i, m := range central {
		rank[m] = i
	}
	var accounts []Account
	index := map[key]int{}
	by := map[int]*mention{} // the member each account's summary is from
	for ci, m := range members {
		attrs := m.attrs
		if len(attrs) == 0 {
			attrs = []attribution{{stance: StanceReport, says: m.text()}}
		}
		for _, a := range attrs {
			k := key{names.of(a), a.stance}
			ai, ok := index[k]
			if !ok {
				ai = len(accounts)
				index[k] = ai
				accounts = append(accounts, Account{Speaker: k.speaker, Stance: a.stance})
			}
			if b, ok := by[ai]; !ok || rank[m] < rank[b] {
				by[ai] = m
				accounts[ai].Summary = accountSummary(m, a)
			}
			// ci grows: it is in the list only if it is the last.
			if cs := accounts[ai].Citations; len(cs) == 0 || cs[len(cs)-1] != ci {
				accounts[ai].Citations = append(accounts[ai].Citations, ci)
			}
		}
	}
	// the accounts most sentences give first
	slices.SortStableFunc(accounts, func(a, b Account) int { return cmp.Compare(len(b.Citations), len(a.Citations)) })
	return accounts, deniedByOthers(accounts) || figuresDisagree(members)
}

// deniedByOthers reports whether one speaker denies what another claims
// or reports.
func deniedByOthers(accounts []Account) bool {
	for _, d := range accounts {
		if d.Stance != StanceDenial {
			continue
		}
		for _, a := range accounts {
			if a.Stance != StanceDenial && a.Speaker != d.Speaker {
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
func spokenBySeveral(accounts []Account) bool {
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
func accountSummary(m *mention, a attribution) string {
	says, found := saidWords(m, a)
	if !found {
		says = strings.TrimLeft(strings.ReplaceAll(words.CollapseSpace(says), " ,", ","), ",;: ")
	}
	if a.stance == StanceDenial && denialVerbs[a.verb] {
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
func figuresDisagree(members []*mention) bool {
	// givers are the sources of one figure: the first met, and whether
	// another gives it too.
	type givers struct {
		src  *Source
		many bool
	}
	byUnit := map[string]map[figure]*givers{}
	for _, m := range members {
		for _, f := range m.figures {
			if f.approx {
				continue // agrees with any count
			}
			kinds := byUnit[f.unit]
			if kinds == nil {
				kinds = map[figure]*givers{}
				byUnit[f.unit] = kinds
			}
			if g := kinds[f]; g == nil {
				kinds[f] = &givers{src: m.src}
			} else if g.src != m.src {
				g.many = true
			}
		}
	}
	for _, kinds := range byUnit {
		for f, fg := range kinds {
			for g, gg := range kinds {
				// Two sources give f and g when either has two, or
				// their one sources differ.
				if f.disagrees(g) && (fg.many || gg.many || fg.src != gg.src) {
					return true
				}
			}
		}
	}
	return false
}

// datingOf says how an event's date was found, from its best-dated
// member.
func datingOf(best *mention) Dating {
	src := best.src
	pub := src.Published
	when := func(m *mention) string {
		return fmt.Sprintf("“%s” in %s", words.CollapseSpace(m.dateText()), src.ID)
	}
	counted := func() string {
		if pub.Basis == BasisInferred {
			return fmt.Sprintf(", counted from its publication date %s, which was itself inferred (%s)", pub.Date, pub.Evidence)
		}
		return fmt.Sprintf(", counted from its publication date %s (%s)", pub.Date, pub.Basis)
	}
	d := Dating{Basis: best.basis}
	switch best.basis {
	case DatedExplicit:
		d.Note = "The date is printed: " + when(best) + "."
	case DatedRelative, DatedInferred:
		d.Note = "From " + when(best) + counted() + "."
	case DatedReported:
		d.Note = fmt.Sprintf("No source names the day: %s reported it in its headline or lead, published %s (%s).", src.ID, pub.Date, pub.Basis)
	case DatedContext:
		d.Note = fmt.Sprintf("Sentence %d of %s has no date of its own; it continues sentence %d", best.sentence.N, src.ID, best.datedBy)
		d.Note += ", dated by “" + words.CollapseSpace(best.root.Of(src.Text)) + "”"
		if best.rootBasis != DatedExplicit {
			d.Note += counted()
		}
		d.Note += "."
	}
	return d
}
