package main

import (
	"bufio"
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/build"
	"github.com/timeline-project/timeline/timeline/read"
	"github.com/timeline-project/timeline/timeline/timex"
)

// addHelp is what "timeline add -h" says besides its flags.
const addHelp = `
Fetches each address over http or https and saves the page into the story folder as it came
(an HTML page as NAME.html, plain text as NAME.txt; NAME from its host and path), with a sidecar
NAME.yaml whose url is the address the page came from after redirects. Nothing else of the page
is fetched (no scripts, images or styles), no cookies are kept, and the User-Agent names the tool
and its version. An address the story has already (the same address, tracking parameters aside,
or a page whose canonical address one of its sources has) is skipped, unless -force. A page the
reader rejects (no article text, another language, a paywall notice) is not saved. Each address
ends in one line; the exit status is 1 when any could not be added.

`

// fetchWorkers is how many pages are fetched at once.
const fetchWorkers = 4

// maxListLine is the longest line of an address list.
const maxListLine = 64 << 10

func (m *Main) runAdd(ctx context.Context, args []string) error {
	fs := m.newFlagSet("add", "[-src DIR] [-force] [-timeout DURATION] URL... | -list FILE")
	usage := fs.Usage
	fs.Usage = func() {
		usage()
		fmt.Fprint(m.Stderr, addHelp)
	}
	src := fs.String("src", "testdata/seeds", "the story `folder` to save the pages into")
	list := fs.String("list", "", "a `file` of addresses, one a line ('-' for standard input; blank lines and # comments skipped)")
	force := fs.Bool("force", false, "fetch and save an address even when the story has it already")
	timeout := fs.Duration("timeout", defaultFetchTimeout, "the longest one page may take to fetch")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if *timeout <= 0 {
		return usagef("add: -timeout must be over zero, not %s", *timeout)
	}
	jobs := make([]*addJob, 0, fs.NArg())
	for _, a := range fs.Args() {
		jobs = append(jobs, newAddJob(a, a))
	}
	if *list != "" {
		listed, err := m.readAddressList(*list)
		if err != nil {
			return err
		}
		jobs = append(jobs, listed...)
	}
	if len(jobs) == 0 {
		fs.Usage()
		return usagef("add: no address given")
	}
	start := m.Now()
	prog := m.newProgress(start)
	folder, err := openStoryFolder(ctx, m.cachedBuilder(*src, start), prog, *force)
	if err != nil {
		prog.clear()
		return err
	}
	a := &adder{m: m, folder: folder, force: *force, day: start.Format("2006-01-02"), today: timex.DateOf(start),
		fetcher: newFetcher(*timeout, m.fetchLimit()), prog: prog}
	return a.run(ctx, jobs)
}

// fetchLimit is the most bytes of a fetched page: a source's limit,
// unless a test set another.
func (m *Main) fetchLimit() int64 {
	if m.addLimit > 0 {
		return m.addLimit
	}
	return maxSourceSize
}

// readAddressList reads the addresses of a list file ("-": standard
// input), one a line, skipping blank lines and lines that begin with #.
func (m *Main) readAddressList(name string) ([]*addJob, error) {
	r := m.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("read list: %w", err)
		}
		defer f.Close()
		r = f
	} else if r == nil {
		r = strings.NewReader("")
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxListLine)
	var jobs []*addJob
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if len(jobs) == maxSources {
			return nil, fmt.Errorf("read list %s: over %d addresses", name, maxSources)
		}
		jobs = append(jobs, newAddJob(fmt.Sprintf("%s:%d: %s", name, n, line), line))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read list %s: %w", name, err)
	}
	return jobs, nil
}

// addJob is one address given to add.
type addJob struct {
	// label names the address in what add prints: as given, after the
	// list file and line it is on.
	label string
	u     *url.URL
	key   string
	// err says why the address is not fetched: not an address, a
	// refused scheme.
	err error
	// sameAs is the job given earlier of the same address, if any.
	sameAs *addJob
}

func newAddJob(label, raw string) *addJob {
	j := &addJob{label: label}
	if j.u, j.err = parseAddress(raw); j.err == nil {
		j.key = addressKey(j.u)
	}
	return j
}

// adder adds the pages of addresses to a story folder.
type adder struct {
	m       *Main
	folder  *storyFolder
	fetcher *fetcher
	force   bool
	// day is the date of the run, for the sidecars; today the domain's.
	day   string
	today timex.Date
	prog  *progress
}

// fetched is a page fetched and read, or why it is not.
type fetched struct {
	page  *fetchedPage
	facts pageFacts
	err   error
}

// addTally counts what became of the addresses.
type addTally struct{ saved, known, failed int }

