package timex

import "strings"

// Years and days said in words, as broadcast transcripts print them:
// "nineteen ninety-six", "January nineteen ninety-seven", "March eighth".

// wordYearAt reads a year said in words at k: a number of hundreds from
// eleven to nineteen and the rest of the year, "nineteen ninety-six",
// "nineteen eighty", "nineteen oh five", "eighteen twelve". It returns
// the year and where it ends. "Nineteen hundred" and "twenty ten" are
// left alone: they are as often amounts.
func (f *finder) wordYearAt(k int) (year, end int, ok bool) {
	c := f.wordNumber(k)
	if c < 11 || c > 19 || f.wordNumber(k-1) > 0 {
		return 0, 0, false
	}
	j := k + 1
	n := f.wordNumber(j)
	switch {
	case strings.EqualFold(f.wordText(j), "oh") && f.wordNumber(j+1) >= 1 && f.wordNumber(j+1) <= 9:
		n, end = f.wordNumber(j+1), j+2
	case n >= 10 && n <= 19:
		end = j + 1
	case n >= 20 && n <= 90 && n%10 == 0:
		end = j + 1
		if f.dash(j+1) && f.glued(j+1) && f.glued(j+2) {
			if u := f.wordNumber(j + 2); u >= 1 && u <= 9 {
				n, end = n+u, j+3
			}
		} else if u := f.wordNumber(j + 1); u >= 1 && u <= 9 {
			n, end = n+u, j+2
		}
	default:
		return 0, 0, false
	}
	if f.at(end).lex.unit != unitNone || f.wordNumber(end) > 0 || f.dash(end) {
		return 0, 0, false // "nineteen ninety-six days", "nineteen twenty five", "nineteen twenty-year-olds"
	}
	return c*100 + n, end, true
}

// wordNumber is the number word k says ("nineteen" 19, "ninety" 90), or 0.
func (f *finder) wordNumber(k int) int {
	t := f.at(k)
	if t.kind != tokWord || t.lex.word != wNone || t.lex.flags&lexDecade != 0 || t.lex.number >= 100 {
		return 0
	}
	return int(t.lex.number)
}

// ordinalDayAt reads a day of the month said as an ordinal word after a
// month: "eighth", "twenty-first", "thirty-first". It returns the day
// and where it ends.
func (f *finder) ordinalDayAt(k int) (day, end int, ok bool) {
	t := f.at(k)
	if t.kind != tokWord || t.flags&flagCapital != 0 {
		return 0, 0, false
	}
	day, end = int(t.lex.ordinal), k+1
	if n := f.wordNumber(k); (n == 20 || n == 30) && f.dash(k+1) && f.glued(k+1) && f.glued(k+2) {
		if o := int(f.at(k + 2).lex.ordinal); o >= 1 && o <= 9 {
			day, end = n+o, k+3
		}
	}
	if day < 1 || day > 31 || f.dash(end) || f.at(end).lex.unit != unitNone {
		return 0, 0, false // "May first-quarter", "June first half"
	}
	return day, end, true
}
