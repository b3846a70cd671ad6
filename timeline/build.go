package timeline

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/timeline-project/timeline/timeline/timex"
)

// Options are the settings of a build.
type Options struct {
	// Title is the story's title. When "", the title of site.md's front
	// matter is used, else DefaultTitle.
	Title string
	// Today is the day of the build. No publication date is inferred
	// after it; the zero Date sets no bound.
	Today timex.Date
	// Progress, when not nil, is told how many of the inputs have been
	// read, after each one.
	Progress func(done, total int)
}

// DefaultTitle is the title of a story that names none.
const DefaultTitle = "Timeline"

// Problem is something wrong with one input file.
type Problem struct {
	// File is the input's name.
	File string
	// Err says what is wrong.
	Err error
	// Skipped is true when the file is left out of the timeline; false
	// when it is used but part of it was not understood.
	Skipped bool
}

// Error returns the problem as "file: what is wrong".
func (p Problem) Error() string {
	if p.Skipped {
		return fmt.Sprintf("%s: skipped: %v", p.File, p.Err)
	}
	return fmt.Sprintf("%s: %v", p.File, p.Err)
}

// Unwrap returns the underlying error.
func (p Problem) Unwrap() error { return p.Err }

// ErrNoSource is returned by Build when no input could be read as a source.
var ErrNoSource = errors.New("no readable source")

// ErrDuplicateID is returned by Build when two sources have one ID.
var ErrDuplicateID = errors.New("two sources have the same id")

// Build reads the inputs (the files of a source folder, site.md among
// them) and returns the story's timeline with the problems met on the
// way, one per input that was skipped or only partly understood, in
// input order. It returns an error and no timeline when none can be
// made: no input is a readable source (ErrNoSource), or two sources have
// one ID (ErrDuplicateID).
func Build(inputs []Input, opts Options) (*Timeline, []Problem, error) {
	tl := &Timeline{Title: opts.Title}
	rs, problems := readInputs(tl, inputs, opts.Progress)
	if tl.Title == "" {
		tl.Title = DefaultTitle
	}
	if len(rs) == 0 {
		return nil, problems, fmt.Errorf("build: %w among %d files", ErrNoSource, len(inputs))
	}
	slices.SortFunc(rs, func(a, b *reading) int {
		return cmp.Or(cmp.Compare(a.src.ID, b.src.ID), cmp.Compare(a.src.File, b.src.File))
	})
	for i := 1; i < len(rs); i++ {
		if a, b := rs[i-1].src, rs[i].src; a.ID == b.ID {
			return nil, problems, fmt.Errorf("build: %w %q: %s and %s", ErrDuplicateID, a.ID, a.File, b.File)
		}
	}
	datePublications(rs, opts.Today)
	var ms []mention
	for _, r := range rs {
		if r.src.Published.Date.IsZero() && len(r.article) == 0 {
			r.warn(errors.New("no date anywhere: its sentences cannot be placed in the chronology"))
		} else if r.src.Published.Date.IsZero() {
			r.warn(errors.New("no publication date could be found or inferred: only its fully printed dates are used"))
		}
		ms = append(ms, mentionsOf(r)...)
		tl.Sources = append(tl.Sources, r.src)
	}
	tl.Events = eventsOf(ms)
	return tl, append(problems, readingProblems(inputs, rs)...), nil
}

// readInputs reads the story's site.md into tl and every other input as
// a source, telling progress after each.
func readInputs(tl *Timeline, inputs []Input, progress func(done, total int)) ([]*reading, []Problem) {
	var rs []*reading
	var problems []Problem
	for i, in := range inputs {
		if in.Name == SiteFile {
			if err := readSiteFile(tl, in); err != nil {
				problems = append(problems, Problem{File: in.Name, Err: err})
			}
		} else if r, err := readSource(in); err != nil {
			problems = append(problems, Problem{File: in.Name, Err: err, Skipped: true})
		} else {
			rs = append(rs, r)
		}
		if progress != nil {
			progress(i+1, len(inputs))
		}
	}
	return rs, problems
}

// eventsOf merges mentions into the chronology's events, sorted and
// with their IDs.
func eventsOf(ms []mention) []Event {
	idf := inverseDocumentFrequency(ms)
	var events []Event
	for _, c := range clusterMentions(ms) {
		events = append(events, eventOf(c, idf))
	}
	sortEvents(events)
	eventIDs(events)
	return events
}

// readingProblems returns the problems of the sources that were read,
// in input order.
func readingProblems(inputs []Input, rs []*reading) []Problem {
	byFile := map[string]*reading{}
	for _, r := range rs {
		byFile[r.src.File] = r
	}
	var out []Problem
	for _, in := range inputs {
		if r := byFile[in.Name]; r != nil {
			for _, err := range r.problems {
				out = append(out, Problem{File: in.Name, Err: err})
			}
		}
	}
	return out
}

// readSiteFile reads site.md: its front matter's title and description
// and its Markdown body, the story's introduction.
func readSiteFile(tl *Timeline, in Input) error {
	dec, err := decode(in.Data)
	if err != nil {
		return err
	}
	body := dec.text
	if fm, bodyStart, ok := splitFrontMatter(body); ok {
		meta, err := parseFrontMatter(fm)
		if err != nil {
			return err
		}
		if tl.Title == "" {
			tl.Title = meta.Title
		}
		tl.Description = meta.Description
		body = body[bodyStart:]
	}
	tl.Intro = body
	return nil
}
