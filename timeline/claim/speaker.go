package claim

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-project/timeline/timeline/words"
)

// Speakers: within a source, "he", "they", "the ministry" stand for a
// speaker named just before; across sources, one speaker is named in
// several ways ("Podolyak" / "Mykhailo Podolak", "Russian Defense
// Ministry" / "Russia's defense ministry") and gets one name, the
// fullest one any source gives.

// resolveWindow is how many sentences back a pronoun or a definite
// description ("the ministry") looks for the speaker it stands for.
const resolveWindow = 2

// SpeakerContext remembers the speakers of a source's recent sentences.
type SpeakerContext struct {
	recent []namedSpeaker
}

type namedSpeaker struct {
	name     string
	sentence int
}

// Resolve returns the attributions of sentence n with pronouns and
// definite descriptions replaced by the speaker they stand for, and
// those that stand for no one dropped; it then remembers the named ones.
func (sc *SpeakerContext) Resolve(n int, attrs []Attribution) []Attribution {
	var out []Attribution
	for _, a := range attrs {
		if isAnaphor(a.Speaker) {
			name, ok := sc.antecedent(n, a.Speaker)
			if !ok {
				continue
			}
			a.Speaker = name
		}
		out = append(out, a)
		sc.recent = append(sc.recent, namedSpeaker{a.Speaker, n})
	}
	if len(sc.recent) > 16 {
		sc.recent = sc.recent[len(sc.recent)-16:]
	}
	return out
}

// isAnaphor reports whether a speaker phrase only points back: a
// pronoun, or a lone lower-case noun such as "ministry" (of "the
// ministry").
func isAnaphor(sp string) bool {
	ws := words.Split(sp)
	if len(ws) == 1 && SpeakerPronouns[strings.ToLower(ws[0])] {
		return true
	}
	// "the ministry", "the group": one lower-case noun; "opposition
	// party" or "local officials" describe a speaker of their own, and
	// so does a plural ("residents said", "witnesses say").
	return len(ws) == 1 && !words.StartsUpper(ws[0]) && !IsNumberWord(strings.ToLower(ws[0])) && !GenericSpeaker(sp)
}

