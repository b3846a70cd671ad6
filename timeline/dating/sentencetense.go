package dating

import (
	"strings"

	"github.com/timeline-project/timeline/timeline/read"
	"github.com/timeline-project/timeline/timeline/timex"
	"github.com/timeline-project/timeline/timeline/words"
)

// Whether a sentence that names no time of its own takes the date of the
// one before it: by its tense, and the words that say it reports now.

// takesDateOf reports whether sentence s, which names no time of its
// own, takes the date of the sentence before it, which is prev: not
// when its words put it at the time of writing (a present perfect,
// "now", "latest", "so far", a present tense of a state after a date
// that is gone; a speaker's present "denies" answers what it reports), nor, when prev is more than staleDays before publication,
// unless it plainly goes on telling the past.
func takesDateOf(s string, prev, published timex.Date) bool {
	t := tenseOf(s)
	if t.now {
		return false
	}
	if published.IsZero() || !prev.Before(published) {
		return true
	}
	if prev.AddDays(staleDays).Before(published) {
		return t.narrative && !t.present && !t.modal && !t.saying
	}
	return !t.present || t.past
}

// sentenceTense is what the verbs of a sentence, outside its quotations,
// say of its time.
type sentenceTense struct {
	now       bool // a present perfect, "now", "latest", "so far", "currently"
	present   bool // a verb in the present tense
	past      bool // a verb in the past tense, a verb of saying too
	narrative bool // a past verb other than one of saying
	modal     bool // "would", "will", "could": no plain past
	saying    bool // a verb of saying in the present: "denies", "says"
}

// tenseOf reads the tense of sentence s outside its quotations.
func tenseOf(s string) sentenceTense {
	var t sentenceTense
	ws := words.Split(outsideQuotes(s))
	for i, w := range ws {
		lw := strings.ToLower(w)
		switch {
		case nowWords[lw]:
			t.now = true
		case lw == "so" && i+1 < len(ws) && strings.EqualFold(ws[i+1], "far"):
			t.now = true
		case (lw == "has" || lw == "have") && perfectAfter(ws[i+1:]) && !(i > 0 && afterModal(ws[:i])):
			t.now = true
		case presentVerbs[lw]:
			t.present = true
		case presentSaying[lw]:
			t.saying = true
		case modalVerbs[lw]:
			t.modal = true
		case read.SpeechVerbs[lw] && !strings.HasSuffix(lw, "s"):
			t.past = true
		case pastForms[lw] || len(lw) > 4 && strings.HasSuffix(lw, "ed") && !edAdjective(ws, i):
			t.past, t.narrative = true, true
		}
	}
	return t
}

// edAdjective reports whether the word in -ed at ws[i] is a participle
// after a form of "be" of the present ("is expected") or a modal ("will
// be held"), not a past verb.
func edAdjective(ws []string, i int) bool {
	if i == 0 {
		return false
	}
	switch strings.ToLower(ws[i-1]) {
	case "is", "are", "be", "being", "been", "am":
		return true
	}
	return false
}

// afterModal reports whether the words ws end with a modal, maybe with
// "not": "could not have started" is no present perfect.
func afterModal(ws []string) bool {
	n := len(ws)
	if n > 1 && strings.EqualFold(ws[n-1], "not") {
		n--
	}
	lw := strings.ToLower(ws[n-1])
	return modalVerbs[lw] || lw == "to"
}

// perfectAfter reports whether the words after "has" or "have" make a
// present perfect: a participle, maybe after an adverb.
func perfectAfter(ws []string) bool {
	for i, w := range ws {
		if i > 2 {
			return false
		}
		lw := strings.ToLower(w)
		switch {
		case lw == "not" || lw == "also" || lw == "already" || lw == "now" || lw == "since" || lw == "just" ||
			lw == "never" || lw == "long" || lw == "yet":
			continue
		case participles[lw] || len(lw) > 4 && (strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "en")):
			return true
		}
		return false
	}
	return false
}

// outsideQuotes returns s with its quotations blanked: what a sentence
// reports in its own voice.
func outsideQuotes(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch r {
		case '"':
			in = !in
			continue
		case '“':
			in = true
			continue
		case '”':
			in = false
			continue
		}
		if !in {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// nowWords put a sentence at the time of writing.
var nowWords = words.SetOf(`now currently latest presently nowadays`)

// presentVerbs are verbs of the present tense that tell a state of the
// time of writing.
var presentVerbs = words.SetOf(`is are am remains remain continues continue seems seem appears appear does do
wants want needs need hopes hope fears fear lives live stands stand lies lie`)

// presentSaying are verbs of saying in the present tense: what a speaker
// says now of what the sentence before reports ("Kyiv denies any
// responsibility for the attack").
var presentSaying = words.SetOf(`says say denies deny claims claim insists insist warns warn accuses accuse
urges urge believes believe thinks think admits admit rejects reject blames blame`)

// modalVerbs are verbs that put what follows outside the plain past.
var modalVerbs = words.SetOf(`will would could can may might should must shall`)

// pastForms are past-tense verbs that do not end in -ed.
var pastForms = words.SetOf(`was were had did took made came went saw gave got fell broke brought built caught
fought found fled flew grew held kept knew left led lost met paid ran rose sent shot sold spent stood
struck threw won began became drove hit overran swept sank slew tore withdrew`)

// participles are past participles that do not end in -ed or -en.
var participles = words.SetOf(`been done gone made left had become begun come got brought built caught fought
found fled flown grown held kept known led lost met paid run risen sent shot sold spent stood struck
thrown won hit put set cut let`)
