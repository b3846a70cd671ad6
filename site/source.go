package site

import (
	"fmt"
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline"
)

// sourcePage is what sources/<id>.html shows.
type sourcePage struct {
	Meta         pageMeta
	StoryTitle   string
	Title        string
	Publisher    string
	Author       string
	LinkURL      string // the original's address when it is a web address
	TextURL      string // the original's address when it is not, shown as text
	Published    string
	PublishedISO string
	Known        string // how the date was known, in words; "" when there is nothing to say
	File         string
	Groups       []blockGroup
	HasFurniture bool // some of Groups are page furniture
	Citers       []citerView
}

// citerView is an entry that cites the source, with the sentences it cites.
type citerView struct {
	Href      string
	Title     string
	DateLabel string
	Sentences []sentenceRef
}

// sentenceRef links to a sentence on its own page.
type sentenceRef struct {
	N    int
	Href string
}

// entryLink links from a cited sentence back to an entry that cites it.
type entryLink struct {
	Href      string
	Title     string
	DateLabel string
}

// sourcePage arranges the page of src.
func (st *story) sourcePage(src *timeline.Source) (sourcePage, error) {
	page := sourcePage{
		Meta: pageMeta{
			Root:     "../",
			Title:    sourceTitle(src) + " · " + st.title(),
			Kind:     "article",
			SiteName: st.title(),
			URL:      st.absolute(sourceHref(src.ID, "")),
		},
		StoryTitle:   st.title(),
		Title:        sourceTitle(src),
		Publisher:    strings.TrimSpace(src.Publisher),
		Author:       strings.TrimSpace(src.Author),
		Published:    longDate(src.Published.Date),
		PublishedISO: src.Published.Date.String(),
		Known:        knownBy(src.Published),
		File:         src.File,
	}
	if link := webLink(src.URL); link != "" {
		page.LinkURL = link
	} else {
		page.TextURL = strings.TrimSpace(src.URL)
	}
	citedBy := map[int][]entryLink{}
	for _, c := range st.citers[src.ID] {
		v := citerView{
			Href:      "../" + st.entryPath(c.event),
			Title:     c.event.Title,
			DateLabel: c.label,
		}
		link := entryLink{Href: v.Href, Title: v.Title, DateLabel: v.DateLabel}
		for _, n := range c.sentences {
			v.Sentences = append(v.Sentences, sentenceRef{N: n, Href: fmt.Sprintf("#s%d", n)})
			citedBy[n] = append(citedBy[n], link)
		}
		page.Citers = append(page.Citers, v)
	}
	groups, err := articleGroups(src, citedBy)
	if err != nil {
		return sourcePage{}, err
	}
	page.Groups = groups
	page.HasFurniture = slices.ContainsFunc(groups, func(g blockGroup) bool { return g.Furniture != "" })
	return page, nil
}
