package main

import (
	"context"
	"fmt"
	"time"

	"github.com/timeline-project/timeline/site"
	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/build"
	"github.com/timeline-project/timeline/timeline/timex"
)

// buildFlags are the flags of "timeline build".
type buildFlags struct {
	src, out, baseURL, title string
	// forceOut accepts an output folder that holds files but no record
	// of an earlier build (see outfolder.go).
	forceOut bool
}

func (m *Main) runBuild(ctx context.Context, args []string) error {
	var f buildFlags
	fs := m.newFlagSet("build", "[-src DIR] [-out DIR] [-force-out] [-base-url URL] [-title TEXT]")
	fs.StringVar(&f.src, "src", "testdata/seeds", "the folder of `sources`")
	fs.StringVar(&f.out, "out", "public", "the `folder` the site is written to: new, empty (a CNAME or .nojekyll aside), or one it built before")
	fs.BoolVar(&f.forceOut, "force-out", false, "build into an -out folder that holds files of yours and no record of an earlier build:\n"+
		"they are kept, and one the site replaces is set aside in .timeline-cache/NAME.kept beside it")
	fs.StringVar(&f.baseURL, "base-url", "", "the site's public `URL`, for absolute links only")
	fs.StringVar(&f.title, "title", "", "the story's `title` (default: site.md's title)")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("build takes no arguments, only flags: %q", fs.Args())
	}
	return m.build(ctx, f)
}

func (m *Main) build(ctx context.Context, f buildFlags) error {
	start := m.Now()
	of, err := openOutput(f.src, f.out, f.forceOut)
	if err != nil {
		return err
	}
	defer of.unlock()
	prog := m.newProgress(start)
	b := &storyBuilder{src: f.src, title: f.title, today: timex.DateOf(start), onRead: m.onRead}
	cache := m.openCache(b, f.out)
	st, err := b.build(ctx, prog)
	prog.clear()
	if st != nil {
		m.report(st.problems)
	}
	if err != nil {
		cache.wait() // no cache file left half written
		return err
	}
	cache.save(st)
	// What follows needs only the timeline.
	tl := st.assembly.Timeline
	st.assembly = nil
	b.known = nil
	prog.stage("rendering and writing the site, saving the cache")
	written, kept, err := renderSite(ctx, f, of, tl, prog, m.onRender)
	for _, w := range kept {
		fmt.Fprintf(m.Stderr, "warning: %s\n", printable(w))
	}
	if err := cache.wait(); err != nil {
		m.note(fmt.Sprintf("no cache kept (%v): the next build reads every source again", err))
	}
	if err != nil {
		return err
	}
	if err := saveManifest(f.out, written); err != nil {
		m.note(fmt.Sprintf("the list of files written was not saved (%v): the next build keeps the files it no longer writes", err))
	}
	fmt.Fprintf(m.Stderr, "built %s: %s (%s read, %d unchanged), %s, %s in %s\n",
		printable(f.out), count(len(tl.Sources), "source"), count(st.fresh, "file"), st.reused,
		count(len(tl.Events), "event"), count(len(st.problems)+len(kept), "warning"), m.Now().Sub(start).Round(time.Millisecond))
	if m.Now().Sub(start) >= progressAfter {
		fmt.Fprintf(m.Stderr, "took: %s\n", prog.timings())
	}
	return nil
}

// readingsCache saves the cache of a build's readings while the story
// is merged and its site rendered: it needs only the readings, which
// are final once the merging begins (see build.Options.Remembered), and
// they go once saved.
type readingsCache struct {
	m      *Main
	path   string
	saved  chan error
	saving bool
}

// openCache loads the cache of the readings of the build into out for
// b, and returns what saves it again.
func (m *Main) openCache(b *storyBuilder, out string) *readingsCache {
	c := &readingsCache{m: m, saved: make(chan error, 1)}
	path, err := readingsCachePath(out)
	if err != nil {
		c.saving = true
		c.saved <- err
		return c
	}
	c.path = path
	var note string
	b.cached, note = loadCache(path, toolKey())
	m.note(note)
	b.remembered = c.save
	return c
}

// save starts saving the readings of st, unless it has started already.
func (c *readingsCache) save(st *story) {
	if c.saving {
		return
	}
	c.saving = true
	go func() {
		c.saved <- c.m.saveReadings(c.path, st)
		st.readings, st.encoded = nil, nil
	}()
}

// wait waits for the saving to end, if it started, and returns its error.
func (c *readingsCache) wait() error {
	if !c.saving {
		return nil
	}
	return <-c.saved
}

// renderSite renders the site of tl and writes it in the output folder
// of, returning the manifest of what it wrote and warnings about the
// user's files it kept.
func renderSite(ctx context.Context, f buildFlags, of *outputFolder, tl *timeline.Timeline, prog *progress, onRender func(string)) (manifest, []string, error) {
	pages, err := site.Plan(tl, site.Options{BaseURL: f.baseURL})
	if err != nil {
		return nil, nil, fmt.Errorf("render site: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	written, kept, err := writeSite(of, pages, prog, onRender)
	prog.clear()
	return written, kept, err
}

// saveReadings writes the cache of the story's readings.
func (m *Main) saveReadings(path string, st *story) error {
	return saveCacheOf(path, toolKey(), len(st.readings), st.cacheEntries())
}

// note prints a line about the build itself, not about a source; ""
// prints nothing.
func (m *Main) note(s string) {
	if s != "" {
		fmt.Fprintln(m.Stderr, "note:", printable(s))
	}
}

// report prints every problem as a warning line, up to
// maxWarningsShown, then how many more there are.
func (m *Main) report(problems []build.Problem) {
	for i, p := range problems {
		if i == maxWarningsShown {
			fmt.Fprintf(m.Stderr, "warning: and %d more warnings: timeline check lists every source that was left out\n", len(problems)-i)
			return
		}
		fmt.Fprintf(m.Stderr, "warning: %s\n", printable(p.Error()))
	}
}

// maxWarningsShown is the most warnings a build prints one by one.
const maxWarningsShown = 1000
