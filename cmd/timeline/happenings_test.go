package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// This file holds the happenings scorer of ../shared/tools/score-story
// in Go: each gold happening must be ONE entry citing enough outlets,
// one entry standing for one happening only. The seeds' gold is copied
// in testdata/gold; the Titan story and its gold are read from
// ../shared, which CI has beside the clone, and never copied.

// storyGold is a gold file as score-story reads it.
type storyGold struct {
	Events  []goldHappening   `json:"events"`
	Outlets map[string]string `json:"outlets"`
}

// goldHappening is a happening of a gold file: the dates it may have,
// what a citation of it quotes, and how many outlets must report it.
type goldHappening struct {
	ID         string   `json:"id"`
	Date       string   `json:"date"`
	Dates      []string `json:"dates"`
	Match      []string `json:"match"`
	Min        *int     `json:"min"`
	MinSources int      `json:"min_sources"`
	Sources    []string `json:"sources"`
}

// storyEvent is an entry of timeline.json as score-story reads it.
type storyEvent struct {
	Date      string           `json:"date"`
	Title     string           `json:"title"`
	Citations []scoredCitation `json:"citations"`
}

// storyScore is what score-story counts.
type storyScore struct {
	found, gold, cited, sources, onDays, cut, events int
	misses                                           []string
}

func (s storyScore) String() string {
	return fmt.Sprintf("happenings %d/%d, sources cited %d/%d, entries on gold days %d, titles cut %d of %d",
		s.found, s.gold, s.cited, s.sources, s.onDays, s.cut, s.events)
}

// cutTitle matches a title cut short.
var cutTitle = regexp.MustCompile(`(…|\.\.\.)\s*$`)

// scoreStory scores the events of timeline.json against a gold file as
// score-story does; sources is how many sources the story has.
func scoreStory(g storyGold, events []storyEvent, sources int) storyScore {
	outlet := func(id string) string {
		if o := g.Outlets[id]; o != "" {
			return o
		}
		return prefix(id)
	}
	type candidate struct {
		n, gi, ei int
		outlets   map[string]bool
	}
	var cands []candidate
	goldDays := map[string]bool{}
	for gi, ge := range g.Events {
		dates := ge.Dates
		if len(dates) == 0 {
			dates = []string{ge.Date}
		}
		for _, d := range dates {
			goldDays[d] = true
		}
		var pats []*regexp.Regexp
		for _, p := range ge.Match {
			pats = append(pats, regexp.MustCompile("(?i)"+p))
		}
		for ei, ev := range events {
			if !slices.Contains(dates, ev.Date) {
				continue
			}
			outs := map[string]bool{}
			for _, c := range ev.Citations {
				if len(ge.Sources) > 0 && !slices.Contains(ge.Sources, prefix(c.Source)) {
					continue
				}
				if slices.ContainsFunc(pats, func(p *regexp.Regexp) bool { return p.MatchString(c.Quote) }) {
					outs[outlet(c.Source)] = true
				}
			}
			if len(outs) > 0 {
				cands = append(cands, candidate{len(outs), gi, ei, outs})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.gi, b.gi), cmp.Compare(a.ei, b.ei))
	})
	best := map[int]candidate{}
	used := map[int]bool{}
	for _, c := range cands {
		if _, ok := best[c.gi]; ok || used[c.ei] {
			continue
		}
		best[c.gi] = c
		used[c.ei] = true
	}
	s := storyScore{gold: len(g.Events), sources: sources, events: len(events)}
	for gi, ge := range g.Events {
		need := ge.MinSources
		if ge.Min != nil {
			need = *ge.Min
		}
		if c := best[gi]; c.n >= need {
			s.found++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("%s: %d outlets of %d needed", ge.ID, c.n, need))
		}
	}
	cited := map[string]bool{}
	for _, ev := range events {
		for _, c := range ev.Citations {
			cited[c.Source] = true
		}
		if goldDays[ev.Date] {
			s.onDays++
		}
		if cutTitle.MatchString(ev.Title) {
			s.cut++
		}
	}
	s.cited = len(cited)
	return s
}

