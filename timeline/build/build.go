package build

import (
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/dating"
	"github.com/timeline-project/timeline/timeline/mdoc"
	"github.com/timeline-project/timeline/timeline/merge"
	"github.com/timeline-project/timeline/timeline/parallel"
	"github.com/timeline-project/timeline/timeline/read"
	"github.com/timeline-project/timeline/timeline/timex"
)

// Options are the settings of a build.
type Options struct {
	// Title is the story's title. When "", the title of site.md's front
	// matter is used, else one made from the story (see timeline.StoryTitle), else
	// Folder, else DefaultTitle.
	Title string
	// Folder is the name of the story's folder: its title when nothing
	// else names it.
	Folder string
	// Today is the day of the build. No publication date is inferred
	// after it; the zero Date sets no bound.
	Today timex.Date
	// Progress, when not nil, is told how many of the inputs have been
	// read, after each one.
	Progress func(done, total int)
	// Stage, when not nil, is told when Assemble begins each of its
	// stages: StageDating, StageMentions, StageMerging.
	Stage func(stage string)
	// Remembered, when not nil, is called once Assemble has told its
	// sources' Memos all it will, before it merges: from then on it
	// only reads them, and the caller may encode them while it merges.
	Remembered func()
}

// The stages of Assemble, as Options.Stage is told them.
const (
	StageDating   = "dating the sources"
	StageMentions = "finding what they report"
	StageMerging  = "merging into events"
)

// stage tells opts.Stage that a stage begins.
func (opts Options) stage(name string) {
	if opts.Stage != nil {
		opts.Stage(name)
	}
}

// DefaultTitle is the title of a story that names none and has neither
// events to make one from nor a folder's name.
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

// Memo is what a source's reading remembers from one build to the
// next, for Assemble to reuse: what depends only on the reading, and
// the mentions found under one publication date, ID and page furniture.
// Each method is given the way to find what it is asked, for when it has
// not remembered it: a build with a Memo makes the timeline a build
// without makes. A Memo may be asked by several builds at once.
type Memo interface {
	// TextKey returns key(): the key by which copies are found.
	TextKey(key func() [sha256.Size]byte) [sha256.Size]byte
	// BlockKeys returns keys(): the keys of the blocks as read.
	BlockKeys(keys func() []uint64) []uint64
	// Anchors returns what remembers the source's relative days under
	// each publication date tried.
	Anchors() dating.Anchors
	// Mentions returns find(r): r's mentions, as a build dated and
	// marked it, with the warnings find adds to r.
	Mentions(r *read.Reading, find func(*read.Reading) []merge.Mention) []merge.Mention
}

// Source is a source given to Assemble: what reading its input
// found, which Assemble does not change, and what it remembers from one
// build to the next (nil for nothing).
type Source struct {
	Reading *read.Reading
	Memo    Memo
}

// Build reads the inputs (the files of a source folder, site.md among
// them) and returns the story's timeline with the problems met on the
// way, one per input that was skipped or only partly understood: first
// the skipped ones, then the others, each in input order. It returns an
// error and no timeline when none can be made: no input is a readable
// source (ErrNoSource). Two sources with one ID both build, and a copy
// of a source is left out (see distinct.go). Build is Read for every
// source, in parallel, then Assemble.
func Build(inputs []timeline.Input, opts Options) (*timeline.Timeline, []Problem, error) {
	readings, site, problems := readAll(inputs, opts.Progress)
	a, err := Assemble(readings, site, opts)
	problems = append(problems, a.Problems...)
	if err != nil {
		if errors.Is(err, ErrNoSource) {
			err = fmt.Errorf("%w among %d files", err, len(inputs))
		}
		return nil, problems, err
	}
	return a.Timeline, problems, nil
}

// readAll reads every input but site.md, in parallel, telling progress
// after each input. It returns the readings and the problems of the
// inputs that are no source, both in input order, and site.md.
func readAll(inputs []timeline.Input, progress func(done, total int)) ([]Source, *timeline.Input, []Problem) {
	readings := make([]*read.Reading, len(inputs))
	errs := make([]error, len(inputs))
	var site *timeline.Input
	var mu sync.Mutex
	done := 0
	parallel.For(len(inputs), func(i int) {
		if inputs[i].Name == timeline.SiteFile {
			site = &inputs[i]
		} else {
			readings[i], errs[i] = read.Read(inputs[i])
		}
		if progress != nil {
			mu.Lock()
			done++
			progress(done, len(inputs))
			mu.Unlock()
		}
	})
	var problems []Problem
	for i, err := range errs {
		if err != nil {
			problems = append(problems, Problem{File: inputs[i].Name, Err: err, Skipped: true})
		}
	}
	var sources []Source
	for _, r := range readings {
		if r != nil {
			sources = append(sources, Source{Reading: r})
		}
	}
	return sources, site, problems
}

// Assembly is what Assemble made of a story's readings.
type Assembly struct {
	// Timeline is the story's chronology; nil when none could be made.
	Timeline *timeline.Timeline
	// Problems are the problems of site.md, of the readings left out as
	// copies of others (CopyError), then of the others, in the order of
	// the readings given: parts not understood, no date found, an id
	// shared with another.
	Problems []Problem
	// rs are the readings as this build dated them, sorted by ID, and
	// mentions their mentions.
	rs       []*read.Reading
	mentions [][]merge.Mention
}

