package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/timeline-project/timeline/site"
	"github.com/timeline-project/timeline/timeline/timex"
)

// settle is how long serve waits after a change in the source folder for
// more changes before it rebuilds: an editor saving a file, or a copy of
// many files, is one rebuild.
const settle = 150 * time.Millisecond

func (m *Main) runServe(ctx context.Context, args []string) error {
	fs := m.newFlagSet("serve", "[-src DIR] [-addr 127.0.0.1:8080]")
	src := fs.String("src", "testdata/seeds", "the folder of `sources`")
	addr := fs.String("addr", "127.0.0.1:8080", "the `address` to serve on")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("serve takes no arguments, only flags: %q", fs.Args())
	}
	renderer, err := site.New()
	if err != nil {
		return err
	}
	watcher, err := watchFolder(*src)
	if err != nil {
		return err
	}
	defer watcher.close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	s := newSiteServer(m, renderer, &storyBuilder{src: *src, onRead: m.onRead, folder: &folderReader{now: m.Now}})
	s.hosts = newHostCheck(*addr, ln.Addr())
	// A build into the default output folder leaves a cache that spares
	// reading its sources again; serve only reads it.
	if p, err := readingsCachePath("public"); err == nil {
		s.builder.cached, _ = loadCache(p, toolKey())
	}
	s.rebuild(ctx)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(m.Stderr, "serving %s at %s; press Ctrl-C to stop\n", printable(*src), url)
	if m.onListen != nil {
		m.onListen(url)
	}
	collectIdle()
	err = s.watch(ctx, watcher)
	s.closeClients()
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	srv.Shutdown(shutdown)
	if serr := <-served; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", serr)
	}
	return err
}

// watch rebuilds the site whenever the source folder changes, until ctx
// is done.
func (s *siteServer) watch(ctx context.Context, w *folderWatcher) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.errors:
			fmt.Fprintf(s.m.Stderr, "warning: watching %s: %s\n", printable(s.builder.src), printable(err.Error()))
		case <-w.changes:
			timer := time.NewTimer(settle)
		settling:
			for {
				select {
				case <-w.changes:
					timer.Reset(settle)
				case <-timer.C:
					break settling
				case <-ctx.Done():
					timer.Stop()
					return nil
				}
			}
			s.builder.folder.trust(w.take())
			s.rebuild(ctx)
			collectIdle()
		}
	}
}

// rebuild builds the site again and, when the build is good, serves it
// and tells the open pages to reload. A build that fails, or that could
// not use a source the served site has, leaves the last good site
// served; its warnings are printed and shown on every page.
func (s *siteServer) rebuild(ctx context.Context) {
	start := s.m.Now()
	s.builder.today = timex.DateOf(start)
	st, err := s.builder.build(ctx, nil)
	if errors.Is(err, context.Canceled) {
		return
	}
	if info, serr := os.Stat(s.builder.src); err != nil && (serr != nil || !info.IsDir()) {
		err = fmt.Errorf("the source folder %s is gone (removed, or moved away): the last good site stays served, and is built again when a folder is there again", s.builder.src)
	}
	var warnings []string
	if st != nil {
		for _, p := range st.problems {
			warnings = append(warnings, p.Error())
		}
	}
	s.m.report(problemsOf(st))
	var files []site.File
	if err == nil {
		if lost := s.lostSources(st); len(lost) > 0 {
			err = fmt.Errorf("%d sources of the site could not be used: %v", len(lost), lost)
		} else if files, err = s.render(st.assembly.Timeline); err != nil {
			err = fmt.Errorf("render site: %w", err)
		}
	}
	took := s.m.Now().Sub(start).Round(time.Millisecond)
	if err != nil {
		warnings = append(warnings, err.Error())
		fmt.Fprintf(s.m.Stderr, "warning: %s\n", printable(err.Error()))
		if s.hasSite() {
			fmt.Fprintf(s.m.Stderr, "kept the last good site (%s)\n", took)
		}
		s.publish(nil, nil, warnings)
		return
	}
	tl := st.assembly.Timeline
	s.publish(files, tl.Sources, warnings)
	fmt.Fprintf(s.m.Stderr, "built: %s (%s read, %d unchanged), %s, %s in %s\n",
		count(len(tl.Sources), "source"), count(st.fresh, "file"), st.reused,
		count(len(tl.Events), "event"), count(len(warnings), "warning"), took)
}

// collectIdle collects the garbage of the build just served, while the
// page reloads and the user reads it, rather than during the next
// rebuild: that one then starts with the collector's next cycle far off.
// At 10,000 sources a rebuild took 0.69 s instead of 0.81 to 0.86 s
// (BenchmarkServeAddOne, which collects between rounds as serve does).
//
// It collects at the runtime's default target (GOGC=100), then sets
// the target to idleGCPercent until the next collection. After a
// collection the runtime keeps, of the memory its heap freed, about a
// tenth of what the heap uses, times how much the collector's goal grew
// over the last one's (gcPaceScavenger in the runtime's
// mgcscavenge.go); when a rebuild must then grow the heap for a large
// object, it gives back as much free memory at once, in the middle of
// the rebuild, and the rebuild takes those pages again one fault at a
// time. Raising the goal right after the collection, from twice to three
// times what the heap keeps, makes it keep free memory up to about two
// thirds of what the heap uses instead. The first two rebuilds at
// 10,000 sources had spent a quarter of their processor time giving
// memory back (0.45 s of 1.76 s). A GOGC the user sets is left alone.
func collectIdle() {
	if os.Getenv("GOGC") != "" {
		runtime.GC()
		return
	}
	debug.SetGCPercent(100)
	runtime.GC()
	debug.SetGCPercent(idleGCPercent)
}

// idleGCPercent is the collector's target between serve's collections:
// no rebuild allocates near twice what the site keeps, so it starts no
// collection of its own either way.
const idleGCPercent = 200
