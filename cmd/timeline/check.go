package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/build"
	"github.com/timeline-project/timeline/timeline/timex"
)

func (m *Main) runCheck(ctx context.Context, args []string) error {
	fs := m.newFlagSet("check", "[-src DIR]")
	src := fs.String("src", "testdata/seeds", "the folder of `sources`")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("check takes no arguments, only flags: %q", fs.Args())
	}
	start := m.Now()
	prog := m.newProgress(start)
	st, err := m.cachedBuilder(*src, start).build(ctx, prog)
	prog.clear()
	if st == nil {
		return err
	}
	var checks []build.SourceCheck
	var events int
	if err == nil {
		checks = st.assembly.Checks()
		events = len(st.assembly.Timeline.Events)
	}
	report := newCheckReport(checks, st.problems)
	report.write(m.Stdout, events)
	if err != nil {
		return err
	}
	if n := report.unused(); n > 0 {
		return fmt.Errorf("check: %d of %s could not be used", n, count(len(report.rows), "file"))
	}
	return nil
}

// checkRow is one file of the check report.
type checkRow struct {
	file string
	// check is what was understood of a source that was used; nil for a
	// file that was not.
	check *build.SourceCheck
	// problems are the file's problems; skipped says it was not used.
	problems []build.Problem
	skipped  bool
}

// checkReport is what "timeline check" prints.
type checkReport struct{ rows []checkRow }

// newCheckReport makes the report from the checks of the sources used
// and the problems of every file, sorted by file name.
func newCheckReport(checks []build.SourceCheck, problems []build.Problem) *checkReport {
	byFile := map[string]*checkRow{}
	var files []string
	row := func(file string) *checkRow {
		if r, ok := byFile[file]; ok {
			return r
		}
		byFile[file] = &checkRow{file: file}
		files = append(files, file)
		return byFile[file]
	}
	for i := range checks {
		row(checks[i].File).check = &checks[i]
	}
	for _, p := range problems {
		r := row(p.File)
		r.problems = append(r.problems, p)
		r.skipped = r.skipped || p.Skipped
	}
	slices.Sort(files)
	rep := &checkReport{}
	for _, f := range files {
		rep.rows = append(rep.rows, *byFile[f])
	}
	return rep
}

// unused counts the files that could not be used.
func (rep *checkReport) unused() int {
	n := 0
	for _, r := range rep.rows {
		if r.skipped {
			n++
		}
	}
	return n
}

// maxListed is how many unresolved expressions a source's report quotes.
const maxListed = 6

// write prints the report: each file, then a table, then a summary.
func (rep *checkReport) write(w io.Writer, events int) {
	for _, r := range rep.rows {
		fmt.Fprintln(w, printable(r.file))
		if c := r.check; c != nil {
			fmt.Fprintf(w, "  published   %s\n", printable(publishedText(c.Published)))
			fmt.Fprintf(w, "  understood  %s, %d of them dated, cited by %s\n",
				count(c.Sentences, "sentence"), c.Dated, count(c.Events, "event"))
			if len(c.Unresolved) > 0 {
				fmt.Fprintf(w, "  not placed  %s\n", quoted(c.Unresolved, maxListed))
			}
		}
		for _, p := range r.problems {
			label := "warning"
			if p.Skipped {
				label = "not used"
			}
			fmt.Fprintf(w, "  %-10s  %s\n", label, printable(p.Err.Error()))
		}
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FILE\tPUBLISHED\tBASIS\tSENTENCES\tDATED\tEVENTS\tUNPLACED\tSTATUS")
	for _, r := range rep.rows {
		if c := r.check; c != nil {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%s\n", printable(r.file), orDash(c.Published.Date.String()),
				c.Published.Basis, c.Sentences, c.Dated, c.Events, len(c.Unresolved), printable(r.status()))
		} else {
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\t-\t-\t%s\n", printable(r.file), printable(r.status()))
		}
	}
	tw.Flush()
	fmt.Fprintln(w)
	fmt.Fprintln(w, rep.summary(events))
}

// status says in a few words whether the file was used and how well.
func (r checkRow) status() string {
	switch {
	case r.skipped:
		return "not used: " + firstLine(r.problems[0].Err.Error())
	case r.check == nil:
		return count(len(r.problems), "warning")
	case r.check.Published.Date.IsZero():
		return "used, no date"
	case len(r.problems) > 0:
		return "used, " + count(len(r.problems), "warning")
	}
	return "ok"
}

// summary is the report's last line.
func (rep *checkReport) summary(events int) string {
	used, bases := 0, map[timeline.Basis]int{}
	for _, r := range rep.rows {
		if r.check != nil {
			used++
			bases[r.check.Published.Basis]++
		}
	}
	return fmt.Sprintf("%s: %d used, %d not used; publication dates: %d stated, %d inferred, %d unknown; %s",
		count(len(rep.rows), "file"), used, rep.unused(), bases[timeline.BasisFrontMatter]+bases[timeline.BasisText],
		bases[timeline.BasisInferred], bases[timeline.BasisUnknown], count(events, "event"))
}

// publishedText says a source's publication date and how it was known.
func publishedText(p timeline.Published) string {
	date := p.Date.String()
	if date == "" {
		date = "unknown"
	}
	if p.Evidence == "" {
		return fmt.Sprintf("%s (%s)", date, p.Basis)
	}
	return fmt.Sprintf("%s (%s: %s)", date, p.Basis, p.Evidence)
}

// quoted quotes up to n texts, saying how many more there are.
func quoted(texts []string, n int) string {
	var q []string
	for _, t := range texts[:min(n, len(texts))] {
		q = append(q, strconv.Quote(t))
	}
	s := strings.Join(q, ", ")
	if len(texts) > n {
		s += fmt.Sprintf(" and %d more", len(texts)-n)
	}
	return s
}

// cachedBuilder returns a builder of the story in src on the day of
// now that takes the readings the cache of a build into the default
// output folder holds, if any, rather than read those sources again:
// check and add never write that cache.
func (m *Main) cachedBuilder(src string, now time.Time) *storyBuilder {
	b := &storyBuilder{src: src, today: timex.DateOf(now), onRead: m.onRead}
	if p, err := readingsCachePath("public"); err == nil {
		b.cached, _ = loadCache(p, toolKey())
	}
	return b
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
