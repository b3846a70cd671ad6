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
	inputs, problems, err := readFolder(f.src)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "reading %d files from %s\n", len(inputs), f.src)
	if err := ctx.Err(); err != nil {
		return err
	}
	opts := timeline.Options{Title: f.title, Today: timex.DateOf(m.Now()), Progress: m.progress("read", start)}
	tl, more, err := timeline.Build(inputs, opts)
	problems = append(problems, more...)
	m.report(problems)
	if err != nil {
		return err
	}
	files, err := site.Render(tl, site.Options{BaseURL: f.baseURL})
	if err != nil {
		return fmt.Errorf("render site: %w", err)
	}
	if err := writeSite(f.out, files); err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "built %s: %d sources, %d events, %d warnings in %s\n",
		f.out, len(tl.Sources), len(tl.Events), len(problems), m.Now().Sub(start).Round(time.Millisecond))
	return nil
}

// progressEvery is how often a long build reports its progress.
const progressEvery = time.Second

// progress returns a function that prints "read 500 of 10000 sources"
// on standard error at most once every progressEvery after start, and
// at the end of a build that took that long.
func (m *Main) progress(verb string, start time.Time) func(done, total int) {
	last := start
	return func(done, total int) {
		now := m.Now()
		if now.Sub(last) < progressEvery && (done < total || now.Sub(start) < progressEvery) {
			return
		}
		last = now
		fmt.Fprintf(m.Stderr, "%s %d of %d files\n", verb, done, total)
	}
}

// report prints every problem as a warning line.
func (m *Main) report(problems []timeline.Problem) {
	for _, p := range problems {
		fmt.Fprintf(m.Stderr, "warning: %v\n", p)
	}
}

// checkOutput refuses an output folder that is, or holds, the source
// folder: writing the site there would mix it with the sources.
func checkOutput(src, out string) error {
	absSrc, err := filepath.Abs(src)
	if err != nil {
		return fmt.Errorf("check source folder: %w", err)
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return fmt.Errorf("check output folder: %w", err)
	}
	if absSrc == absOut || strings.HasPrefix(absSrc, absOut+string(filepath.Separator)) {
		return fmt.Errorf("output folder %s holds the source folder %s: choose another -out", out, src)
	}
	return nil
}

// writeSite writes the site's files into dir, making the folders they
// need. Files already in dir that the site does not write are left alone.
func writeSite(dir string, files []site.File) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write site: %w", err)
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if !strings.HasPrefix(p, filepath.Clean(dir)+string(filepath.Separator)) {
			return fmt.Errorf("write site: %s is outside %s", f.Path, dir)
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("write site: %w", err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return fmt.Errorf("write site: %w", err)
		}
	}
	return nil
}
