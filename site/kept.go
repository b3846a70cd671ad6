package site

import (
	"sync"

	"github.com/timeline-project/timeline/site/internal/keep"
	"github.com/timeline-project/timeline/timeline"
)

// Renderer renders the sites of a story that changes, as `timeline
// serve` does at every rebuild: it keeps the pages of the last site it
// rendered, by the key of what each is made from (see Page.Key), and
// renders again only those whose key changed. The bytes are Render's.
// The files it returns share memory with the pages it keeps: their
// bytes must not be changed. Renders of one Renderer take turns.
type Renderer struct {
	assets *siteAssets

	mu sync.Mutex
	// pages are the pages of the last site rendered; texts the keys of
	// its sources' texts.
	pages keep.Pages
	texts keep.Texts
}

// New parses the page templates and reads the style sheet, the script
// and the icon from package assets.
func New() (*Renderer, error) {
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	return &Renderer{assets: a}, nil
}

// Render returns the files of the site of tl, sorted by Path: those of
// Render, rendering only the pages whose key differs from that of the
// page kept at their path.
func (r *Renderer) Render(tl *timeline.Timeline, opts Options) ([]File, error) {
	base, err := baseURL(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	st, err := newStory(tl, base)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	st.texts = &r.texts
	pages := r.assets.plan(st)
	paths := make([]string, len(pages))
	keys := make([]Key, len(pages))
	data := make([][]byte, len(pages))
	parallel(len(pages), func(i int) { paths[i], keys[i] = pages[i].Path, pages[i].Key() })
	var stale []Page
	var at []int
	for i := range pages {
		if b, ok := r.pages.Get(paths[i], keys[i]); ok {
			data[i] = b
			continue
		}
		stale = append(stale, pages[i])
		at = append(at, i)
	}
	errs := make([]error, len(stale))
	parallel(len(stale), largeFirst(stale, func(j int) { data[at[j]], errs[j] = stale[j].Render() }))
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	r.pages.Keep(paths, keys, data)
	files := make([]File, len(pages))
	for i := range pages {
		files[i] = File{Path: paths[i], Data: data[i]}
	}
	return files, nil
}
