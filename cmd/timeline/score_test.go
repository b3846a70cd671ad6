package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// This file holds the seed scorer of ../shared/tools/score-timeline in
// Go, so that "go test" checks the shipped story without Python or the
// shared folder: testdata/gold/seeds.json is a copy of its gold file.

// goldFile is the gold of a story: the publication dates a careful
// editor accepts, the events it expects, and page furniture.
type goldFile struct {
	Published map[string]struct {
		Accept []string `json:"accept"`
	} `json:"published"`
	Events []struct {
		ID         string   `json:"id"`
		Date       string   `json:"date"`
		Match      []string `json:"match"`
		Sources    []string `json:"sources"`
		MinSources int      `json:"min_sources"`
	} `json:"events"`
	NotEvents struct {
		Match []string `json:"match"`
	} `json:"not_events"`
	DateBounds struct {
		Latest string `json:"latest"`
	} `json:"date_bounds"`
}

// scoredTimeline is the part of timeline.json the scorer reads.
type scoredTimeline struct {
	Sources []struct {
		ID        string `json:"id"`
		Published string `json:"published"`
	} `json:"sources"`
	Events []struct {
		ID        string           `json:"id"`
		Date      string           `json:"date"`
		Title     string           `json:"title"`
		Summary   string           `json:"summary"`
		Citations []scoredCitation `json:"citations"`
	} `json:"events"`
}

// scoredCitation is a citation of timeline.json as the scorer reads it.
type scoredCitation struct {
	Source string `json:"source"`
	Quote  string `json:"quote"`
}

// score is what the scorer counts.
type score struct {
	found, gold, published, sources, junk, lumped, late, verbatim, quotes, uncited int
	misses                                                                         []string
}

func (s score) String() string {
	return fmt.Sprintf("events %d/%d, published %d/%d, junk %d, lumped %d, late %d, quotes %d/%d verbatim, uncited %d",
		s.found, s.gold, s.published, s.sources, s.junk, s.lumped, s.late, s.verbatim, s.quotes, s.uncited)
}

func prefix(id string) string { return strings.SplitN(id, "_", 2)[0] }

// normSpace makes every run of white space, Unicode's included, one space.
func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// scoreTimeline scores timeline.json data against a gold file as
// score-timeline does.
func scoreTimeline(g goldFile, tl scoredTimeline, srcDir string) (score, error) {
	var s score
	for _, ge := range g.Events {
		s.gold++
		cited := map[string]bool{}
		for _, ev := range tl.Events {
			if len(ev.Date) < 10 || ev.Date[:10] != ge.Date {
				continue
			}
			for _, c := range ev.Citations {
				for _, p := range ge.Match {
					if regexp.MustCompile("(?i)" + p).MatchString(c.Quote) {
						cited[prefix(c.Source)] = true
					}
				}
			}
		}
		have := 0
		for _, src := range ge.Sources {
			if cited[src] {
				have++
			}
		}
		if have >= ge.MinSources {
			s.found++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("event %s on %s: %d sources of %d needed", ge.ID, ge.Date, have, ge.MinSources))
		}
	}
	for key, want := range g.Published {
		s.sources++
		for _, src := range tl.Sources {
			if prefix(src.ID) == key && len(src.Published) >= 10 && slices.Contains(want.Accept, src.Published[:10]) {
				s.published++
			}
		}
	}
	texts := map[string]string{}
	files, err := filepath.Glob(filepath.Join(srcDir, "*"))
	if err != nil {
		return s, err
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return s, err
		}
		texts[prefix(filepath.Base(f))] = normSpace(string(data))
	}
	for _, ev := range tl.Events {
		s.scoreEvent(g, ev.ID, ev.Date, ev.Title, ev.Summary, ev.Citations, texts)
	}
	return s, nil
}

// scoreEvent counts an event's quotes that are not verbatim, its junk,
// whether it is lumped, late or uncited.
func (s *score) scoreEvent(g goldFile, id, date, title, summary string, cits []scoredCitation, texts map[string]string) {
	all := []string{title, summary}
	perSource := map[string]int{}
	for _, c := range cits {
		all = append(all, c.Quote)
		perSource[c.Source]++
		s.quotes++
		if q := normSpace(c.Quote); q != "" && strings.Contains(texts[prefix(c.Source)], q) {
			s.verbatim++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("quote of %s not verbatim: %.80q", c.Source, c.Quote))
		}
	}
junk:
	for _, text := range all {
		for _, p := range g.NotEvents.Match {
			if strings.Contains(strings.ToLower(text), strings.ToLower(p)) {
				s.junk++
				s.misses = append(s.misses, fmt.Sprintf("junk in %s: %q", id, p))
				break junk
			}
		}
	}
	for src, n := range perSource {
		if n > 4 {
			s.lumped++
			s.misses = append(s.misses, fmt.Sprintf("lumped: %s quotes %s %d times", id, src, n))
			break
		}
	}
	if g.DateBounds.Latest != "" && date > g.DateBounds.Latest {
		s.late++
		s.misses = append(s.misses, fmt.Sprintf("late: %s on %s", id, date))
	}
	if len(cits) == 0 {
		s.uncited++
	}
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}
