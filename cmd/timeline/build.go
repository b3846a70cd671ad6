package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/timeline-project/timeline/site"
	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

// buildFlags are the flags of "timeline build".
type buildFlags struct {
	src, out, baseURL, title string
}

func (m *Main) runBuild(ctx context.Context, args []string) error {
	var f buildFlags
	fs := m.newFlagSet("build", "[-src DIR] [-out DIR] [-base-url URL] [-title TEXT]")
	fs.StringVar(&f.src, "src", "testdata/seeds", "the folder of `sources`")
	fs.StringVar(&f.out, "out", "public", "the `folder` the site is written to")
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
	if err := checkOutput(f.src, f.out); err != nil {
		return err
	}
	prog := m.newProgress(start)
	b := &storyBuilder{src: f.src, title: f.title, today: timex.DateOf(start), onRead: m.onRead}
	cachePath, cacheErr := readingsCachePath(f.out)
	if cacheErr == nil {
		var note string
		b.cached, note = loadCache(cachePath, toolKey())
		m.note(note)
	}
	// The cache is saved while the story is merged and its site
	// rendered: it needs only the readings, which are final once the
	// merging begins (see timeline.Options.Remembered), and they go
	// once saved.
	saved := make(chan error, 1)
	saving := false
	save := func(st *story) {
		saving = true
		go func() {
			saved <- m.saveReadings(cachePath, st)
			st.readings, st.encoded = nil, nil
		}()
	}
	if cacheErr == nil {
		b.remembered = save
	} else {
		saving = true
		saved <- cacheErr
	}
	st, err := b.build(ctx, prog)
	prog.clear()
	if st != nil {
		m.report(st.problems)
	}
	if err != nil {
		if saving {
			<-saved // no cache file left half written
		}
		return err
	}
	if !saving {
		save(st)
	}
	// What follows needs only the timeline.
	tl := st.assembly.Timeline
	st.assembly = nil
	b.known = nil
	prog.stage("rendering and writing the site, saving the cache")
	written, err := renderSite(ctx, f, tl, prog, m.onRender)
	if cacheErr = <-saved; cacheErr != nil {
		m.note(fmt.Sprintf("no cache kept (%v): the next build reads every source again", cacheErr))
	}
	if err != nil {
		return err
	}
	if err := saveManifest(f.out, written); err != nil {
		m.note(fmt.Sprintf("the list of files written was not saved (%v): the next build keeps the files it no longer writes", err))
	}
	fmt.Fprintf(m.Stderr, "built %s: %s (%s read, %d unchanged), %s, %s in %s\n",
		printable(f.out), count(len(tl.Sources), "source"), count(st.fresh, "file"), st.reused,
		count(len(tl.Events), "event"), count(len(st.problems), "warning"), m.Now().Sub(start).Round(time.Millisecond))
	if m.Now().Sub(start) >= progressAfter {
		fmt.Fprintf(m.Stderr, "took: %s\n", prog.timings())
	}
	return nil
}

// renderSite renders the site of tl and writes it in f.out, returning
// the manifest of what it wrote.
func renderSite(ctx context.Context, f buildFlags, tl *timeline.Timeline, prog *progress, onRender func(string)) (manifest, error) {
	pages, err := site.Plan(tl, site.Options{BaseURL: f.baseURL})
	if err != nil {
		return nil, fmt.Errorf("render site: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	written, err := writeSite(f.out, pages, loadManifest(f.out), prog, onRender)
	prog.clear()
	return written, err
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
func (m *Main) report(problems []timeline.Problem) {
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

// checkOutput refuses an output folder that is, or holds, the source
// folder, the working folder or the root of the repository either lies
// in: the new site takes the output folder's place, and would take
// theirs.
func checkOutput(src, out string) error {
	absOut, err := realPath(out)
	if err != nil {
		return fmt.Errorf("check output folder: %w", err)
	}
	absSrc, err := realPath(src)
	if err != nil {
		return fmt.Errorf("check source folder: %w", err)
	}
	type guard struct{ what, path string }
	dirs := []guard{{"the source folder", absSrc}}
	if wd, err := os.Getwd(); err == nil {
		if wd, err = realPath(wd); err == nil {
			dirs = append(dirs, guard{"the working folder", wd})
		}
	}
	var guarded []guard
	for _, d := range dirs {
		if root := repositoryRoot(d.path); root != "" {
			guarded = append(guarded, guard{"the repository root", root})
		}
	}
	guarded = append(guarded, dirs...)
	for _, g := range guarded {
		if g.path == absOut || strings.HasPrefix(g.path, absOut+string(filepath.Separator)) || absOut == string(filepath.Separator) {
			return fmt.Errorf("output folder %s holds %s %s: choose another -out", out, g.what, g.path)
		}
	}
	return nil
}

// realPath returns p absolute, with the links of its longest existing
// part resolved.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if dir == filepath.Dir(dir) {
			return abs, nil
		}
		rest = append([]string{filepath.Base(dir)}, rest...)
	}
}

// repositoryRoot returns the nearest folder from dir up that holds a
// .git, or "".
func repositoryRoot(dir string) string {
	for ; ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		if dir == filepath.Dir(dir) {
			return ""
		}
	}
}