// buildAndScoreStory builds the story in src and scores it against the
// gold file at gold.
func buildAndScoreStory(t *testing.T, src, gold string) storyScore {
	t.Helper()
	out := t.TempDir()
	if code, _, stderr := run(t, "build", "-src", src, "-out", filepath.Join(out, "site")); code != 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	var g storyGold
	if err := readJSON(gold, &g); err != nil {
		t.Fatal(err)
	}
	var tl struct {
		Sources []json.RawMessage `json:"sources"`
		Events  []storyEvent      `json:"events"`
	}
	if err := readJSON(filepath.Join(out, "site", "timeline.json"), &tl); err != nil {
		t.Fatal(err)
	}
	s := scoreStory(g, tl.Events, len(tl.Sources))
	t.Logf("%s: %v", filepath.Base(src), s)
	for _, m := range s.misses {
		t.Logf("miss: %s", m)
	}
	return s
}

// The levels reached, so that a change cannot lose a happening unseen.
// Titan's is the target, one below the best reached: which of
// its entries of 22 June the Navy's report of the implosion stays apart
// in turns on small shifts of the story's latent model (a sentence more
// dated elsewhere in the story moves it).
const (
	minSeedHappenings  = 8
	maxSeedEntries     = 19
	minTitanHappenings = 7
)

// TestSeedHappenings builds the shipped story and scores it as
// score-story does: each gold happening one entry citing enough of its
// sources, no title cut.
func TestSeedHappenings(t *testing.T) {
	s := buildAndScoreStory(t, "../../testdata/seeds", "../../testdata/gold/seeds.json")
	if s.found < minSeedHappenings || s.onDays > maxSeedEntries || s.cut > 0 || s.cited != s.sources {
		t.Errorf("%v; want at least %d happenings, at most %d entries on their days, no title cut and every source cited",
			s, minSeedHappenings, maxSeedEntries)
	}
}

// TestTitanHappenings builds the Titan story of ../shared, 644 feed
// items of 33 outlets, and scores it against its gold: at least 95% of
// the sources cited, no title cut.
func TestTitanHappenings(t *testing.T) {
	src := filepath.Join("..", "..", "..", "shared", "stories", "titan")
	gold := filepath.Join("..", "..", "..", "shared", "gold", "titan.json")
	if _, err := os.Stat(gold); err != nil {
		t.Skipf("skipped: the Titan story is not beside the repository (%v)", err)
	}
	s := buildAndScoreStory(t, src, gold)
	if s.found < minTitanHappenings || s.cited*100 < 95*s.sources || s.cut > 0 {
		t.Errorf("%v; want at least %d happenings, 95%% of the sources cited and no title cut", s, minTitanHappenings)
	}
}

// TestScoreStoryOneEntryOneHappening checks the scorer itself: a day
// lumped into one entry finds one of its happenings, not both.
func TestScoreStoryOneEntryOneHappening(t *testing.T) {
	two := 2
	g := storyGold{Events: []goldHappening{
		{ID: "flood", Date: "2024-03-05", Match: []string{"flood"}, Min: &two},
		{ID: "strike", Date: "2024-03-05", Match: []string{"strike"}, Min: &two},
	}}
	lumped := []storyEvent{{Date: "2024-03-05", Title: "A day", Citations: []scoredCitation{
		{Source: "a_1", Quote: "The flood rose."}, {Source: "b_1", Quote: "A flood hit."},
		{Source: "a_1", Quote: "Workers went on strike."}, {Source: "b_1", Quote: "The strike began."}}}}
	if s := scoreStory(g, lumped, 2); s.found != 1 {
		t.Errorf("lumped day: %v, want one happening found", s)
	}
	apart := []storyEvent{
		{Date: "2024-03-05", Title: "Flood", Citations: lumped[0].Citations[:2]},
		{Date: "2024-03-05", Title: "Strike…", Citations: lumped[0].Citations[2:]},
	}
	if s := scoreStory(g, apart, 2); s.found != 2 || s.cut != 1 || !strings.Contains(s.String(), "titles cut 1") {
		t.Errorf("apart: %v, want both happenings and one title cut", s)
	}
}
