package mdoc

import (
	"regexp"
	"slices"
	"strings"
	"testing"
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
		{Heading, "Title"},
		{Paragraph, "Some emphasis and a link & code."},
		{ListItem, "one"},
		{ListItem, "two"},
		{Quote, "quoted"},
		{Code, "fenced"},
		{Paragraph, "a | b"},
		{Paragraph, "1 | 2"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Blocks:\n got %q\nwant %q", got, want)
	}
}

func TestSafeLink(t *testing.T) {
	for dest, want := range map[string]bool{
		"https://a.org": true, "HTTP://a.org": true, "mailto:x@y": true, "#s1": true, "a/b.html": true,
		"../a": true, "a/b:c": true, "javascript:x": false, " javascript:x": false, "data:x": false,
		"//evil.org": false, "": false, "java\nscript:x": false, "file:///etc/passwd": false,
	} {
		if got := SafeLink([]byte(dest)); got != want {
			t.Errorf("SafeLink(%q) = %v, want %v", dest, got, want)
		}
	}
}

var (
	htmlTag = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	// badTag is a tag that could run a script or load from elsewhere: a
	// script, frame or object, an event handler, a scripting or data URL,
	// an image not in the site.
	badTag = regexp.MustCompile(`(?i)^<(script|iframe|object|embed|svg|style|link|meta)\b|\son\w+=|(href|src)="\s*(javascript|vbscript|data):|<img[^>]*src="(https?:)?//`)
)

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"# T\n\ntext [l](u) ![i](j)\n\n- a\n  - b\n\n> q\n",
		"<script>x</script>", "[x](javascript:y)", "| a |\n|---|\n| b |", "```\ncode", "*a **b* c**",
		"[a]: <b>\n[a]", "1. a\n2. b\n\n    code",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, err := HTML([]byte(src))
		if err != nil {
			return // a recovered panic is reported, not raised
		}
		for _, tag := range htmlTag.FindAllString(out, -1) {
			if badTag.MatchString(tag) {
				t.Fatalf("HTML(%q) let %q through", src, tag)
			}
		}
		if _, err := Blocks([]byte(src)); err != nil {
			t.Logf("Blocks: %v", err)
		}
	})
}
