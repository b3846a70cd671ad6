package htmldoc

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// furniture is text of the test pages' furniture: none of it may be in
// the article's text.
var furniture = []string{
	"uses cookies", "Accept cookies", "Weather forecast", "Contact the newsroom", "Search the archive",
	"tracking pixel", "Ferry timetable", "School fair", "riverwatcher", "did nothing until Thursday",
	"weekly newsletter", "Sign up now", "All rights reserved", "var consent", "Share on Facebook",
	"position:fixed", "app.js",
}

// article is text of the test pages' article: all of it must be kept.
var article = []string{
	"The old stone bridge over the Wen river was closed to traffic on Tuesday",
	"Council engineer Maria Lopes said the cracks were found during a routine inspection on Monday afternoon",
	"The bridge, built in 1847, carries some 9,000 vehicles a day.",
	"Shop owners in the town centre said they feared a drop in trade while the detour was in place.",
}

func TestRead(t *testing.T) {
	for _, tt := range []struct {
		file string
		want Meta
	}{
		{"meta-published-time.html", Meta{Title: "Stone bridge closed after engineers find cracks",
			URL: "https://valleycourier.example/news/bridge-closed", Publisher: "The Valley Courier", Author: "Tom Reed",
			Lang: "en", Published: "2023-05-30T08:15:00+01:00", PublishedBy: "<meta article:published_time>"}},
		{"json-ld.html", Meta{Title: "Stone bridge closed | The Valley Courier", Publisher: "Valley Courier",
			Author: "Tom Reed, Ana Ruiz", Lang: "en", Published: "2023-05-30", PublishedBy: "JSON-LD datePublished"}},
		{"time-only.html", Meta{Title: "Stone bridge closed after engineers find cracks - Valley Courier",
			Author: "Tom Reed", Lang: "en", Published: "2023-05-30T08:15", PublishedBy: "<time datetime>"}},
		{"url-date.html", Meta{Title: "Stone bridge closed", URL: "https://valleycourier.example/2023/05/30/bridge-closed.html",
			Lang: "en", Published: "2023-05-30",
			PublishedBy: `go-htmldate, from "https://valleycourier.example/2023/05/30/bridge-closed.html"`}},
		{"no-date.html", Meta{Title: "Stone bridge closed", Lang: "en"}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := Read(readPage(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Meta != tt.want {
				t.Errorf("meta\n got %+v\nwant %+v", doc.Meta, tt.want)
			}
			text := textOfBlocks(doc.Blocks)
			for _, s := range article {
				if !strings.Contains(text, s) {
					t.Errorf("the article's %q is lost; text:\n%s", s, text)
				}
			}
			for _, s := range furniture {
				if strings.Contains(text, s) {
					t.Errorf("furniture %q is in the text:\n%s", s, text)
				}
			}
		})
	}
}

func TestReadRefuses(t *testing.T) {
	deep := "<html><body>" + strings.Repeat("<div>", MaxDepth+10) + "<p>deep</p></body></html>"
	many := "<html><body>" + strings.Repeat("<b></b>", MaxElements+1) + "</body></html>"
	deeper := "<html><body>" + strings.Repeat("<div>", 600) + "</body></html>"
	big := "<html><body><script>" + strings.Repeat("x=1;", MaxSize/4+1) + "</script></body></html>"
	much := "<html><body><p>" + strings.Repeat("word ", MaxText/5+1) + "</p></body></html>"
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"no-body.html", nil, "no <body> element"},
		{"lang-fr.html", nil, `another language (lang "fr-FR")`},
		{"undeclared-french.html", nil, "does not read as English"},
		{"paywall.html", nil, "only a paywall notice"},
		{"deep", []byte(deep), "nested over 256 deep"},
		{"many", []byte(many), "over 50000 elements"},
		{"much text", []byte(much), "over 512 KB of text"},
		{"deeper", []byte(deeper), "exceeds 512"},
		{"big", []byte(big), "over the limit of 16 MB"},
		{"text", []byte("just some text, no markup"), "no <body> element"},
		{"empty body", []byte("<html><body></body></html>"), "no article text"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data
			if data == nil {
				data = readPage(t, tt.name)
			}
			_, err := Read(data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Read = %v; want an error saying %q", err, tt.want)
			}
		})
	}
}

func TestErrNoBody(t *testing.T) {
	if _, err := Read([]byte("<p>fragment</p>")); !errors.Is(err, ErrNoBody) {
		t.Errorf("Read of a fragment = %v, want ErrNoBody", err)
	}
}

func readPage(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata/pages", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func textOfBlocks(blocks []Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		b.WriteString(bl.Text)
		b.WriteString("\n")
	}
	return b.String()
}

// BenchmarkRead reads a news page and pages at the limits: the most
// text in paragraphs of one article, the same text as short paragraphs
// in nested sections, the most elements, and the largest page, mostly
// script.
func BenchmarkRead(b *testing.B) {
	page, err := os.ReadFile("testdata/pages/meta-published-time.html")
	if err != nil {
		b.Fatal(err)
	}
	para := "<p>The old stone bridge over the river was closed to traffic on Tuesday after engineers found cracks in two of its arches, the county council said in a statement.</p>\n"
	section := "<section><div><h2>Update</h2>" + strings.Repeat(para[:60]+"</p>", 4) + "</div></section>\n"
	article := "<html><body><article>" + strings.Repeat(para, MaxText/len(para)-1) + "</article></body></html>"
	sections := "<html><body><main>" + strings.Repeat(section, MaxText/260) + "</main></body></html>"
	elements := "<html><body><main>" + strings.Repeat("<div><span>a</span><b>b</b></div>\n", MaxElements/3-10) + "</main></body></html>"
	script := "<html><head><script>" + strings.Repeat("x=1;", (MaxSize-len(article))/4-100) + "</script></head><body>" + article[12:]
	for _, tt := range []struct {
		name string
		data []byte
	}{{"news-page", page}, {"text-article", []byte(article)}, {"text-sections", []byte(sections)},
		{"elements", []byte(elements)}, {"16MB-script", []byte(script)}} {
		b.Run(tt.name, func(b *testing.B) {
			b.SetBytes(int64(len(tt.data)))
			for b.Loop() {
				if _, err := Read(tt.data); err != nil {
					b.Logf("%s: %v", tt.name, err)
				}
			}
		})
	}
}
