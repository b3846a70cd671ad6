package claim

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline/words"
)

// Organisations: the names of one body across sources ("Coast Guard",
// "United States Coast Guard", "Coast Guard official", "USCG") joined
// into one speaker, and names of two bodies kept apart.

// minOrganisationWords is how many content words an organisation's name
// needs for the names that hold all of them to name it too.
const minOrganisationWords = 2

// joinOrganisations joins the groups of organisations' names where every
// content word of one group's name (two or more) is in another's: "Coast
// Guard", "United States Coast Guard" and "Coast Guard official" speak
// for one body. People's names are left as they are. Groups keep their
// order, each joined into the first it joins. A name held by the names
// of two bodies ("Defense Ministry" by "British Defense Ministry" and
// "Dutch Defense Ministry") joins neither.
func joinOrganisations(groups [][]string) [][]string {
	keys := make([][]string, len(groups))
	heads := make([]string, len(groups))
	for i, g := range groups {
		if _, last := PersonName(g[0]); last == "" {
			keys[i] = speakerKey(g[0])
			slices.Sort(keys[i])
			keys[i] = slices.Compact(keys[i])
			heads[i] = nameHead(g[0])
		}
	}
	parent := make([]int, len(groups))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	bodies := make([][]string, len(groups)) // the body a name speaks for: "Coast Guard" of "Coast Guard official"
	for i, k := range keys {
		bodies[i] = k
		if mouthpieceStems[heads[i]] {
			bodies[i] = slices.DeleteFunc(slices.Clone(k), func(w string) bool { return w == heads[i] })
		}
	}
	for i, ki := range keys {
		if len(ki) < minOrganisationWords {
			continue
		}
		var fuller []int
		for j, kj := range keys {
			if i != j && len(kj) > len(ki) && subsetOf(ki, kj) && speaksFor(heads[j], heads[i]) {
				fuller = append(fuller, j)
			}
		}
		if !nested(fuller, bodies) {
			continue // "Defense Ministry" of "British Defense Ministry" and "Dutch Defense Ministry": which?
		}
		for _, j := range fuller {
			a, b := find(i), find(j)
			parent[max(a, b)] = min(a, b)
		}
	}
	var out [][]string
	at := map[int]int{}
	for i, g := range groups {
		r := find(i)
		if k, ok := at[r]; ok {
			out[k] = append(out[k], g...)
			continue
		}
		at[r] = len(out)
		out = append(out, slices.Clone(g))
	}
	return out
}

// joinAcronyms joins a group named by an acronym ("USCG", "NTC") with the
// one group whose name its letters are the initials of ("United States
// Coast Guard", "National Transitional Council"); an acronym of two
// such names, or of none, is left alone.
func joinAcronyms(groups [][]string) [][]string {
	byInitials := map[string][]int{}
	for i, g := range groups {
		for _, n := range g {
			if in := initials(n); len(in) >= 2 && !slices.Contains(byInitials[in], i) {
				byInitials[in] = append(byInitials[in], i)
			}
		}
	}
	into := map[int]int{}
	for i, g := range groups {
		if !isAcronym(g[0]) {
			continue
		}
		if targets := byInitials[g[0]]; len(targets) == 1 && targets[0] != i {
			into[i] = targets[0]
		}
	}
	if len(into) == 0 {
		return groups
	}
	var out [][]string
	at := map[int]int{}
	for i, g := range groups {
		if _, ok := into[i]; ok {
			continue
		}
		at[i] = len(out)
		out = append(out, slices.Clone(g))
	}
	for i := range groups { // in order, so that the output is the same each time
		if t, ok := into[i]; ok {
			if k, ok := at[t]; ok {
				out[k] = append(out[k], groups[i]...)
			} else {
				at[i] = len(out)
				out = append(out, slices.Clone(groups[i]))
			}
		}
	}
	return out
}

// isAcronym reports whether name is one word of two to six capitals.
func isAcronym(name string) bool {
	if len(name) < 2 || len(name) > 6 {
		return false
	}
	for i := 0; i < len(name); i++ {
		if name[i] < 'A' || name[i] > 'Z' {
			return false
		}
	}
	return true
}

// initials returns the first letters of a name of two or more
// capitalized words, the small words that join them left out ("USCG" of
// "United States Coast Guard"); "" for a name with a word in lower case
// or of one word.
func initials(name string) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(name) {
		switch w {
		case "of", "the", "for", "and", "on", "de":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if r < 'A' || r > 'Z' {
			return ""
		}
		b.WriteRune(r)
		n++
	}
	if n < 2 {
		return ""
	}
	return b.String()
}

// nameHead returns the stem of the word a speaker's name is headed by:
// its last word before a comma, "and" or what qualifies it ("council"
// of "Transitional National Council", "spokesman" of "spokesman for the
// government"); "" for a name of two things ("police and army").
func nameHead(name string) string {
	head, _, _ := strings.Cut(name, ",")
	ws := words.Split(head)
	if slices.Contains(ws, "and") {
		return ""
	}
	if q := slices.IndexFunc(ws, func(w string) bool { return nameQualifiers[w] }); q > 0 {
		ws = ws[:q]
	}
	if len(ws) == 0 {
		return ""
	}
	return words.Stem(strings.ToLower(ws[len(ws)-1]))
}

// speaksFor reports whether a name headed by head speaks for a body
// whose name, all in it, is headed by body: the same body named more
// fully ("United States Coast Guard" for "Coast Guard"), or one who
// speaks for it ("Coast Guard official", "spokesman for the
// government"); not a thing it only names ("Security Council
// resolution", "Coast Guard cutter").
func speaksFor(head, body string) bool {
	return head != "" && (head == body || mouthpieceStems[head])
}

// mouthpieceStems are the stems of words that name who or what speaks
// for a body: its official, spokesman, source or statement.
var mouthpieceStems = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`official officials spokesman spokeswoman spokesperson spokesmen source sources
statement aide aides representative representatives`) {
		m[words.Stem(w)] = true
	}
	return m
}()

// nested reports whether the keys of groups gs, taken shortest first,
// each hold the one before: fuller names of one body, not names of two
// bodies that share words.
func nested(gs []int, keys [][]string) bool {
	slices.SortFunc(gs, func(a, b int) int { return cmp.Compare(len(keys[a]), len(keys[b])) })
	for k := 1; k < len(gs); k++ {
		if !subsetOf(keys[gs[k-1]], keys[gs[k]]) {
			return false
		}
	}
	return true
}

// subsetOf reports whether every word of sorted a is in sorted b.
func subsetOf(a, b []string) bool {
	for _, w := range a {
		if _, ok := slices.BinarySearch(b, w); !ok {
			return false
		}
	}
	return true
}
