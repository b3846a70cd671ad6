// Package claim is the third stage of a build: what a sentence says and
// who says it. It finds attributions ("X said", "according to X", "X
// denied"), resolves pronouns and short names to the speaker they stand
// for within a source, tells a speaker's names apart across the story,
// reads the counts a sentence gives ("70 fighters", "eight injured")
// and whether two counts disagree, and knows a reporter's caveat
// ("could not be independently verified") from a claim.
package claim
