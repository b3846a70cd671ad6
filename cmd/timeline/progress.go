package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// progressAfter is how long a build runs before it shows its progress,
// and how often it prints a line when standard error is not a terminal.
const progressAfter = time.Second

// barRedraw is how often the bar is redrawn on a terminal.
const barRedraw = 100 * time.Millisecond

// progress shows a long build's progress on standard error: on a
// terminal, a bar with counts redrawn in place; otherwise a plain line
// at most once a second. A build shorter than progressAfter shows
// nothing. It is safe for concurrent use.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	tty   bool
	now   func() time.Time
	start time.Time
	last  time.Time
	// bar is true while a bar is drawn on the terminal's last line.
	bar bool
	// stages are the stages begun, and when.
	stages []stageTime
}

// stageTime is a stage of a build and when it began.
type stageTime struct {
	what  string
	begun time.Time
}

func (m *Main) newProgress(start time.Time) *progress {
	return &progress{w: m.Stderr, tty: isTerminal(m.Stderr), now: m.Now, start: start}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// update tells that done of total things (unit: "files", "pages") of a
// stage (a verb: "read", "rendered") are done.
func (p *progress) update(stage, unit string, done, total int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	if now.Sub(p.start) < progressAfter {
		return
	}
	every := progressAfter
	if p.tty {
		every = barRedraw
	}
	if now.Sub(p.last) < every && done < total {
		return
	}
	p.last = now
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s", barLine(stage, unit, done, total))
		p.bar = true
		return
	}
	fmt.Fprintf(p.w, "%s %d of %d %s\n", stage, done, total, unit)
}

// stage tells that a stage of the build has begun ("rendering the
// site"): shown once the build has run long enough, and timed.
func (p *progress) stage(what string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	p.stages = append(p.stages, stageTime{what, now})
	if now.Sub(p.start) < progressAfter {
		return
	}
	p.last = now
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s…", what)
		p.bar = true
		return
	}
	fmt.Fprintf(p.w, "%s\n", what)
}

// timings says how long each stage took, up to now: "reading the
// sources 3.2s, dating the sources 0.4s, ...".
func (p *progress) timings() string {
	if p == nil {
		return ""
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	var parts []string
	for i, st := range p.stages {
		end := p.now()
		if i+1 < len(p.stages) {
			end = p.stages[i+1].begun
		}
		parts = append(parts, fmt.Sprintf("%s %s", st.what, end.Sub(st.begun).Round(10*time.Millisecond)))
	}
	return strings.Join(parts, ", ")
}

// barWidth is the width of the bar itself, in characters.
const barWidth = 30

// barLine draws "read     [=========>          ] 4500/10000 files".
func barLine(stage, unit string, done, total int) string {
	filled := 0
	if total > 0 {
		filled = min(barWidth, done*barWidth/total)
	}
	bar := strings.Repeat("=", filled)
	if filled < barWidth {
		bar += ">" + strings.Repeat(" ", barWidth-filled-1)
	}
	return fmt.Sprintf("%-8s [%s] %d/%d %s", stage, bar, done, total, unit)
}

// clear removes the bar, so that what is printed next starts a line.
func (p *progress) clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar {
		fmt.Fprint(p.w, "\r\033[K")
		p.bar = false
	}
}