// Assemble makes the story's timeline from its sources' readings and
// its site.md (nil when there is none): it dates every source, finds the
// mentions of events in its sentences and merges them into events.
// First it leaves out the readings that are copies of others and gives
// every source an id of its own (see distinct.go). It returns an error
// when no timeline can be made: no reading (ErrNoSource); the Assembly
// then holds only the problems. It changes no reading, and takes from a
// source's Memo what it remembers.
func Assemble(readings []Source, site *timeline.Input, opts Options) (*Assembly, error) {
	tl := &timeline.Timeline{Title: opts.Title}
	a := &Assembly{}
	if site != nil {
		if err := readSiteFile(tl, *site); err != nil {
			a.Problems = append(a.Problems, Problem{File: site.Name, Err: err})
		}
	}
	if len(readings) == 0 {
		return a, fmt.Errorf("build: %w", ErrNoSource)
	}
	readings, copies := dropCopies(readings)
	a.Problems = append(a.Problems, copies...)
	inOrder, memoOf := withMemos(readings)
	rs := slices.Clone(inOrder)
	separateIDs(rs)
	slices.SortFunc(rs, func(a, b *read.Reading) int {
		return cmp.Or(cmp.Compare(a.Src.ID, b.Src.ID), cmp.Compare(a.Src.File, b.Src.File))
	})
	opts.stage(StageDating)
	anchors := make([]dating.Anchors, len(rs))
	for i, r := range rs {
		if m := memoOf[r]; m != nil {
			anchors[i] = m.Anchors()
		}
	}
	dating.Publications(rs, anchors, opts.Today)
	markRepeated(rs, memoOf)
	tl.Sources = sourcesOf(rs)
	a.rs = rs
	opts.stage(StageMentions)
	a.mentions = mentionsOf(rs, memoOf)
	ms := allMentions(a.mentions)
	if opts.Remembered != nil {
		opts.Remembered()
	}
	opts.stage(StageMerging)
	tl.Events = merge.Events(ms)
	if tl.Title == "" {
		tl.Title = cmp.Or(timeline.StoryTitle(tl.Sources, tl.Events), strings.TrimSpace(opts.Folder), DefaultTitle)
	}
	for _, r := range inOrder {
		for _, err := range r.Problems {
			a.Problems = append(a.Problems, Problem{File: r.Src.File, Err: err})
		}
	}
	a.Timeline = tl
	return a, nil
}

// withMemos returns the readings of the build, each a copy for this
// build (see read.Reading.ForBuild), and the Memo given for each.
func withMemos(readings []Source) ([]*read.Reading, map[*read.Reading]Memo) {
	inOrder := make([]*read.Reading, len(readings))
	memoOf := map[*read.Reading]Memo{}
	for i, s := range readings {
		inOrder[i] = s.Reading.ForBuild()
		if s.Memo != nil {
			memoOf[inOrder[i]] = s.Memo
		}
	}
	return inOrder, memoOf
}

// markRepeated marks the blocks that repeat across the story's sources
// (see read.MarkRepeatedBlocks), asking each source's Memo for its
// block keys.
func markRepeated(rs []*read.Reading, memoOf map[*read.Reading]Memo) {
	keys := make([][]uint64, len(rs))
	parallel.For(len(rs), func(i int) {
		src := rs[i].Src
		if m := memoOf[rs[i]]; m != nil {
			keys[i] = m.BlockKeys(func() []uint64 { return read.BlockKeys(src) })
		} else {
			keys[i] = read.BlockKeys(src)
		}
	})
	read.MarkRepeatedBlocks(rs, keys)
}

// sourcesOf returns the dated sources of rs, warning on each reading
// whose source has no publication date.
func sourcesOf(rs []*read.Reading) []*timeline.Source {
	sources := make([]*timeline.Source, 0, len(rs))
	for _, r := range rs {
		if r.Src.Published.Date.IsZero() && len(r.Article) == 0 {
			r.Warn(errors.New("no date anywhere: its sentences cannot be placed in the chronology"))
		} else if r.Src.Published.Date.IsZero() {
			r.Warn(errors.New("no publication date could be found or inferred: only its fully printed dates are used"))
		}
		sources = append(sources, r.Src)
	}
	return sources
}

// mentionsOf returns the mentions of each reading of rs, asking its Memo
// for them where it has one.
func mentionsOf(rs []*read.Reading, memoOf map[*read.Reading]Memo) [][]merge.Mention {
	mentions := make([][]merge.Mention, len(rs))
	parallel.For(len(rs), func(i int) {
		if m := memoOf[rs[i]]; m != nil {
			mentions[i] = m.Mentions(rs[i], merge.Mentions)
		} else {
			mentions[i] = merge.Mentions(rs[i])
		}
	})
	return mentions
}

// allMentions returns pointers to every mention of mentions, in order.
func allMentions(mentions [][]merge.Mention) []*merge.Mention {
	n := 0
	for _, sm := range mentions {
		n += len(sm)
	}
	ms := make([]*merge.Mention, 0, n)
	for _, sm := range mentions {
		for i := range sm {
			ms = append(ms, &sm[i])
		}
	}
	return ms
}

// readSiteFile reads site.md: its front matter's title and description
// and its Markdown body, the story's introduction. A body too costly to
// render as Markdown is kept, with an error saying the site shows it as
// plain text.
func readSiteFile(tl *timeline.Timeline, in timeline.Input) error {
	dec, err := read.Decode(in.Data)
	if err != nil {
		return err
	}
	body := dec.Text
	if fm, bodyStart, ok := read.SplitFrontMatter(body); ok {
		meta, err := read.ParseFrontMatter(fm)
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
	if err := mdoc.CheckHTML([]byte(body)); err != nil {
		return fmt.Errorf("introduction: %w; the site shows it as plain text", err)
	}
	return nil
}
