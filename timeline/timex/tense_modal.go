package timex

import "strings"

// Modals and plans: when "could" and "planned" look ahead.

// couldNot reports whether the "could" at token k tells a past that
// did not happen rather than what may come: "could not be reached
// Monday", "could only", "could see", or after a negative subject
// ("Neither he nor his aides could be located Wednesday").
func (f *finder) couldNot(k int) bool {
	switch strings.ToLower(f.wordText(k + 1)) {
	case "not", "n", "have", "only", "see", "hear", "feel":
		return true
	}
	return f.negativeSubjectBefore(k)
}

// negativeSubjectBefore reports whether the clause of token k opens with
// a negative subject ("Neither he nor…", "No one", "Nobody"), which makes
// a modal after it a past "could not".
func (f *finder) negativeSubjectBefore(k int) bool {
	for i := k - 1; i >= 0 && i >= k-12; i-- {
		t := f.at(i)
		if t.kind == tokPunct && (t.num == '\'' || t.num == '\u2019') {
			continue // "the boy's grandparents"
		}
		if t.kind != tokWord {
			return false
		}
		switch strings.ToLower(f.wordText(i)) {
		case "neither", "nobody", "none":
			return true
		case "one":
			if strings.EqualFold(f.wordText(i-1), "no") {
				return true
			}
		}
	}
	return false
}

// plannedCue is the tense "planned" at token k marks: ahead as a verb
// ("planned a rally on Saturday"), back after "had", none as an
// adjective ("the hastily planned trip").
func (f *finder) plannedCue(k int) Tense {
	prev := strings.ToLower(f.wordText(k - 1))
	switch {
	case prev == "had":
		return TensePast // "had planned a rally on Saturday", then did not
	case f.isAny(k-1, wThe, wA, wAn, wThis, wThat, wPossessive) || strings.HasSuffix(prev, "ly") ||
		prev == "his" || prev == "her" || prev == "their" || prev == "its":
		return TenseUnknown
	}
	return TenseFuture
}

// irregularParticiple reports whether token k is the past participle of
// a verb whose participle does not end in -ed (a word in -ed is a past
// cue of its own): "come", "fallen", "risen". "been" is not one: "has
// been set for March" looks ahead.
func (f *finder) irregularParticiple(k int) bool {
	t := f.at(k)
	return t.kind == tokWord && t.flags&flagCapital == 0 && irregularParticiples[strings.ToLower(f.wordText(k))]
}

var irregularParticiples = map[string]bool{
	"come": true, "gone": true, "done": true, "seen": true, "risen": true, "fallen": true, "grown": true,
	"taken": true, "given": true, "begun": true, "become": true, "won": true, "lost": true, "held": true,
	"left": true, "made": true, "said": true, "told": true, "shown": true, "known": true, "thrown": true,
	"driven": true, "written": true, "spoken": true, "broken": true, "chosen": true, "stolen": true,
	"beaten": true, "eaten": true, "gotten": true, "got": true, "struck": true, "stood": true, "sent": true,
	"spent": true, "built": true, "brought": true, "bought": true, "caught": true, "fought": true,
	"taught": true, "thought": true, "sought": true, "paid": true, "led": true, "met": true, "kept": true,
	"felt": true, "found": true, "sold": true, "heard": true, "fled": true, "flown": true, "drawn": true,
	"withdrawn": true, "shrunk": true, "sunk": true, "slid": true, "swept": true, "overtaken": true,
}
