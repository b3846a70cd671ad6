// Package merge is the fourth stage of a build: it turns the dated
// sentences of all sources into the chronology's events. Mentions finds
// the mentions of one dated source: its sentences that report something
// on a date (or, undated, may report the same facts as a dated one),
// with their attributions, figures and terms. Events merges the
// mentions of one happening across sources into an Event: clustering
// by terms and days (happen*.go), then each event's date, title,
// summary, accounts (who says what) and rank.
package merge
