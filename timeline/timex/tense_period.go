package timex

import "strings"

// Periods that run on from the expression, whatever the tense of the
// clause: what starts on a day ("starting Monday"), and a time granted
// or put off ("extended the loans through January", "postponed until
// Saturday") looks ahead.

// startingAt reports whether token k opens a period that runs from the
// expression on: "starting", "beginning", "effective".
func (f *finder) startingAt(k int) bool {
	switch strings.ToLower(f.wordText(k)) {
	case "starting", "beginning", "effective":
		return true
	}
	return false
}

// deferredTo reports whether token k is the "until" or "to" of a
// postponement ("postponed until", "adjourned to", "pushed back to") or
// the end of a time granted ("extended the loans through January",
// "gave the bidder until mid-November").
func (f *finder) deferredTo(k int) bool {
	if f.isAny(k, wUntil, wThrough) && f.grantedBefore(k) {
		return true
	}
	if !f.isAny(k, wUntil, wTo) {
		return false
	}
	v := k - 1
	if w := strings.ToLower(f.wordText(v)); w == "back" || w == "off" {
		v--
		switch strings.ToLower(f.wordText(v)) {
		case "pushed", "put", "push", "pushing", "putting", "puts", "pushes":
			return true
		}
		return false
	}
	w := strings.ToLower(f.wordText(v))
	for _, p := range [...]string{"postpon", "delay", "adjourn", "defer", "reschedul"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// grantWindow is how many words before "until" a verb that grants or
// extends a time is looked for.
const grantWindow = 12

// grantedBefore reports whether a verb that grants or extends a time
// stands in the clause before token k: the time then runs on from the
// granting, whatever its tense.
func (f *finder) grantedBefore(k int) bool {
	for j := k - 1; j >= 0 && k-j <= grantWindow && !f.punct(j, ';') && !f.punct(j, '.'); j-- {
		w := strings.ToLower(f.wordText(j))
		switch w {
		case "gave", "give", "gives", "given", "giving", "granted", "grant", "grants":
			return true
		}
		if strings.HasPrefix(w, "extend") {
			return true
		}
	}
	return false
}
