package htmldoc

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// gatherFacts walks the page once, without recursion, for its
// language, title, <meta> elements, canonical link, JSON-LD and <time>
// elements.
func gatherFacts(root *html.Node) pageFacts {
	f := pageFacts{meta: map[string]string{}}
	type item struct {
		n                   *html.Node
		inArticle, comments bool
	}
	stack := []item{{n: root}}
	ldSize := 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := it.n
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				f.lang = attr(n, "lang")
			case atom.Title:
				if f.title == "" {
					f.title = textOf(n)
				}
			case atom.Meta:
				f.addMeta(n)
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && f.canonical == "" {
					f.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && ldSize < maxJSONLD {
					t := rawText(n)
					ldSize += len(t)
					f.jsonLD = append(f.jsonLD, t)
				}
				continue
			case atom.A:
				if strings.Contains(strings.ToLower(attr(n, "rel")), "author") && f.byline == "" && !it.comments {
					f.byline = textOf(n)
				}
			case atom.Time:
				if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
					f.times = append(f.times, timeElement{datetime: dt, marked: isPublicationTime(n),
						inArticle: it.inArticle, inComments: it.comments})
				}
			}
			it.inArticle = it.inArticle || n.DataAtom == atom.Article
			it.comments = it.comments || isComments(n)
		}
		// Children are pushed last first, so that they come out in order.
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, item{c, it.inArticle, it.comments})
		}
	}
	return f
}

// addMeta records a <meta> element's content under its property, name,
// itemprop or http-equiv.
func (f *pageFacts) addMeta(n *html.Node) {
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		return
	}
	for _, key := range []string{"property", "name", "itemprop", "http-equiv"} {
		k := strings.ToLower(strings.TrimSpace(attr(n, key)))
		if k != "" && f.meta[k] == "" {
			f.meta[k] = content
		}
	}
}

// isPublicationTime reports whether a <time> element is marked as the
// publication's: itemprop=datePublished, a pubdate attribute, or a class
// naming "publish".
func isPublicationTime(n *html.Node) bool {
	if strings.EqualFold(attr(n, "itemprop"), "datePublished") {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "pubdate" {
			return true
		}
	}
	return strings.Contains(strings.ToLower(attr(n, "class")), "publish")
}

// isComments reports whether an element holds the readers' comments.
func isComments(n *html.Node) bool {
	s := strings.ToLower(attr(n, "id") + " " + attr(n, "class"))
	return strings.Contains(s, "comment")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// jsonLDFacts is what a page's JSON-LD says of the article.
type jsonLDFacts struct {
	published, author, publisher string
}

// readJSONLD reads the first datePublished, author name and publisher
// name of the page's JSON-LD objects (in @graph and lists too). JSON
// that does not parse is passed over.
func readJSONLD(scripts []string) jsonLDFacts {
	var ld jsonLDFacts
	for _, s := range scripts {
		var v any
		if json.Unmarshal([]byte(strings.TrimSpace(s)), &v) != nil {
			continue
		}
		ld.visit(v, 0)
	}
	return ld
}

// maxJSONDepth bounds the walk of JSON-LD; the JSON decoder has a
// depth limit of its own.
const maxJSONDepth = 32

func (ld *jsonLDFacts) visit(v any, depth int) {
	if depth > maxJSONDepth {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			ld.visit(e, depth+1)
		}
	case map[string]any:
		if s, ok := v["datePublished"].(string); ok && ld.published == "" {
			ld.published = strings.TrimSpace(s)
		}
		if ld.author == "" {
			ld.author = nameOf(v["author"])
		}
		if ld.publisher == "" {
			ld.publisher = nameOf(v["publisher"])
		}
		for _, key := range []string{"@graph", "mainEntity", "itemListElement"} {
			ld.visit(v[key], depth+1)
		}
	}
}

// nameOf returns the name of a JSON-LD person or organisation, of the
// names of a list of them joined with ", ", or a plain string.
func nameOf(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case map[string]any:
		s, _ := v["name"].(string)
		return strings.TrimSpace(s)
	case []any:
		var names []string
		for _, e := range v {
			if n := nameOf(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// rawText returns the text of a <script> element as written.
func rawText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}
