// Package dating is the second stage of a build: it gives every source
// its publication date and every sentence its date. Publications keeps
// the date a source states, else infers one from the dates it reports
// and from the days the other sources of the story establish;
// DateSentence dates a sentence by its own words, a line's label or the
// sentence before it. Day numbers (DayNumber) are its arithmetic, and
// FileDates answers "why this date?" for a file.
//
// Inferring a date tries many candidate dates for each source; an
// Anchors, where a caller keeps one per source (package keep), saves
// resolving its relative expressions again under a date tried before.
package dating
