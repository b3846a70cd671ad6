package htmldoc

import (
	"fmt"
	"strings"
	"time"

	"github.com/go-shiori/dom"
	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageFacts are the elements of a page that say something about it,
// gathered in one walk.
type pageFacts struct {
	lang, title, canonical string
	// byline is the text of the first rel=author link.
	byline string
	// meta maps a <meta> element's property, name or itemprop, lower
	// case, to the first content given for it.
	meta   map[string]string
	jsonLD []string
	times  []timeElement
}

// timeElement is a <time datetime> element and what marks it as the
// publication's.
type timeElement struct {
	datetime   string
	marked     bool // itemprop=datePublished, pubdate, or a class naming "publish"
	inArticle  bool
	inComments bool
}

// maxJSONLD bounds the JSON-LD read from a page.
const maxJSONLD = 1 << 20

// readMeta reads what the page says about itself.
func readMeta(root *html.Node) Meta {
	f := gatherFacts(root)
	m := Meta{Lang: f.lang, Title: firstOf(f.meta["og:title"], f.meta["twitter:title"], f.title)}
	m.URL = firstOf(f.canonical, f.meta["og:url"])
	ld := readJSONLD(f.jsonLD)
	m.Publisher = firstOf(f.meta["og:site_name"], ld.publisher, f.meta["application-name"])
	m.Author = firstOf(f.meta["author"], ld.author, f.byline)
	if m.Lang == "" {
		m.Lang = firstOf(f.meta["content-language"], f.meta["og:locale"])
	}
	m.Published, m.PublishedBy = publishedDate(root, f, ld)
	return m
}

// publishedDate returns the page's publication date and the element it
// was found in: a publication <meta>, JSON-LD datePublished, a marked
// <time datetime> (else the first one in the <article>), else what
// go-htmldate finds in the URL and the rest of the page.
func publishedDate(root *html.Node, f pageFacts, ld jsonLDFacts) (string, string) {
	for _, key := range []string{"article:published_time", "datepublished", "og:published_time",
		"pubdate", "publishdate", "publish-date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date"} {
		if v := strings.TrimSpace(f.meta[key]); v != "" {
			return v, "<meta " + key + ">"
		}
	}
	if ld.published != "" {
		return ld.published, "JSON-LD datePublished"
	}
	for _, pass := range []func(timeElement) bool{
		func(t timeElement) bool { return t.marked && !t.inComments },
		func(t timeElement) bool { return t.inArticle && !t.inComments },
	} {
		for _, t := range f.times {
			if pass(t) {
				return t.datetime, "<time datetime>"
			}
		}
	}
	return htmldateOf(root, f.canonical)
}

// htmldateOf asks go-htmldate for the page's original publication date
// (its URL, other markup, its text). A date it completes from the clock
// (no year printed) is not taken; a panic finds nothing.
func htmldateOf(root *html.Node, pageURL string) (date, by string) {
	defer func() {
		if r := recover(); r != nil {
			date, by = "", ""
		}
	}()
	// The clock's place is taken by a fixed day; the year check below
	// refuses any date completed from it.
	ref := &dps.Configuration{CurrentTime: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}
	res, err := htmldate.FromDocument(withoutFurniture(root), htmldate.Options{
		UseOriginalDate:     true,
		URL:                 pageURL,
		SkipExtensiveSearch: true,
		MinDate:             time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC),
		MaxDate:             time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC),
		DateParserConfig:    ref,
	})
	if err != nil || res.IsZero() {
		return "", ""
	}
	day := res.DateTime.Format("2006-01-02")
	if !strings.Contains(res.SrcString, day[:4]) {
		return "", ""
	}
	return day, fmt.Sprintf("go-htmldate, from %q", clip(res.SrcString, 120))
}

// clip cuts s to at most n bytes, on a character boundary.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

func firstOf(values ...string) string {
	for _, v := range values {
		if v = strings.Join(strings.Fields(v), " "); v != "" {
			return v
		}
	}
	return ""
}

// withoutFurniture returns a copy of the page without the parts whose
// dates are not the article's: readers' comments, related links, side
// bars, navigation, forms and footers.
func withoutFurniture(root *html.Node) *html.Node {
	c := dom.Clone(root, true)
	var drop []*html.Node
	stack := []*html.Node{c}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && isFurniture(n) {
			drop = append(drop, n)
			continue
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			stack = append(stack, k)
		}
	}
	for _, n := range drop {
		n.Parent.RemoveChild(n)
	}
	return c
}

// isFurniture reports whether an element is a part of the page around
// the article, by its tag, id or class.
func isFurniture(n *html.Node) bool {
	switch tagOf(n) {
	case atom.Aside, atom.Nav, atom.Footer, atom.Form:
		return true
	}
	s := strings.ToLower(attr(n, "id") + " " + attr(n, "class"))
	for _, w := range []string{"comment", "related", "sidebar", "footer", "recommend", "more-stories"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
