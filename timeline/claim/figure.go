package claim

import (
	"strconv"
	"strings"

	"github.com/timeline-project/timeline/timeline/words"
)

// Figure is a count a sentence gives: "70 fighters", "eight injured",
// "more than 70 attackers".
type Figure struct {
	Value int
	// Unit is what is counted, as a stem; casualty words share one
	// ("killed", "dead", "died" → "dead").
	Unit string
	// AtLeast is true for "more than 70", "at least 70", "over 70":
	// any larger count agrees with it.
	AtLeast bool
	// Approx is true for "about 70", "around 70", "nearly 70".
	Approx bool
}

// casualties maps the words for the counted dead, hurt and held to one
// unit each.
var casualties = map[string]string{
	"killed": "dead", "dead": "dead", "died": "dead", "deaths": "dead", "death": "dead", "eliminated": "dead",
	"lives": "dead", "fatalities": "dead", "bodies": "dead",
	"injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
	"arrested": "held", "detained": "held", "captured": "held", "held": "held",
	"missing": "missing", "evacuated": "evacuated", "displaced": "evacuated",
}

// countFillers stand between a number and what it counts.
var countFillers = words.SetOf(`people person persons more other of the than additional further civilians residents`)

// FiguresOf returns the counts that the words ws of a text give, in
// order. Years and the numbers of dates are not counts (leave dates out
// of the text first).
func FiguresOf(ws []string) []Figure {
	var out []Figure
	for i, w := range ws {
		v, ok := countValue(w)
		if !ok {
			continue
		}
		f := Figure{Value: v}
		if i >= 2 {
			q := strings.ToLower(ws[i-2] + " " + ws[i-1])
			f.AtLeast = q == "more than" || q == "at least" || q == "over than"
			f.Approx = q == "up to"
		}
		if i >= 1 {
			switch strings.ToLower(ws[i-1]) {
			case "over", "some":
				f.AtLeast = true
			case "about", "around", "nearly", "almost", "approximately", "roughly", "dozens":
				f.Approx = true
			}
		}
		f.Unit = countUnit(ws, i)
		if f.Unit != "" {
			out = append(out, f)
		}
	}
	return out
}

// countValue reads a count: digits ("70", "1,200") or a number word;
// not a year.
func countValue(w string) (int, bool) {
	if w == "" || w[0] < '0' || w[0] > '9' {
		// Not digits: a number word, or nothing Atoi reads (a word
		// begins with a letter or a digit, never a sign).
		var buf [words.MaxASCII]byte
		if lw, _, ok := words.LowerASCII(&buf, w); ok {
			n, ok := numberWords[string(lw)]
			return n, ok
		}
		n, ok := numberWords[strings.ToLower(w)]
		return n, ok
	}
	lw := strings.ToLower(w)
	if n, ok := numberWords[lw]; ok {
		return n, true
	}
	n, err := strconv.Atoi(strings.ReplaceAll(lw, ",", ""))
	if err != nil || n < 0 || len(lw) == 4 && n >= 1000 && n <= 2199 && !strings.Contains(lw, ",") {
		return 0, false
	}
	return n, true
}

// countUnit returns what the number at ws[i] counts: a casualty word
// just before it ("killed 70") or in the next three words ("eight
// injured", "70 people were killed"), else the stem of the next word
// that is not a filler ("four infantry" → "infan"); "" when nothing
// follows.
func countUnit(ws []string, i int) string {
	for back := 1; back <= 3 && i-back >= 0; back++ {
		lw := strings.ToLower(ws[i-back])
		if u := casualties[lw]; u != "" {
			return u
		}
		if lw != "more" && lw != "than" && lw != "at" && lw != "least" && lw != "some" && lw != "about" {
			break
		}
	}
	noun := ""
	for j := i + 1; j < len(ws) && j <= i+3; j++ {
		lw := strings.ToLower(ws[j])
		if u := casualties[lw]; u != "" {
			return u
		}
		if noun == "" && !countFillers[lw] && lw != "were" && lw != "was" && lw != "had" && lw != "have" {
			noun = words.Stem(lw)
		}
	}
	return noun
}

// Disagrees reports whether two counts of one thing cannot both be true:
// the same unit, different numbers, neither a bound the other meets nor
// an approximation.
func (f Figure) Disagrees(g Figure) bool {
	if f.Unit != g.Unit || f.Value == g.Value || f.Approx || g.Approx {
		return false
	}
	if f.AtLeast && g.Value >= f.Value || g.AtLeast && f.Value >= g.Value {
		return false
	}
	return true
}
