// Package site turns a Timeline into the files of its static website:
// the chronology (index.html), one page per source (sources/<id>.html),
// a 404.html for GitHub Pages, the style sheet, the filters' script and
// the icon, .nojekyll, and the chronology for programs: timeline.json,
// timelinejs.json (Knight Lab TimelineJS), events.csv, feed.xml (Atom)
// and timeline.ics (iCalendar).
//
// Every link is relative, nothing is loaded from another host, and the
// same Timeline always gives the same bytes.
//
// Render makes a site from nothing: the pages are html/template's, the
// files for programs those of the standard encoders. Plan lays the same
// files out for a build that writes them one by one, each with the Key
// of what it is made from, so that a build can leave alone a file whose
// Key did not change. A Renderer, which `timeline serve` keeps from one
// rebuild to the next, renders again only what changed (see kept.go
// and package keep); its bytes are Render's.
package site

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"strings"
	"sync"

	"github.com/timeline-project/timeline/assets"
	"github.com/timeline-project/timeline/site/internal/keep"
	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/parallel"
)

// Options are the settings of a render.
type Options struct {
	// BaseURL is the site's public address, used only for absolute links
	// (feeds, Open Graph); "" for none.
	BaseURL string
}

// File is one file of the site: its path relative to the output folder,
// with forward slashes, and its bytes.
type File struct {
	Path string
	Data []byte
}

// Key identifies what the bytes of a page are made from: the data the
// page shows and the templates it is rendered with. Two pages with one
// Key, rendered by one version of the program, have the same bytes. A
// caller that keeps keys from one run to the next should also key them
// by the program, whose code may render the same data otherwise.
type Key = keep.Key

// Render returns the files of the site of tl, sorted by Path. Same
// Timeline, same bytes.
func Render(tl *timeline.Timeline, opts Options) ([]File, error) {
	pages, err := Plan(tl, opts)
	if err != nil {
		return nil, err
	}
	files := make([]File, len(pages))
	errs := make([]error, len(pages))
	parallel.For(len(pages), largeFirst(pages, func(i int) {
		files[i].Path = pages[i].Path
		files[i].Data, errs[i] = pages[i].Render()
	}))
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// largeFirst returns a function that calls do with the indices of
// pages, those of the large pages first: rendered in parallel, the few
// that take long start at once.
func largeFirst(pages []Page, do func(i int)) func(n int) {
	order := make([]int, 0, len(pages))
	for _, large := range []bool{true, false} {
		for i, p := range pages {
			if p.large == large {
				order = append(order, i)
			}
		}
	}
	return func(n int) { do(order[n]) }
}

// siteAssets are what every site is made with: the page templates, the
// key of their sources, and the files of package assets that a site
// holds as they are.
type siteAssets struct {
	pages     *pageTemplates
	templates Key
	copied    []File
}

// copiedAssets are the files of package assets that a site holds as
// they are.
var copiedAssets = []string{"favicon.svg", "style.css", "timeline.js"}

// loadAssets parses the page templates and reads the style sheet, the
// script and the icon from package assets.
func loadAssets() (*siteAssets, error) {
	pages, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	a := &siteAssets{pages: pages}
	k := keep.New("templates")
	names, err := fs.Glob(assets.FS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("read site templates: %w", err)
	}
	for _, name := range names { // fs.Glob sorts them
		data, err := fs.ReadFile(assets.FS, name)
		if err != nil {
			return nil, fmt.Errorf("read site templates: %w", err)
		}
		k.String(name)
		k.String(string(data))
	}
	a.templates = k.Sum()
	for _, name := range copiedAssets {
		data, err := fs.ReadFile(assets.FS, name)
		if err != nil {
			return nil, fmt.Errorf("read site asset: %w", err)
		}
		a.copied = append(a.copied, File{Path: name, Data: data})
	}
	return a, nil
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

// scratch holds buffers for Page.Render, which each render leaves grown
// to the size of its page.
var scratch = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}