// run fetches the jobs' pages fetchWorkers at a time, at most twice as
// many held in memory, and settles them one by one in the order given,
// so that which of two addresses of one page is saved, and the names
// taken, do not depend on which answered first.
func (a *adder) run(ctx context.Context, jobs []*addJob) error {
	given := map[string]*addJob{}
	results := make([]chan fetched, len(jobs))
	var toFetch []int
	for i, j := range jobs {
		if j.err != nil {
			continue
		}
		if j.sameAs = given[j.key]; j.sameAs == nil {
			given[j.key] = j
		}
		if j.sameAs == nil && (a.force || a.folder.addresses[j.key] == "") {
			results[i] = make(chan fetched, 1)
			toFetch = append(toFetch, i)
		}
	}
	held := make(chan struct{}, 2*fetchWorkers)
	work := make(chan int)
	go func() {
		for _, i := range toFetch {
			held <- struct{}{}
			work <- i
		}
		close(work)
	}()
	var wg sync.WaitGroup
	for range min(fetchWorkers, len(toFetch)) {
		wg.Go(func() {
			for i := range work {
				results[i] <- a.fetch(ctx, jobs[i])
			}
		})
	}
	a.prog.stage("fetching the pages")
	var tally addTally
	for i, j := range jobs {
		var line string
		if results[i] != nil {
			line = a.settle(j, <-results[i], &tally)
			<-held
		} else {
			line = a.notFetched(j, &tally)
		}
		a.prog.clear()
		fmt.Fprintln(a.m.Stdout, printable(line))
		a.prog.update("fetched", "addresses", i+1, len(jobs))
	}
	wg.Wait()
	a.prog.clear()
	fmt.Fprintf(a.m.Stderr, "%s: %d saved, %d already in the story, %d not added\n",
		countAddresses(len(jobs)), tally.saved, tally.known, tally.failed)
	if err := ctx.Err(); err != nil {
		return err
	}
	if tally.failed > 0 {
		return fmt.Errorf("add: %d of %s could not be added", tally.failed, countAddresses(len(jobs)))
	}
	return nil
}

// countAddresses says n addresses.
func countAddresses(n int) string {
	if n == 1 {
		return "1 address"
	}
	return fmt.Sprintf("%d addresses", n)
}

// notFetched says why a job was not fetched.
func (a *adder) notFetched(j *addJob, tally *addTally) string {
	switch {
	case j.err != nil:
		tally.failed++
		return fmt.Sprintf("%s: not fetched: %v", j.label, j.err)
	case j.sameAs != nil:
		tally.known++
		return fmt.Sprintf("%s: not fetched: the same address as %s, above", j.label, j.sameAs.label)
	}
	tally.known++
	return fmt.Sprintf("%s: not fetched: already in the story as %s", j.label, a.folder.addresses[j.key])
}

// fetch fetches a job's page and reads it as a build would.
func (a *adder) fetch(ctx context.Context, j *addJob) fetched {
	if err := ctx.Err(); err != nil {
		return fetched{err: fmt.Errorf("interrupted: %w", err)}
	}
	page, err := a.fetcher.fetch(ctx, j.u)
	if err != nil {
		return fetched{err: err}
	}
	facts, err := examinePage(page, a.today)
	return fetched{page: page, facts: facts, err: err}
}

// settle saves a fetched page, unless the story has it already under
// its address after redirects or its canonical address, and says what
// became of it.
func (a *adder) settle(j *addJob, r fetched, tally *addTally) string {
	if r.err != nil {
		tally.failed++
		return fmt.Sprintf("%s: not saved: %v", j.label, r.err)
	}
	keys := []string{j.key, addressKey(r.page.final)}
	whys := []string{"", "the address it redirects to"}
	if k, ok := keyOfAddress(r.facts.url); ok {
		keys, whys = append(keys, k), append(whys, "its canonical address")
	}
	if !a.force {
		for i, k := range keys[1:] {
			if file := a.folder.addresses[k]; file != "" {
				tally.known++
				return fmt.Sprintf("%s: not saved: already in the story as %s (%s)", j.label, file, whys[i+1])
			}
		}
	}
	name, err := a.folder.save(r.page, j.u, a.day)
	if err != nil {
		tally.failed++
		return fmt.Sprintf("%s: not saved: %v", j.label, err)
	}
	for _, k := range keys {
		if a.folder.addresses[k] == "" {
			a.folder.addresses[k] = name
		}
	}
	tally.saved++
	line := fmt.Sprintf("%s: saved as %s, %q, %s", j.label, name, clipText(r.facts.title, 100), r.facts.publishedText())
	if keys[1] != j.key {
		line += ", redirected to " + withoutTracking(r.page.final).String()
	}
	return line
}

// pageFacts is what a build reads of a page: its title, the address it
// gives itself (a canonical address, og:url, or a text's publication
// line), its publication date and how it was known.
type pageFacts struct {
	title, url string
	published  timeline.Published
}

// examinePage reads a fetched page as a build reads a source, alone:
// an error is the reader's reason to reject it.
func examinePage(p *fetchedPage, today timex.Date) (pageFacts, error) {
	r, err := read.Read(timeline.Input{Name: "page" + p.ext, Data: p.data})
	if err != nil {
		return pageFacts{}, fmt.Errorf("a page the reader rejects: %w", err)
	}
	asm, err := build.Assemble([]build.Source{{Reading: r}}, nil, build.Options{Today: today})
	if err != nil {
		return pageFacts{}, fmt.Errorf("a page the reader rejects: %w", err)
	}
	src := asm.Timeline.Sources[0]
	return pageFacts{title: src.Title, url: src.URL, published: src.Published}, nil
}

// publishedText says the page's publication date as the page gives it.
func (pf pageFacts) publishedText() string {
	p := pf.published
	if p.Basis != timeline.BasisText && p.Basis != timeline.BasisFrontMatter {
		return "no publication date on the page"
	}
	return fmt.Sprintf("published %s (%s)", p.Date, clipText(p.Evidence, 120))
}

// clipText shortens s to at most n runes, with an ellipsis.
func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
