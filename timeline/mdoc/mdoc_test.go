package mdoc

import (
	"errors"
	"html"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
)

func TestHTMLRefusesWhatIsUnsafe(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    []string // in the output
		notWant []string // not in the output
	}{
		{"raw HTML block", "<script>alert(1)</script>\n\ntext", []string{"<p>text</p>"}, []string{"<script"}},
		{"inline HTML", "a <img src=x onerror=alert(1)> b", []string{"<p>a"}, []string{"<img", "onerror"}},
		{"javascript link", "[x](javascript:alert(1))", []string{"x"}, []string{"javascript:", "href"}},
		{"data link", "[x](data:text/html,hi)", nil, []string{"data:", "href"}},
		{"vbscript link", "[x](VBScript:msgbox)", nil, []string{"href"}},
		{"web link kept", "[x](https://example.org/a)", []string{`href="https://example.org/a"`, "noopener"}, nil},
		{"relative link kept", "[x](sources/a.html#s3)", []string{`href="sources/a.html#s3"`}, nil},
		{"mailto kept", "[x](mailto:a@example.org)", []string{`href="mailto:a@example.org"`}, nil},
		{"remote image refused", "![alt text](https://example.org/a.png)", []string{"alt text"}, []string{"<img"}},
		{"protocol-relative image refused", "![alt](//example.org/a.png)", nil, []string{"<img"}},
		{"local image kept", "![alt](img/a.png)", []string{`<img src="img/a.png"`}, nil},
		{"heading one level down", "# Title\n\n## Part", []string{"<h2", "<h3"}, []string{"<h1"}},
		{"text escaped", "a < b & \"c\"", []string{"a &lt; b &amp;"}, nil},
		// The kinds of the OWASP XSS filter evasion cheat sheet that a
		// Markdown destination can carry.
		{"decimal reference", "[x](&#106;avascript:alert(1))", nil, []string{"href"}},
		{"padded decimal reference", "[x](&#0000106avascript:alert(1))", nil, []string{"href"}},
		{"hex reference", "[x](&#x6A;avascript:alert(1))", nil, []string{"href"}},
		{"named colon", "[x](javascript&colon;alert(1))", nil, []string{"href"}},
		{"encoded tab", "[x](jav&#x09;ascript:alert(1))", nil, []string{"href"}},
		{"encoded newline", "[x](jav&#x0A;ascript:alert(1))", nil, []string{"href"}},
		{"leading control", "[x](\x01javascript:alert(1))", nil, []string{"href"}},
		{"angle destination", "[x](<javascript:alert(1)>)", nil, []string{"href"}},
		{"reference definition", "[x]: javascript:alert(1)\n\n[x]", nil, []string{"href"}},
		{"autolink", "<javascript:alert(1)>", nil, []string{"href"}},
		{"attribute break-out", "[x](a\" onmouseover=\"alert(1))", nil, []string{`" onmouseover`}},
		{"image attribute break-out", "![x](a.png\" onerror=\"alert(1))", nil, []string{`" onerror`}},
		{"image by reference to another host", "![x](&#x2F;&#x2F;evil.example/a.png)", nil, []string{"<img"}},
		{"image backslash host", "![x](\\\\\\\\evil.example/a.png)", nil, []string{"<img"}},
		{"image with a scheme", "![x](javascript:alert(1))", nil, []string{"<img"}},
		{"svg", "<svg onload=alert(1)>", nil, []string{"<svg", "onload"}},
		{"heading script", "# <script>alert(1)</script>", nil, []string{"<script"}},
		{"code escapes", "```\n</code><script>alert(1)</script>\n```", []string{"&lt;script&gt;"}, []string{"<script"}},
		{"alt text escaped", "![<img src=x onerror=alert(1)>](a.png)", []string{`alt="&lt;img`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := HTML([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("HTML(%q) = %q, want it to contain %q", tt.src, got, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(strings.ToLower(got), strings.ToLower(w)) {
					t.Errorf("HTML(%q) = %q, want no %q", tt.src, got, w)
				}
			}
		})
	}
}

func TestBlocks(t *testing.T) {
	src := "# Title\n\nSome *emphasis* and a [link](https://x.org) &amp; `code`.\n\n- one\n- two\n\n> quoted\n\n<div>raw</div>\n\n![img](a.png)\n\n```\nfenced\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
	got, err := Blocks([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Block{
		{timeline.Heading, "Title"},
		{timeline.Paragraph, "Some emphasis and a link & code."},
		{timeline.ListItem, "one"},
		{timeline.ListItem, "two"},
		{timeline.Quote, "quoted"},
		{timeline.Code, "fenced"},
		{timeline.Paragraph, "a | b"},
		{timeline.Paragraph, "1 | 2"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Blocks:\n got %q\nwant %q", got, want)
	}
}

// TestBlocksKeepTextBeforeColonLine checks that a line opening with ": "
// under a paragraph (a reader's reply, a transcript) loses none of the
// paragraph's text, as it did when definition lists were read.
func TestBlocksKeepTextBeforeColonLine(t *testing.T) {
	src := "The first line of the article.\nThe second line.\nA reader wrote\n: The president has every right.\n\nLast paragraph.\n"
	got, err := Blocks([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, b := range got {
		text = append(text, b.Text)
	}
	all := strings.Join(text, " ")
	for _, want := range []string{"The first line of the article.", "The second line.", "A reader wrote", "The president has every right.", "Last paragraph."} {
		if !strings.Contains(all, want) {
			t.Errorf("Blocks lost %q: got %q", want, text)
		}
	}
}

func TestSafeLink(t *testing.T) {
	for dest, want := range map[string]bool{
		"https://a.org": true, "HTTP://a.org": true, "mailto:x@y": true, "#s1": true, "a/b.html": true,
		"../a": true, "a/b:c": true, "javascript:x": false, " javascript:x": false, "data:x": false,
		"//evil.org": false, "": false, "java\nscript:x": false, "file:///etc/passwd": false,
		"&#106;avascript:x": false, "jav&#x09;ascript:x": false, "javascript&colon;x": false,
		"\\\\evil.org": false, "/\\evil.org": false, "\\/evil.org": false, "&#47;/evil.org": false,
		"\x00javascript:x": false, "JAVASCRIPT:x": false, "vbscript:x": false, "a&amp;b": true,
		"&#104;ttps://a.org": true, "\thttps://a.org": true,
	} {
		if got := SafeLink([]byte(dest)); got != want {
			t.Errorf("SafeLink(%q) = %v, want %v", dest, got, want)
		}
	}
}

var (
	htmlTag = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	// badTag is a tag that could run a script or load from elsewhere: a
	// script, frame or object, an event handler, an image not in the
	// site.
	badTag = regexp.MustCompile(`(?i)^<(script|iframe|object|embed|svg|style|link|meta|base|form)\b|\son\w+=|<img[^>]*src="(https?:)?//`)
	// urlAttr is an attribute holding a URL, its value as written.
	urlAttr = regexp.MustCompile(`\s(href|src)="([^"]*)"`)
	// scheme is a URL's scheme, as a browser finds it.
	scheme = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9+.-]*):`)
)

// browserURL returns an attribute's URL as a browser reads it: character
// references decoded, tabs and line breaks dropped, controls and spaces
// trimmed.
func browserURL(attr string) string {
	s := strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(html.UnescapeString(attr))
	return strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
}

// checkSafeHTML fails the test for a tag of out that could run a script
// or load from another host, or a URL with a scheme other than http,
// https or mailto (for an image, any scheme or host).
func checkSafeHTML(t *testing.T, src, out string) {
	t.Helper()
	for _, tag := range htmlTag.FindAllString(out, -1) {
		if badTag.MatchString(tag) {
			t.Fatalf("HTML(%q) let %q through", src, tag)
		}
		for _, m := range urlAttr.FindAllStringSubmatch(tag, -1) {
			u := browserURL(m[2])
			s := scheme.FindStringSubmatch(u)
			switch {
			case m[1] == "src" && (s != nil || strings.HasPrefix(strings.ReplaceAll(u, `\`, "/"), "//")):
				t.Fatalf("HTML(%q) loads an image from elsewhere: %q", src, tag)
			case s != nil && !slices.Contains([]string{"http", "https", "mailto"}, strings.ToLower(s[1])):
				t.Fatalf("HTML(%q) links to scheme %q: %q", src, s[1], tag)
			}
		}
	}
}

// FuzzMarkdown checks that HTML never lets through what could run a
// script or load from another host, and that neither HTML nor Blocks
// hangs. A recovered gomarkdown panic is logged, not failed, since it is
// gomarkdown's to fix and the caller gets the plain text; run with
// MDOC_FUZZ_STRICT=1 to fail on one and keep the input.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"# T\n\ntext [l](u) ![i](j)\n\n- a\n  - b\n\n> q\n",
		"<script>x</script>", "[x](javascript:y)", "| a |\n|---|\n| b |", "```\ncode", "*a **b* c**",
		"[a]: <b>\n[a]", "1. a\n2. b\n\n    code", "[x](&#106;avascript:y)", "![x](&#47;/h/a.png)",
		"term\n: definition\n\n", "<!-- a --> <a href=x>", "[[[[x](u)](u)](u)](u)",
	} {
		f.Add(s)
	}
	for _, r := range knownReports {
		f.Add(r.src)
	}
	strict := os.Getenv("MDOC_FUZZ_STRICT") != ""
	f.Fuzz(func(t *testing.T, src string) {
		out, err := HTML([]byte(src))
		if err != nil && !errors.Is(err, ErrTooComplex) && strict {
			t.Fatalf("HTML(%q): %v", src, err)
		}
		checkSafeHTML(t, src, out)
		if _, err := Blocks([]byte(src)); err != nil && !errors.Is(err, ErrTooComplex) && strict {
			t.Fatalf("Blocks(%q): %v", src, err)
		}
	})
}
