// Package site turns a Timeline into the files of its static website:
// the chronology (index.html), one page per source (sources/<id>.html),
// the chronology for programs (timeline.json), the style sheet and
// .nojekyll.
//
// Every link is relative, nothing is loaded from another host, and the
// same Timeline always gives the same bytes.
package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"slices"
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
// with forward slashes, and its bytes.
type File struct {
	Path string
	Data []byte
}

// Renderer renders timelines with templates parsed once. It holds no
// state that a render changes, so one Renderer may serve many renders,
// concurrently too.
type Renderer struct {
	pages *template.Template
	style []byte
}

// New parses the page templates and reads the style sheet from package
// assets.
func New() (*Renderer, error) {
	pages, err := template.ParseFS(assets.FS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse site templates: %w", err)
	}
	style, err := fs.ReadFile(assets.FS, "style.css")
	if err != nil {
		return nil, fmt.Errorf("read site style sheet: %w", err)
	}
	return &Renderer{pages: pages, style: style}, nil
}

// Render returns the files of the site of tl, sorted by Path. Same
// Timeline, same bytes.
func Render(tl *timeline.Timeline, opts Options) ([]File, error) {
	r, err := New()
	if err != nil {
		return nil, err
	}
	return r.Render(tl, opts)
}

// Render returns the files of the site of tl, sorted by Path. Same
// Timeline, same bytes.
func (r *Renderer) Render(tl *timeline.Timeline, opts Options) ([]File, error) {
	base, err := baseURL(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	st, err := newStory(tl, base)
	if err != nil {
		return nil, err
	}
	files := []File{
		{Path: ".nojekyll", Data: []byte{}},
		{Path: "style.css", Data: slices.Clone(r.style)},
	}
	index, err := st.indexPage()
	if err != nil {
		return nil, fmt.Errorf("render index.html: %w", err)
	}
	data, err := r.execute("index.html", index)
	if err != nil {
		return nil, fmt.Errorf("render index.html: %w", err)
	}
	files = append(files, File{Path: "index.html", Data: data})
	for _, src := range st.sources {
		path := sourcePath(src.ID)
		page, err := st.sourcePage(src)
		if err != nil {
			return nil, fmt.Errorf("render %s: %w", path, err)
		}
		data, err := r.execute("source.html", page)
		if err != nil {
			return nil, fmt.Errorf("render %s: %w", path, err)
		}
		files = append(files, File{Path: path, Data: data})
	}
	data, err = timelineJSON(st)
	if err != nil {
		return nil, fmt.Errorf("render timeline.json: %w", err)
	}
	files = append(files, File{Path: "timeline.json", Data: data})
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}

func (r *Renderer) execute(name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := r.pages.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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
