// Command comparehtml measures two article extractors, go-trafilatura
// and go-readability, on pages whose wanted and unwanted text is known:
// the annotated pages that go-trafilatura ships for its own evaluation
// (scripts/comparison/data.go: per page, strings that must be in the
// article text and strings that must not), and the story pages of
// testdata/pages (for each page, the seed's article sentences must be
// in the text, the furniture's lines must not).
//
// It is a module of its own so that the project does not depend on the
// extractor it did not choose. Run from this folder:
//
//	go run . -trafilatura "$(go list -m -f '{{.Dir}}' github.com/markusmobius/go-trafilatura)" -pages ../../testdata/pages
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	nurl "net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/go-shiori/dom"
	readability "github.com/go-shiori/go-readability"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// page is one page with the strings its article text should and should
// not hold.
type page struct {
	file, url     string
	with, without []string
}

// tally counts what an extractor kept and lost.
type tally struct {
	tp, fn, fp, tn, failed int
	took                   time.Duration
}

func main() {
	traf := flag.String("trafilatura", "", "go-trafilatura's module folder (its annotated pages)")
	pages := flag.String("pages", "", "a folder of story pages with .want files")
	flag.Parse()
	var set []page
	if *traf != "" {
		s, err := annotated(*traf)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		set = append(set, s...)
	}
	if *pages != "" {
		s, err := storyPages(*pages)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		set = append(set, s...)
	}
	var docs [][]byte
	kept, missing := set[:0], 0
	for _, p := range set {
		b, err := os.ReadFile(p.file)
		if err != nil {
			missing++ // the module's copy of the corpus lacks some pages
			continue
		}
		kept, docs = append(kept, p), append(docs, b)
	}
	set = kept
	fmt.Printf("%d annotated pages missing from the folder\n", missing)
	fmt.Printf("%d pages, %d wanted strings, %d unwanted\n", len(set), count(set, true), count(set, false))
	fmt.Println("| extractor | precision | recall | F1 | unwanted kept | wanted lost | failed | time |")
	fmt.Println("|---|---|---|---|---|---|---|---|")
	for _, ex := range extractors() {
		t := run(set, docs, ex.fn)
		p := float64(t.tp) / float64(t.tp+t.fp)
		r := float64(t.tp) / float64(t.tp+t.fn)
		fmt.Printf("| %s | %.3f | %.3f | %.3f | %d | %d | %d | %.2f s |\n", ex.name, p, r, 2*p*r/(p+r), t.fp, t.fn, t.failed, t.took.Seconds())
	}
}

func count(set []page, with bool) int {
	n := 0
	for _, p := range set {
		if with {
			n += len(p.with)
		} else {
			n += len(p.without)
		}
	}
	return n
}

type extractor struct {
	name string
	fn   func(doc *html.Node, u *nurl.URL) (string, error)
}

func extractors() []extractor {
	return []extractor{
		{"go-readability", func(doc *html.Node, u *nurl.URL) (string, error) {
			a, err := readability.FromDocument(doc, u)
			return a.TextContent, err
		}},
		{"go-trafilatura (balanced)", func(doc *html.Node, u *nurl.URL) (string, error) {
			r, err := trafilatura.ExtractDocument(doc, trafilatura.Options{OriginalURL: u, ExcludeComments: true, HtmlDateMode: trafilatura.Disabled})
			if err != nil {
				return "", err
			}
			return r.ContentText, nil
		}},
		{"go-trafilatura (balanced, fallback)", func(doc *html.Node, u *nurl.URL) (string, error) {
			r, err := trafilatura.ExtractDocument(doc, trafilatura.Options{OriginalURL: u, ExcludeComments: true, EnableFallback: true, HtmlDateMode: trafilatura.Disabled})
			if err != nil {
				return "", err
			}
			return r.ContentText, nil
		}},
	}
}

// run extracts every page, one after the other, timing extraction only
// (parsing included, as each extractor changes the tree it is given).
func run(set []page, docs [][]byte, fn func(*html.Node, *nurl.URL) (string, error)) tally {
	var t tally
	for i, p := range set {
		u, _ := nurl.Parse(p.url)
		start := time.Now()
		doc, err := dom.Parse(bytes.NewReader(docs[i]))
		var text string
		if err == nil {
			text, err = fn(doc, u)
		}
		t.took += time.Since(start)
		if err != nil {
			t.failed++
		}
		text = strings.Join(strings.Fields(text), " ")
		for _, s := range p.with {
			if strings.Contains(text, strings.Join(strings.Fields(s), " ")) {
				t.tp++
			} else {
				t.fn++
			}
		}
		for _, s := range p.without {
			if strings.Contains(text, strings.Join(strings.Fields(s), " ")) {
				t.fp++
			} else {
				t.tn++
			}
		}
	}
	return t
}

// annotated reads go-trafilatura's scripts/comparison/data.go, a Go map
// literal of URL to {File, With, Without}, without compiling it.
func annotated(dir string) ([]page, error) {
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, "scripts/comparison/data.go"), nil, 0)
	if err != nil {
		return nil, fmt.Errorf("read annotations: %w", err)
	}
	var out []page
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		key, ok1 := kv.Key.(*ast.BasicLit)
		val, ok2 := kv.Value.(*ast.CompositeLit)
		if !ok1 || !ok2 || key.Kind != token.STRING {
			return true
		}
		p := page{}
		p.url, _ = strconv.Unquote(key.Value)
		for _, e := range val.Elts {
			field, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			name := field.Key.(*ast.Ident).Name
			switch name {
			case "File":
				s, _ := strconv.Unquote(field.Value.(*ast.BasicLit).Value)
				p.file = filepath.Join(dir, "test-files/comparison", s)
			case "With", "Without":
				var list []string
				for _, el := range field.Value.(*ast.CompositeLit).Elts {
					s, _ := strconv.Unquote(el.(*ast.BasicLit).Value)
					list = append(list, s)
				}
				if name == "With" {
					p.with = list
				} else {
					p.without = list
				}
			}
		}
		if p.file != "" {
			out = append(out, p)
		}
		return false
	})
	sort.Slice(out, func(i, j int) bool { return out[i].file < out[j].file })
	return out, nil
}

// storyPages reads every dir/want/NAME.want and the page dir/*/NAME.html
// it describes: lines "+ text" must be extracted, lines "- text" must
// not.
func storyPages(dir string) ([]page, error) {
	wants, err := filepath.Glob(filepath.Join(dir, "want", "*.want"))
	if err != nil {
		return nil, err
	}
	var out []page
	for _, w := range wants {
		b, err := os.ReadFile(w)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(filepath.Base(w), ".want") + ".html"
		found, _ := filepath.Glob(filepath.Join(dir, "*", name))
		if len(found) != 1 {
			return nil, fmt.Errorf("%s: no single page %s", w, name)
		}
		p := page{file: found[0], url: "https://example.com/"}
		for _, l := range strings.Split(string(b), "\n") {
			if s, ok := strings.CutPrefix(l, "+ "); ok {
				p.with = append(p.with, s)
			} else if s, ok := strings.CutPrefix(l, "- "); ok {
				p.without = append(p.without, s)
			}
		}
		out = append(out, p)
	}
	return out, nil
}
