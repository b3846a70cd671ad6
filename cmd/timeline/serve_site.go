package main

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"maps"
	"mime"
	"net/http"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/timeline-project/timeline/site"
	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/build"
)

// servePrefix is where serve's own files are, outside the site's paths.
const servePrefix = "/_timeline/"

// siteServer serves the last good site from memory, each page with a
// script that reloads it when the site is rebuilt and with the warnings
// of the last build. The script is added as pages are served: the
// built site never has it.
type siteServer struct {
	m        *Main
	renderer *site.Renderer
	builder  *storyBuilder
	// hosts are the names a request may ask for; nil allows any.
	hosts *hostCheck

	mu sync.Mutex
	// files is the site served, by path; sources the files of its sources.
	files   map[string]site.File
	sources []string
	// warnings are the last build's, shown on every page.
	warnings []string
	// clients are the open pages' event streams.
	clients map[chan string]bool
}

func newSiteServer(m *Main, r *site.Renderer, b *storyBuilder) *siteServer {
	return &siteServer{m: m, renderer: r, builder: b, clients: map[chan string]bool{}}
}

// render returns the files of the site of tl, rendering only the pages
// whose data changed since the last site rendered (see site.Renderer).
func (s *siteServer) render(tl *timeline.Timeline) ([]site.File, error) {
	return s.renderer.Render(tl, site.Options{})
}

func problemsOf(st *story) []build.Problem {
	if st == nil {
		return nil
	}
	return st.problems
}

// hasSite reports whether a site has been built.
func (s *siteServer) hasSite() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.files != nil
}

// lostSources returns the files that are sources of the served site and
// that the build st could not use. A source left out as a copy of
// another is not lost: its text is in the site, as the other's.
func (s *siteServer) lostSources(st *story) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var lost []string
	for _, p := range st.problems {
		var copied *build.CopyError
		if _, found := slices.BinarySearch(s.sources, p.File); found && p.Skipped && !errors.As(p.Err, &copied) {
			lost = append(lost, p.File)
		}
	}
	return lost
}

// publish serves files, when not nil, as the site of sources, shows
// warnings on every page, and tells the open pages: "reload" when the
// site changed, "warning" when it did not.
func (s *siteServer) publish(files []site.File, sources []*timeline.Source, warnings []string) {
	s.mu.Lock()
	event := "warning"
	if files != nil {
		s.files = filesByPath(s.files, files)
		s.sources = s.sources[:0]
		for _, src := range sources {
			s.sources = append(s.sources, src.File)
		}
		slices.Sort(s.sources)
		event = "reload"
	}
	s.warnings = warnings
	for c := range s.clients {
		select {
		case c <- event:
		default:
		}
	}
	s.mu.Unlock()
}

// filesByPath returns byPath, made when nil, updated in place to hold
// files by path and nothing else: a map of ten thousand files made
// again at every rebuild cost more than the few files that changed.
func filesByPath(byPath map[string]site.File, files []site.File) map[string]site.File {
	if byPath == nil {
		byPath = make(map[string]site.File, len(files))
	}
	for _, f := range files {
		byPath[f.Path] = f
	}
	if len(byPath) == len(files) {
		return byPath
	}
	paths := make(map[string]bool, len(files))
	for _, f := range files {
		paths[f.Path] = true
	}
	maps.DeleteFunc(byPath, func(path string, _ site.File) bool { return !paths[path] })
	return byPath
}

// closeClients ends every open event stream.
func (s *siteServer) closeClients() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		close(c)
		delete(s.clients, c)
	}
}

// ServeHTTP serves the site, serve's script and style, and the events.
func (s *siteServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hosts.allows(r.Host) {
		// DNS rebinding: a page of another site whose name was made to
		// point at this machine must not read the site served here.
		http.Error(w, "timeline serve answers only to its own address and to localhost", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case servePrefix + "events":
		s.serveEvents(w, r)
		return
	case servePrefix + "reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write([]byte(reloadScript))
		return
	case servePrefix + "serve.css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Write([]byte(serveStyle))
		return
	}
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	s.mu.Lock()
	file, ok := s.files[name]
	status := http.StatusOK
	if !ok {
		status, name = http.StatusNotFound, "404.html"
		file, ok = s.files[name]
	}
	warnings := s.warnings
	built := s.files != nil
	s.mu.Unlock()
	if !built {
		name, file = "index.html", site.File{Data: []byte("<!doctype html><title>No site yet</title><body><h1>No site yet</h1></body>")}
		status = http.StatusServiceUnavailable
	} else if !ok {
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(status)
	if strings.HasSuffix(name, ".html") {
		writeWithServeScript(w, file.Data, warnings)
	} else {
		w.Write(file.Data)
	}
}

// serveEvents streams server-sent events to an open page: "reload" or
// "warning", each when a build is done.
func (s *siteServer) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan string, 1)
	s.mu.Lock()
	s.clients[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	fmt.Fprint(w, "retry: 1000\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case event, open := <-c:
			if !open {
				return
			}
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, event)
			flusher.Flush()
		}
	}
}

// reloadScript reloads the page on every build, good or bad: a bad one
// shows its warnings on the page it reloads.
const reloadScript = `(function () {
  var events = new EventSource("/_timeline/events");
  function reload() { events.close(); location.reload(); }
  events.addEventListener("reload", reload);
  events.addEventListener("warning", reload);
})();
`

// serveStyle places the warnings box over the page.
const serveStyle = `#timeline-serve-warnings { position: fixed; bottom: 0; left: 0; right: 0; z-index: 1000;
  max-height: 40vh; overflow: auto; margin: 0; padding: 0.5em 1em; font: 14px/1.4 monospace;
  background: #fff3cd; color: #5c4400; border-top: 2px solid #c99a00; }
#timeline-serve-warnings ul { margin: 0.3em 0 0; padding-left: 1.2em; }
`

// serveInsert is what serve adds before a page's </body>.
var serveInsert = template.Must(template.New("serve").Parse(`<link rel="stylesheet" href="/_timeline/serve.css">
{{- if .}}<div id="timeline-serve-warnings" role="alert"><strong>timeline serve: {{len .}} warnings in the last build</strong><ul>
{{- range .}}<li>{{.}}</li>{{end}}</ul></div>{{end -}}
<script src="/_timeline/reload.js"></script>
`))

// writeWithServeScript writes page to w with serve's script, style and
// the warnings added before its last </body>, or at its end. The page's
// bytes are written as they are, not copied: a chronology of 100 MB is
// not copied at every request.
func writeWithServeScript(w io.Writer, page []byte, warnings []string) {
	var insert bytes.Buffer
	if err := serveInsert.Execute(&insert, warnings); err != nil {
		w.Write(page)
		return
	}
	at := bytes.LastIndex(page, []byte("</body>"))
	if at < 0 {
		at = len(page)
	}
	for _, b := range [][]byte{page[:at], insert.Bytes(), page[at:]} {
		if _, err := w.Write(b); err != nil {
			return
		}
	}
}
