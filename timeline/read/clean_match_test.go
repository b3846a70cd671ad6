package read

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// matchCases are lines that the cleaner's fast tests must answer as the
// regular expressions do.
var matchCases = []string{
	"", "abc. Def", "ab. Cd", "Über. Ja", "end.", "end. ", "end.  \t x", "word!? “Next", "said.” He", "said.’) And",
	"word...\n\nNext", "3.5 million", "U.S. troops", "e.g. this", "wow!!! so", "abc.\u00a0x", "abc.\u2003x",
	"Copyright 2023", "COPYRIGHT", "© Reuters", "(c) 2021", "(C)   1999 x", "(c)abc", "All Rights Reserved.",
	"all right", "ALL RIGHTS RESERVED", "rights reserved",
	"Waiting for new raids. pic.twitter.com/pIHxRybkpo", "see https://t.co/abc ", "x.com/user", "instagram.com/p/x\n",
	"at.co/x", "pic.twitter.com/", "the x.com / site", "—CBS Mornings (@CBSMornings) May 23, 2023",
	"(c)\t\n2023", "(c)202", "((c) 1999", "(c) \v2023", "xcopyright", "_copyright", "écopyright", "all rights reſerved",
	"- Name (@x) May", "– a (@b)", "-(@a)", "(@a)", "x — a (@b)",
	"Reporting by Jane Doe", "(Additional reporting by X)", "With Reuters", "Leave a comment", "3 Comments",
	"  comments ", "Share this article: Twitter | Facebook", "Share", "ſhare", "Sharing", "About the author",
	"Related articles", "More in World", "Moreover, it", "Read more", "poſt a reply", "Tags: war", "Tag :",
	"Filed under: news", "You may also like", "Most read", "Jane contributed reporting to this story",
	"Posted May 23", "poſted May 23", "Published on", "republished", "Updated: 10:00", "Released",
}

// seedLines returns the lines of the shipped story's sources.
func seedLines(t *testing.T) []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	return lines
}

func TestCleanMatchersAgreeWithRegexps(t *testing.T) {
	for _, s := range append(matchCases, seedLines(t)...) {
		checkMatchers(t, s)
	}
}

func checkMatchers(t *testing.T, s string) {
	t.Helper()
	if got, want := isEmbeddedPost(s), embeddedPostLink.MatchString(s); got != want {
		t.Errorf("isEmbeddedPost(%q) = %v, the expression says %v", s, got, want)
	}
	if got, want := isCopyright(s), copyrightLine.MatchString(s); got != want {
		t.Errorf("isCopyright(%q) = %v, the expression says %v", s, got, want)
	}
	if got, want := isPostSignature(s), postSignature.MatchString(s); got != want {
		t.Errorf("isPostSignature(%q) = %v, the expression says %v", s, got, want)
	}
	if got, want := isEndMarker(s), endMarkerLine.MatchString(s); got != want {
		t.Errorf("isEndMarker(%q) = %v, the expression says %v", s, got, want)
	}
	if publicationWord.MatchString(s) && !mayBePublicationLine(s) {
		t.Errorf("mayBePublicationLine(%q) = false, but the expression matches", s)
	}
	if got, want := hasSentenceBreak(s), sentenceBreak.MatchString(s); got != want {
		t.Errorf("hasSentenceBreak(%q) = %v, the expression says %v", s, got, want)
	}
}

// FuzzCleanMatchers checks the fast tests against the expressions on
// any text.
func FuzzCleanMatchers(f *testing.F) {
	for _, s := range matchCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMatchers(t, s)
	})
}
