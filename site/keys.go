package site

import (
	"slices"
	"strings"

	"github.com/timeline-project/timeline/site/internal/keep"
	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/parallel"
)

// The keys of the pages (see Page.Key): what each page shows, hashed
// from the keys of the story's events and sources (keep.StoryKeys).

// keys returns the keys of st's events and sources, making them the
// first time.
func (st *story) keys() *keep.Story {
	st.keysOnce.Do(func() { st.partKeys = keep.StoryKeys(st.sources, st.tl.Events, st.texts, parallel.For) })
	return st.partKeys
}

// chronologyKey returns the key of what the chronology's files are made
// from: the story but its sources' texts.
func (st *story) chronologyKey() Key {
	st.chronologyOnce.Do(func() {
		keys := st.keys()
		k := keep.New("chronology")
		k.String(st.base)
		k.String(st.tl.Title)
		k.String(st.tl.Description)
		k.String(st.tl.Intro)
		k.Uint(uint64(len(keys.Facts)))
		for _, f := range keys.Facts {
			k.Key(f)
		}
		k.Uint(uint64(len(keys.Events)))
		for _, e := range keys.Events {
			k.Key(e)
		}
		st.chronology = k.Sum()
	})
	return st.chronology
}

// exportKey returns the key of the export at path.
func (st *story) exportKey(path string) Key { return keep.Of(path, st.chronologyKey()) }

// constKey returns the key of a file whose bytes are data.
func constKey(path string, data []byte) Key { return keep.Of("file", path, data) }

// notFoundKey returns the key of 404.html.
func (a *siteAssets) notFoundKey(st *story) Key {
	return keep.Of("404.html", a.templates, st.notFoundPage())
}

// sourceKey returns the key of the page of src: the templates, the
// story's title and address, the source's facts and text, and the
// entries that cite it as the page shows them.
func (a *siteAssets) sourceKey(st *story, src *timeline.Source) Key {
	keys := st.keys()
	i, _ := slices.BinarySearchFunc(st.sources, src.ID, func(s *timeline.Source, id string) int {
		return strings.Compare(s.ID, id)
	})
	k := keep.New("source page")
	k.Key(a.templates)
	k.String(st.title())
	k.String(st.base)
	k.Key(keys.Facts[i])
	k.Key(keys.Texts[i])
	citers := st.citers[src.ID]
	k.Uint(uint64(len(citers)))
	for _, c := range citers {
		k.String(st.entryPath(c.event))
		k.String(c.event.Title)
		k.String(c.label)
		k.Uint(uint64(len(c.sentences)))
		for _, n := range c.sentences {
			k.Int(n)
		}
	}
	return k.Sum()
}

// chronologyPageKey returns the key of the page of the chronology at
// path: index.html, which shows all the story (its overview, its
// sources), or a month's page, which shows its entries with the filter
// keys they carry, the choices of its filters and the pages it links to.
func (a *siteAssets) chronologyPageKey(st *story, path string) Key {
	if path == indexPath {
		return keep.Of(indexPath, a.templates, st.chronologyKey())
	}
	p, i := st.chronicle().monthAt(path)
	page := st.monthPage(p, i)
	keys := st.keys()
	k := keep.New("chronology page")
	k.Key(a.templates)
	k.String(st.title())
	k.String(st.base)
	k.String(p.Path)
	k.String(p.Label)
	for _, l := range []*navLink{page.Prev, page.Next} {
		k.Bool(l != nil)
		if l != nil {
			k.Value(*l)
		}
	}
	filters := st.filters()
	entry := func(e indexEntry) {
		k.Key(keys.Entries[e.Index])
		k.String(filters.of[e.event].keys.sources)
		k.String(filters.of[e.event].keys.speakers)
	}
	k.Uint(uint64(len(p.Background)))
	for _, e := range p.Background {
		entry(e)
	}
	k.Uint(uint64(len(p.Days)))
	for _, d := range p.Days {
		k.String(d.ID)
		k.Uint(uint64(len(d.Entries)))
		for _, e := range d.Entries {
			entry(e)
		}
	}
	if page.Filters != nil {
		k.Value(*page.Filters)
	}
	return k.Sum()
}