// GenericSpeaker reports whether a speaker phrase names no one in
// particular: one plural noun in lower case, in -s but not -ss
// ("residents", "witnesses"; not "press").
func GenericSpeaker(sp string) bool {
	ws := words.Split(sp)
	if len(ws) != 1 || words.StartsUpper(ws[0]) || SpeakerPronouns[strings.ToLower(ws[0])] {
		return false
	}
	w := ws[0]
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// antecedent finds the speaker an anaphor of sentence n stands for: for
// a description, the latest recent speaker whose name holds its head
// word ("the ministry" → "Russia's defense ministry"); for a pronoun,
// the latest speaker of this or the previous sentence.
func (sc *SpeakerContext) antecedent(n int, anaphor string) (string, bool) {
	ws := words.Split(anaphor)
	head := strings.ToLower(ws[len(ws)-1])
	pronoun := SpeakerPronouns[head]
	for i := len(sc.recent) - 1; i >= 0; i-- {
		r := sc.recent[i]
		if pronoun {
			if n-r.sentence <= 1 && !isAnaphor(r.name) {
				return r.name, true
			}
			continue
		}
		if n-r.sentence > resolveWindow {
			break
		}
		for _, w := range words.Split(r.name) {
			if words.Stem(strings.ToLower(w)) == words.Stem(head) {
				return r.name, true
			}
		}
	}
	// "The group asserted…" after "the Legion claimed…": a description
	// of an organisation stands for the organisation just named.
	if !pronoun && orgWords[head] {
		for i := len(sc.recent) - 1; i >= 0 && n-sc.recent[i].sentence <= 1; i-- {
			if r := sc.recent[i]; !isAnaphor(r.name) {
				if _, last := PersonName(r.name); last == "" {
					return r.name, true
				}
			}
		}
	}
	return "", false
}

// speakerKey returns what two names of one speaker share: the stems of
// their content words, in order of the words, with possessives, articles
// and "of" left out and British spellings made American.
func speakerKey(name string) []string {
	var key []string
	for _, w := range words.Split(name) {
		lw := strings.ToLower(w)
		lw = strings.TrimSuffix(strings.TrimSuffix(lw, "'s"), "’s")
		if lw == "the" || lw == "of" || lw == "for" || lw == "a" || lw == "an" {
			continue
		}
		key = append(key, words.Stem(lw))
	}
	return key
}

// PersonName returns the name a speaker phrase gives a person: its
// last run of two or more capitalized words that are not an
// organisation's ("Vyacheslav Gladkov" of "Belgorod Governor Vyacheslav
// Gladkov"), or a lone capitalized surname before an appositive
// ("Gladkov, the governor"); "" when it names none.
func PersonName(name string) (first, last string) {
	if ws := words.Split(name); len(ws) == 1 && words.StartsUpper(ws[0]) && !orgWords[strings.ToLower(ws[0])] {
		return "", ws[0] // a surname alone ("Peskov"), or a place ("Moscow"): only a close spelling matches it
	}
	segs := strings.Split(name, ",")
	for _, seg := range segs {
		if first, last := personBefore(seg); last != "" {
			return first, last // "Sidney Kwiram" of "Sidney Kwiram of Human Rights Watch"
		}
		ws := words.Split(seg)
		if len(ws) == 0 || !nameWord(ws[len(ws)-1]) || orgWords[strings.ToLower(ws[len(ws)-1])] {
			continue
		}
		if q := slices.IndexFunc(ws, func(w string) bool { return nameQualifiers[w] }); q > 0 && !words.StartsUpper(ws[q-1]) {
			continue // "sources at Misratah Medical Complex": the name after is where they are
		}
		run := 0
		for j := len(ws) - 1; j >= 0 && nameWord(ws[j]) && (j == len(ws)-1 || !isPossessive(ws[j])) && !orgWords[strings.ToLower(ws[j])] && !IsRole(ws[j]); j-- {
			run++
		}
		switch {
		case run >= 2:
			return ws[len(ws)-run], ws[len(ws)-1]
		case run == 1 && len(segs) > 1 && len(ws) == 1:
			return "", ws[0]
		}
	}
	return "", ""
}

// personBefore returns the person a phrase names before what qualifies
// it ("Abdul Ghoga" of "Vice Chairman Abdul Ghoga of the Council"): a
// run of two or more capitalized words that are not an organisation's
// or a role, ending where the qualifier begins.
func personBefore(seg string) (first, last string) {
	ws := words.Split(seg)
	q := slices.IndexFunc(ws, func(w string) bool { return nameQualifiers[w] })
	if q < 2 {
		return "", ""
	}
	run := 0
	for j := q - 1; j >= 0 && nameWord(ws[j]) && !orgWords[strings.ToLower(ws[j])] && !IsRole(ws[j]); j-- {
		run++
	}
	if run < 2 {
		return "", ""
	}
	return ws[q-run], ws[q-1]
}

// nameWord reports whether a word can be part of a person's name: it
// starts with a capital, or it is a name after a particle of a few
// letters joined by a hyphen ("el-Khatib", "al-Assad").
func nameWord(w string) bool {
	if words.StartsUpper(w) {
		return true
	}
	i := strings.LastIndexByte(w, '-')
	return i > 0 && i <= 3 && words.StartsUpper(w[i+1:])
}

// nameQualifiers open what qualifies a name: whom a person speaks for
// or where they are.
var nameQualifiers = words.SetOf(`of for at from in with`)

// orgWords end the names of organisations and places, not people.
var orgWords = words.SetOf(`ministry corps legion army service council office government kremlin news
times agency committee party police forces command department union republic federation region
state states kingdom house court bank guard guards battalion brigade division company group
post press tv radio network channel media commission assembly parliament senate congress nations
committees councils ministries agencies groups parties unions commissions`)

// roleWords are titles that stand before a person's name.
var roleWords = words.SetOf(`governor president minister spokesman spokeswoman deputy general colonel
mayor senator prime secretary chief head adviser advisor ambassador commander director
prosecutor judge captain lieutenant major sergeant dr mr mrs ms prof col gen lt sgt capt maj adm cmdr
rep sen gov`)

// IsRole reports whether w is a title before a person's name, or one
// joined by a hyphen ("Secretary-General", "Lieutenant-Colonel").
func IsRole(w string) bool {
	for part := range strings.SplitSeq(strings.ToLower(w), "-") {
		if roleWords[part] {
			return true
		}
	}
	return false
}

// sameSpeaker reports whether two names name one speaker: people with
// one surname (allowing one letter of difference in transliteration)
// and no first names that differ; otherwise the same content words.
func sameSpeaker(a, b string) bool {
	af, al := PersonName(a)
	bf, bl := PersonName(b)
	if al != "" && bl != "" {
		if !closeSpelling(strings.ToLower(al), strings.ToLower(bl)) {
			return false
		}
		return af == "" || bf == "" || sameFirstName(af, bf)
	}
	if al != "" || bl != "" {
		return false
	}
	ka, kb := speakerKey(a), speakerKey(b)
	slices.Sort(ka)
	slices.Sort(kb)
	return len(ka) > 0 && slices.Equal(ka, kb)
}

// sameFirstName reports whether two first names are one spelled two
// ways ("Musa", "Moussa"; "Mohamed", "Muhammad"), or one is the other's
// initial ("M."): the same consonants in the same order.
func sameFirstName(a, b string) bool {
	ca, cb := consonants(a), consonants(b)
	if len(ca) <= 1 || len(cb) <= 1 { // an initial, or a name of vowels
		return strings.EqualFold(a[:1], b[:1])
	}
	return ca == cb
}

// consonants returns the consonants of a name in lower case, each run
// of one letter once: "ms" of "Moussa", "mhmd" of "Mohammed".
func consonants(name string) string {
	var b strings.Builder
	var last rune
	for _, r := range strings.ToLower(name) {
		if !unicode.IsLetter(r) || strings.ContainsRune("aeiouy", r) || r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// closeSpelling reports whether two surnames are one name spelled two
// ways: equal, or five letters or longer and one edit apart.
func closeSpelling(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 5 || len(rb) < 5 || ra[0] != rb[0] {
		return false
	}
	return editDistanceAtMostOne(ra, rb)
}

func editDistanceAtMostOne(a, b []rune) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return slices.Equal(a[i+1:], b[i+1:])
	}
	return slices.Equal(a[i:], b[i+1:])
}

// SpeakerNames gives every speaker name the name of its speaker across
// all sources: names of one speaker are grouped, and each group is named
// by its fullest name: one with a first name, then the most words in
// capitals, then the fewest words ("Belgorod Governor Vyacheslav
// Gladkov" over "Governor Vyacheslav Gladkov of Belgorod"), then the
// most used ("United States" over a source's "United State"), then the
// first in order. Names are compared only within a block: people by
// their surname's first letter, organisations by their content words.
func SpeakerNames(names []string) map[string]string {
	uses := make(map[string]int, len(names))
	for _, n := range names {
		uses[n]++
	}
	names = slices.Clone(names)
	slices.Sort(names)
	names = slices.Compact(names)
	// People named in full are grouped first, so that a surname alone
	// ("Ali") can tell whether it names one of them or several.
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(hasFirstName(b), hasFirstName(a)) })
	var groups [][]string
	blocks := map[string][]int{} // block key -> groups in it
	for _, n := range names {
		bk := speakerBlock(n)
		fits := -1
		for _, gi := range blocks[bk] {
			if !slices.ContainsFunc(groups[gi], func(m string) bool { return !sameSpeaker(m, n) }) {
				if fits >= 0 { // "Ali" of "Salah Ali" and "Firas Ali": which?
					fits = -2
					break
				}
				fits = gi
				if hasFirstName(n) == 1 {
					break
				}
			}
		}
		if fits >= 0 {
			groups[fits] = append(groups[fits], n)
			continue
		}
		blocks[bk] = append(blocks[bk], len(groups))
		groups = append(groups, []string{n})
	}
	groups = joinAcronyms(joinOrganisations(groups))
	out := make(map[string]string, len(names))
	for _, g := range groups {
		full := slices.MaxFunc(g, func(a, b string) int {
			return cmp.Or(cmp.Compare(hasFirstName(a), hasFirstName(b)), cmp.Compare(capitals(a), capitals(b)),
				cmp.Compare(words.Count(b), words.Count(a)), cmp.Compare(uses[a], uses[b]), cmp.Compare(b, a))
		})
		for _, n := range g {
			out[n] = full
		}
	}
	return out
}

// hasFirstName returns 1 when a name gives a person's first name, else 0.
func hasFirstName(name string) int {
	if first, _ := PersonName(name); first != "" {
		return 1
	}
	return 0
}

// capitals returns how many of a name's words are capitalized: proper
// names ("Russian Defense Ministry") over descriptions.
func capitals(name string) int {
	n := 0
	for _, w := range words.Split(name) {
		if words.StartsUpper(w) {
			n++
		}
	}
	return n
}

// speakerBlock returns the block a name is compared within.
func speakerBlock(name string) string {
	if _, last := PersonName(name); last != "" {
		r, _ := utf8.DecodeRuneInString(strings.ToLower(last))
		return "person " + string(r)
	}
	key := speakerKey(name)
	slices.Sort(key)
	return "org " + strings.Join(key, " ")
}
