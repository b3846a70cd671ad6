// Command timeline turns a folder of news articles about one story into a
// sourced chronology, published as a static website.
//
// Usage:
//
//	timeline build [-src DIR] [-out DIR] [-force-out] [-base-url URL] [-title TEXT]
//	timeline serve [-src DIR] [-addr 127.0.0.1:8080]
//	timeline check [-src DIR]
//	timeline add [-src DIR] [-force] [-timeout DURATION] URL... | -list FILE
//	timeline dates [-dct YYYY-MM-DD] FILE...
//	timeline version
//
// Run "timeline help" for more.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"time"
)

// memoryLimit is the soft limit of the Go runtime's memory, unless
// GOMEMLIMIT sets another: the garbage collector works harder near it
// rather than let a build of thousands of sources grow past it. It is
// soft: a story whose data need more get more. serve has none: it
// keeps a whole site and what made it in memory, by design, and a limit
// under that would keep the collector running.
const memoryLimit = 900 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" && !(len(os.Args) > 1 && os.Args[1] == "serve") {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now}
	err := m.Run(ctx, os.Args[1:])
	stop()
	os.Exit(exitCode(m.Stderr, err))
}

// Main is the timeline program: its output streams and its clock.
type Main struct {
	// Stdin is read by "add -list -".
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Now returns the current time; it dates the build.
	Now func() time.Time

	// onRead, when not nil, is called with the name of every source
	// read afresh rather than taken from the cache: tests count reads.
	onRead func(name string)
	// onRender, when not nil, is called with the path of every page a
	// build renders rather than keeps from the previous site: for tests.
	onRender func(path string)
	// onListen, when not nil, is told the address serve serves on.
	onListen func(url string)
	// addLimit, when over zero, is the most bytes of a page add
	// fetches, instead of a source's limit: for tests.
	addLimit int64
}

// usageError is a command line the program cannot run: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

const usage = `timeline turns a folder of news articles about one story into a sourced chronology.

Usage:

	timeline build [-src DIR] [-out DIR] [-force-out] [-base-url URL] [-title TEXT]
	        build the site of the story in DIR (default testdata/seeds) into -out (default public);
	        -force-out to build into a folder of yours that it did not make
	timeline serve [-src DIR] [-addr 127.0.0.1:8080]
	        build and serve the site, rebuild when a source changes, reload the page
	timeline check [-src DIR]
	        report per source what was understood, and what was not
	timeline add [-src DIR] [-force] [-timeout DURATION] URL... | -list FILE
	        fetch each web page at an address and save it into DIR as a source, with its address;
	        nothing else of a page is fetched, and no cookies are kept
	timeline dates [-dct YYYY-MM-DD] FILE...
	        print the temporal expressions of each file, one JSON object a line
	timeline version
	        print the version

Run "timeline COMMAND -h" for a command's flags.
`

// Run runs the command named by args[0] with the rest of args.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return usagef("no command given")
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "build":
		return m.runBuild(ctx, rest)
	case "serve":
		return m.runServe(ctx, rest)
	case "check":
		return m.runCheck(ctx, rest)
	case "add":
		return m.runAdd(ctx, rest)
	case "dates":
		return m.runDates(ctx, rest)
	case "version":
		return m.runVersion(rest)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(m.Stdout, usage)
		return nil
	default:
		fmt.Fprint(m.Stderr, usage)
		return usagef("unknown command %q", cmd)
	}
}

// newFlagSet returns a flag set for a command that reports its errors
// to Main's standard error.
func (m *Main) newFlagSet(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "usage: timeline %s %s\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args into fs: a bad flag is a usage error, -h is
// no error at all.
func parseFlags(fs *flag.FlagSet, args []string) (help bool, err error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, nil
		}
		return false, usageError{err.Error()}
	}
	return false, nil
}

// exitCode reports err on stderr and returns the exit status for it:
// 0 for none, 2 for a usage error, 1 for any other. Errors joined
// (errors.Join: one a line) are printed one a line, up to
// maxErrorLines of them.
func exitCode(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	lines := strings.Split(err.Error(), "\n")
	for i, line := range lines {
		if i == maxErrorLines {
			fmt.Fprintf(stderr, "timeline: and %d more\n", len(lines)-i)
			break
		}
		fmt.Fprintln(stderr, "timeline:", printable(line))
	}
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

// maxErrorLines is the most lines of an error exitCode prints.
const maxErrorLines = 20
