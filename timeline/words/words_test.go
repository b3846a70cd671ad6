package words

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestTermsOfReusedSet finds the terms of sentences one after another
// with one set, as merge.Mentions does: each gets the terms a new set gives,
// in order, whether the sentence before had many terms (the set kept a
// map) or few, and no result shares memory with the next.
func TestTermsOfReusedSet(t *testing.T) {
	var long []string
	for i := range 40 {
		long = append(long, fmt.Sprintf("border%c%c", 'a'+i%26, 'a'+i/26))
	}
	sentences := []string{
		"Drones struck the refinery near the border on Monday.",
		strings.Join(long, " ") + " borderaa refinery",
		"The refinery burned; officials said the border was closed.",
		"",
		"the of and",
		strings.Join(long[:30], " ") + " refinery",
		"Refinery refinery REFINERY officials.",
	}
	set := new(TermSet)
	var got [][]string
	for _, s := range sentences {
		got = append(got, Terms(Split(s), set))
	}
	for i, s := range sentences {
		want := Terms(Split(s), new(TermSet))
		if !slices.Equal(got[i], want) {
			t.Errorf("sentence %d: terms with a reused set %q, with a new one %q", i, got[i], want)
		}
		seen := map[string]bool{}
		for _, term := range want {
			if seen[term] {
				t.Errorf("sentence %d: term %q given twice", i, term)
			}
			seen[term] = true
		}
	}
	if n := len(Terms(Split(sentences[1]), new(TermSet))); n < 41 {
		t.Errorf("the long sentence has %d terms, want at least 41: the set never kept a map", n)
	}
}

func TestHasVerb(t *testing.T) {
	for s, want := range map[string]bool{
		"Soldiers withdrew from the square after a week of protests.": true,
		"Rebels overran the town and swept into the port.":            true,
		"The talks may resume next week.":                             true,
		"Troops opened fire on the crowd.":                            true,
		"A view of the square from the north":                         false,
		"Map of the region and its towns":                             false,
		"Ukraine Front Lines (@EuromaidanPR) May 23, 2023":            false,
	} {
		if got := HasVerb(s); got != want {
			t.Errorf("HasVerb(%q) = %v, want %v", s, got, want)
		}
	}
}
