// Package site turns a Timeline into the files of its static website:
// the chronology (index.html), one page per source (sources/<id>.html),
// a 404.html for GitHub Pages, the style sheet, the filters' script and
// the icon, .nojekyll, and the chronology for programs: timeline.json,
// timelinejs.json (Knight Lab TimelineJS), events.csv, feed.xml (Atom)
// and timeline.ics (iCalendar).
//
// Every link is relative, nothing is loaded from another host, and the
// same Timeline always gives the same bytes.
package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/url"
	"strings"

	"github.com/timeline-project/timeline/assets"
	"github.com/timeline-project/timeline/timeline"
)

// Options are the settings of a render.
type Options struct {
	// BaseURL is the site's public address, used only for absolute links
	// (feeds, Open Graph); "" for none.
	BaseURL string
}

// File is one file of the site: its path relative to the output folder,
// with forward slashes, and its bytes: Data, or, in a file that
// RenderChanged assembled from fragments, Chunks one after the other.
// Chunks share their memory with the fragments the Renderer keeps; a
// file of 100 MB is not copied whole when one of its entries changes.
type File struct {
	Path   string
	Data   []byte
	Chunks [][]byte
}

// Bytes returns the bytes of the file: Data, or Chunks joined into one
// slice.
func (f File) Bytes() []byte {
	if f.Chunks == nil {
		return f.Data
	}
	return bytes.Join(f.Chunks, nil)
}

// WriteTo writes the bytes of the file to w.
func (f File) WriteTo(w io.Writer) (int64, error) {
	if f.Chunks == nil {
		n, err := w.Write(f.Data)
		return int64(n), err
	}
	var total int64
	for _, c := range f.Chunks {
		n, err := w.Write(c)
		total += int64(n)
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// Renderer renders timelines with templates parsed once. One Renderer
// may serve many renders, concurrently too. It keeps the fragments of
// the last story-wide files it rendered (index.html, the exports), so
// that the next render of a story that changed a little renders only
// the fragments that changed: the bytes are the same as a new
// Renderer's. The files RenderChanged returns share memory with the
// fragments (see File): their bytes must not be changed.
type Renderer struct {
	pages *pageTemplates
	// templates is the key of the templates' sources, part of the key
	// of every page made with them.
	templates string
	// copied are the assets copied to the site as they are.
	copied []File
	// frags are the fragments of the story-wide files last rendered.
	frags fragCache
	// textKeys and citeKeys are the keys of the texts of the sources,
	// and of the citations of the events, last planned.
	textKeys textKeyCache
	citeKeys citeKeyCache
}

// copiedAssets are the files of package assets that a site holds as
// they are.
var copiedAssets = []string{"favicon.svg", "style.css", "timeline.js"}

// New parses the page templates and reads the style sheet, the script
// and the icon from package assets.
func New() (*Renderer, error) {
	pages, err := template.ParseFS(assets.FS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse site templates: %w", err)
	}
	templates, err := templatesKey()
	if err != nil {
		return nil, fmt.Errorf("read site templates: %w", err)
	}
	r := &Renderer{pages: &pageTemplates{parsed: pages}, templates: templates}
	for _, name := range copiedAssets {
		data, err := fs.ReadFile(assets.FS, name)
		if err != nil {
			return nil, fmt.Errorf("read site asset: %w", err)
		}
		r.copied = append(r.copied, File{Path: name, Data: data})
	}
	return r, nil
}

// Render returns the files of the site of tl, sorted by Path. Same
// Timeline, same bytes.
func Render(tl *timeline.Timeline, opts Options) ([]File, error) {
	r, err := newOneShot()
	if err != nil {
		return nil, err
	}
	return r.Render(tl, opts)
}

// newOneShot returns a Renderer for one site only: it keeps no
// fragments, so a page's bytes are freed once written, and it renders
// a source page whole rather than block by block.
func newOneShot() (*Renderer, error) {
	r, err := New()
	if err != nil {
		return nil, err
	}
	r.frags.off = true
	return r, nil
}

// Render returns the files of the site of tl, sorted by Path: every
// page of Plan, rendered. Same Timeline, same bytes.
func (r *Renderer) Render(tl *timeline.Timeline, opts Options) ([]File, error) {
	pages, err := r.Plan(tl, opts)
	if err != nil {
		return nil, err
	}
	return renderPages(pages, false)
}

// exportPages lays out the chronology's files for programs. Their bytes
// are made from the story without its sources' texts.
func (r *Renderer) exportPages(st *story) []Page {
	var pages []Page
	for _, export := range []struct {
		path string
		lay  func(*story, assembly) (*assembly, error)
	}{
		{"timeline.json", r.timelineJSON},
		{"timelinejs.json", r.timelineJS},
		{"events.csv", r.eventsCSV},
		{"feed.xml", r.atomFeed},
		{"timeline.ics", r.calendar},
	} {
		pages = append(pages, r.assembledPage(export.path,
			func() Key { return keyOf(export.path, st.chronologyKey()) },
			func(room assembly) (*assembly, error) { return export.lay(st, room) }))
	}
	return pages
}

// notFoundFile lays out 404.html.
func (r *Renderer) notFoundFile(st *story) Page {
	return Page{
		Path:   "404.html",
		key:    func() Key { return keyOf("404.html", r.templates, st.notFoundPage()) },
		render: func() ([]byte, error) { return r.executeExact("404.html", st.notFoundPage()) },
	}
}

// notFoundPage is what 404.html shows. GitHub Pages serves it for a
// missing page at any depth, where relative links would lead astray, so
// it links by the base URL when there is one.
type notFoundPage struct {
	Meta  pageMeta
	Title string
}

// notFoundPage arranges 404.html.
func (st *story) notFoundPage() notFoundPage {
	return notFoundPage{
		Meta:  pageMeta{Root: st.base, Title: "Page not found · " + st.title(), Kind: "website", SiteName: st.title()},
		Title: st.title(),
	}
}

// sourcePath returns the path of the page of the source with the given ID.
func sourcePath(id string) string { return "sources/" + id + ".html" }

// baseURL checks the site's public address and returns it ending in a
// slash, or "" for none.
func baseURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("base URL %q: not an absolute http or https address", raw)
	}
	if !strings.HasSuffix(raw, "/") {
		raw += "/"
	}
	return raw, nil
}

// webLink returns raw when it is an absolute http or https URL, for
// linking to it, or "".
func webLink(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return strings.TrimSpace(raw)
}
