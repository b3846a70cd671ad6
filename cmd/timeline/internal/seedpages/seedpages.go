// Package seedpages wraps the shipped seed articles (testdata/seeds/*.txt)
// in HTML pages shaped like real news pages: a navigation bar, a cookie
// banner, the article in <article> with its date only in a <time>
// element or in JSON-LD, inline "read also" links, embedded posts,
// related links, a comment section, a newsletter form, scripts, styles
// and HTML comments. The scraped furniture of each seed goes into the
// page's furniture, never into <article>.
//
// The pages test the HTML reader: built from them, the story must score
// as the .txt seeds do. Each page also gets a list of what its article
// text must hold ("+ " lines) and must not ("- " lines), for
// tools/comparehtml. The layout of each seed (which lines are its title,
// its article, its headings) is written down here by hand: it describes
// the test data, not a rule of the tool.
package seedpages

import (
	"fmt"
	"html"
	"strings"
)

// escapeText escapes the text of an element as publishers' pages do:
// quotes and apostrophes stay as they are, so that a sentence of the
// article is in the page's bytes verbatim.
var escapeText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace

// Seed says how one seed's lines become a page. Line numbers count from
// 1, as an editor shows them.
type Seed struct {
	Name      string // file name without extension
	Title     int    // the headline's line; 0 when the seed has none
	Headline  string // og:title and <title> when Title is 0
	From, To  int    // the article's first and last line
	Headings  []int  // subheadings within the article
	Asides    []int  // inline "read also" links within the article
	Captions  []int  // captions of embedded media
	Dropped   []int  // lines of the article that the page does not print
	Posts     [][2]int
	Published string // the publication date and time
	DateIn    string // "time" or "json-ld"
	URL       string
	Publisher string
	Author    string
}

// Seeds are the five shipped seeds.
var Seeds = []Seed{
	{Name: "000_d9d560be9535d93f", Title: 1, From: 3, To: 29, Published: "2023-05-24T07:40:00+07:00", DateIn: "time",
		URL: "https://news.example.com/world/raid-armored-vehicles-belgorod", Publisher: "Example World News", Author: "Staff Reporter"},
	{Name: "001_cd3dfe0bcc080581", Title: 3, From: 5, To: 19, Published: "2023-05-23T16:05:00+02:00", DateIn: "json-ld",
		URL: "https://www.example.org/en/news/russian-border-incursion-belgorod", Publisher: "Example Daily"},
	{Name: "002_be923fc5e0fa518d", Title: 3, From: 5, To: 49, Asides: []int{19, 37}, Published: "2023-05-23T18:30:00-04:00", DateIn: "time",
		URL: "https://example.net/world/2023/belgorod-russia-militia-raid/", Publisher: "USA World News", Author: "Robyn Dixon"},
	{Name: "003_0f1b90f516402c10", Headline: "Russia denounces new drone attacks against Belgorod", From: 1, To: 36, Headings: []int{6, 18},
		Posts: [][2]int{{11, 13}, {22, 23}, {30, 32}}, Published: "2023-05-24T21:12:00Z", DateIn: "json-ld",
		URL: "https://www.example.fr/en/europe/20230524-russia-drone-attacks-belgorod", Publisher: "Example 24"},
	{Name: "004_1cdc5eb8c7f642e6", Title: 8, From: 11, To: 51, Headings: []int{19, 35, 47}, Captions: []int{33}, Dropped: []int{21},
		Published: "2023-05-23T22:33:50.746Z", DateIn: "json-ld",
		URL:       "https://bingepost.com/russia-declares-victory-over-belgorod-insurgents-after-unusual-cross-border-incursion/",
		Publisher: "Bingepost", Author: "Cecilia Jones"},
}

// Page is one generated page and its expectations.
type Page struct {
	HTML string
	// Want lists "+ text" lines that the article text must hold and
	// "- text" lines that it must not.
	Want string
}

// Build makes the page of seed s from the seed's text.
func Build(s Seed, text string) (Page, error) {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	if s.To > len(lines) || s.From < 1 || s.From > s.To {
		return Page{}, fmt.Errorf("seed %s: lines %d-%d out of its %d lines", s.Name, s.From, s.To, len(lines))
	}
	line := func(n int) string { return strings.TrimSpace(lines[n-1]) }
	headline := s.Headline
	if s.Title > 0 {
		headline = line(s.Title)
	}
	var before, after []string
	for n := 1; n <= len(lines); n++ {
		if l := line(n); l != "" && n != s.Title && (n < s.From || n > s.To) {
			if n < s.From {
				before = append(before, l)
			} else {
				after = append(after, l)
			}
		}
	}
	var b strings.Builder
	var want []string
	writeHead(&b, s, headline)
	writeTop(&b, before)
	writeArticle(&b, s, headline, lines, &want)
	writeBottom(&b, after)
	b.WriteString("</body>\n</html>\n")
	for _, l := range before {
		want = appendUnwanted(want, l)
	}
	for _, l := range after {
		want = appendUnwanted(want, l)
	}
	for _, l := range commonFurniture {
		want = appendUnwanted(want, l)
	}
	return Page{HTML: b.String(), Want: strings.Join(want, "\n") + "\n"}, nil
}

// appendUnwanted adds a furniture line to want when it is long enough
// not to be found in article text by chance.
func appendUnwanted(want []string, l string) []string {
	if len(l) < 12 {
		return want
	}
	return append(want, "- "+l)
}

func writeHead(b *strings.Builder, s Seed, headline string) {
	e := html.EscapeString
	fmt.Fprintf(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	fmt.Fprintf(b, "<title>%s | %s</title>\n", escapeText(headline), escapeText(s.Publisher))
	fmt.Fprintf(b, "<link rel=\"canonical\" href=\"%s\">\n", e(s.URL))
	fmt.Fprintf(b, "<meta property=\"og:title\" content=\"%s\">\n", e(headline))
	fmt.Fprintf(b, "<meta property=\"og:site_name\" content=\"%s\">\n", e(s.Publisher))
	fmt.Fprintf(b, "<meta property=\"og:type\" content=\"article\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<style>body{font-family:sans-serif}.cookie-banner{position:fixed;bottom:0}</style>\n")
	b.WriteString("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>\n")
	if s.DateIn == "json-ld" {
		fmt.Fprintf(b, "<script type=\"application/ld+json\">%s</script>\n", jsonLD(s, headline))
	}
	b.WriteString("</head>\n<body class=\"single-post\">\n<!-- Google Tag Manager (noscript): Published on 2001-01-01 -->\n")
}

// jsonLD returns a NewsArticle graph as publishers' SEO plugins write it.
func jsonLD(s Seed, headline string) string {
	q := func(v string) string { return fmt.Sprintf("%q", v) }
	author := ""
	if s.Author != "" {
		author = `,"author":{"@type":"Person","name":` + q(s.Author) + `}`
	}
	return `{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":` + q(s.Publisher) +
		`,"url":"https://` + hostOf(s.URL) + `/"},{"@type":"NewsArticle","headline":` + q(headline) +
		`,"datePublished":` + q(s.Published) + `,"mainEntityOfPage":` + q(s.URL) + author +
		`,"publisher":{"@type":"Organization","name":` + q(s.Publisher) + `}}]}`
}

func hostOf(u string) string {
	rest := u[strings.Index(u, "//")+2:]
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		return rest[:i]
	}
	return rest
}
