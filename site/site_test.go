package site

import (
	"bytes"
	"encoding/json"
	"flag"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/assets"
	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const goldenDir = "testdata/golden"

func render(t *testing.T, tl *timeline.Timeline) map[string][]byte {
	t.Helper()
	files, err := Render(tl, Options{BaseURL: "https://example.org/story"})
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	if !slices.IsSortedFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) }) {
		t.Errorf("files are not sorted by path")
	}
	byPath := map[string][]byte{}
	for _, f := range files {
		if _, dup := byPath[f.Path]; dup {
			t.Errorf("two files at %s", f.Path)
		}
		byPath[f.Path] = f.Data
	}
	return byPath
}

func TestGolden(t *testing.T) {
	files := render(t, fixture(t))
	want := []string{".nojekyll", "404.html", "events.csv", "favicon.svg", "feed.xml", "index.html", "sources/a-news.html",
		"sources/b-blog.html", "style.css", "timeline.ics", "timeline.js", "timeline.json", "timelinejs.json"}
	if got := sortedKeys(files); !slices.Equal(got, want) {
		t.Fatalf("files = %q, want %q", got, want)
	}
	for _, name := range copiedAssets {
		asset, err := fs.ReadFile(assets.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(files[name], asset) {
			t.Errorf("%s differs from assets' %s", name, name)
		}
	}
	if *update {
		if err := os.RemoveAll(goldenDir); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range files {
		if slices.Contains(copiedAssets, name) {
			continue
		}
		golden := filepath.Join(goldenDir, filepath.FromSlash(name))
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		wantData, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("read golden file (run go test ./site/ -update): %v", err)
			continue
		}
		if !bytes.Equal(data, wantData) {
			t.Errorf("%s differs from %s (run go test ./site/ -update and review the diff)", name, golden)
		}
	}
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestSameTimelineSameBytes(t *testing.T) {
	first := render(t, fixture(t))
	again := render(t, fixture(t))
	reordered := fixture(t)
	slices.Reverse(reordered.Sources)
	third := render(t, reordered)
	for name, data := range first {
		if !bytes.Equal(data, again[name]) {
			t.Errorf("%s differs between two renders", name)
		}
		if !bytes.Equal(data, third[name]) {
			t.Errorf("%s depends on the order of Timeline.Sources", name)
		}
	}
}

var linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

// links returns the href and src values of an HTML page, unescaped.
func links(page []byte) []string {
	var out []string
	for _, m := range linkAttr.FindAllSubmatch(page, -1) {
		out = append(out, html.UnescapeString(string(m[1])))
	}
	return out
}

func TestLinksResolveInsideTheSite(t *testing.T) {
	files := render(t, fixture(t))
	checked := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, link := range links(data) {
			if strings.Contains(link, "://") {
				continue // the original's address, checked in TestNothingFromAnotherHost
			}
			u, err := url.Parse(link)
			if err != nil {
				t.Errorf("%s: link %q: %v", name, link, err)
				continue
			}
			target := name
			if u.Path != "" {
				target = path.Join(path.Dir(name), u.Path)
			}
			page, ok := files[target]
			if !ok {
				t.Errorf("%s: link %q: no file %s", name, link, target)
				continue
			}
			if u.Fragment != "" && !bytes.Contains(page, []byte(` id="`+html.EscapeString(u.Fragment)+`"`)) {
				t.Errorf("%s: link %q: %s has no id %q", name, link, target, u.Fragment)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("checked only %d links", checked)
	}
}

func TestCitationsOpenTheirSentence(t *testing.T) {
	tl := fixture(t)
	files := render(t, tl)
	index := string(files["index.html"])
	for _, e := range tl.Events {
		for _, c := range e.Citations {
			href := "sources/" + c.Source + ".html#s" + itoa(c.Sentence)
			if !strings.Contains(index, `href="`+href+`"`) {
				t.Errorf("index.html has no citation link %s", href)
			}
			page := string(files["sources/"+c.Source+".html"])
			if !strings.Contains(page, `id="s`+itoa(c.Sentence)+`"`) {
				t.Errorf("%s has no anchor s%d", c.Source, c.Sentence)
			}
			if !strings.Contains(page, `href="../index.html#`+e.ID+`"`) {
				t.Errorf("%s does not link back to %s", c.Source, e.ID)
			}
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestNothingFromAnotherHost(t *testing.T) {
	tl := fixture(t)
	files := render(t, tl)
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, link := range links(data) {
			if strings.HasPrefix(link, "/") || strings.HasPrefix(link, `\`) {
				t.Errorf("%s: link %q is not relative", name, link)
			}
			u, err := url.Parse(link)
			if err != nil || u.Scheme == "" && u.Host == "" {
				continue
			}
			if original(tl, name, link) {
				continue
			}
			if name == "404.html" && strings.HasPrefix(link, "https://example.org/story/") {
				continue // 404.html is served at any depth, so it links by the base URL
			}
			t.Errorf("%s: link %q points to another host", name, link)
		}
	}
}

// original reports whether link, on the page name, is the original of a
// source: on its source page, or, at a cited sentence, on index.html.
func original(tl *timeline.Timeline, name, link string) bool {
	if src := tl.Source(strings.TrimSuffix(path.Base(name), ".html")); src != nil && link == src.URL {
		return true
	}
	for _, src := range tl.Sources {
		if name == "index.html" && src.URL != "" && strings.HasPrefix(link, src.URL+"#:~:text=") {
			return true
		}
	}
	return false
}

func TestHostileTextIsEscaped(t *testing.T) {
	files := render(t, fixture(t))
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		own := bytes.ReplaceAll(data, []byte(`<script src="timeline.js" defer></script>`), nil)
		if bytes.Contains(bytes.ToLower(own), []byte("<script")) {
			t.Errorf("%s contains a <script> element other than timeline.js", name)
		}
		if bytes.Contains(data, []byte("\r")) {
			t.Errorf("%s contains a carriage return", name)
		}
	}
	if !bytes.Contains(files["index.html"], []byte(`Armed group crosses into Belgorod &lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;`)) {
		t.Errorf("index.html does not show the hostile title as text")
	}
	if !bytes.Contains(files["timeline.json"], []byte(`"title": "Armed group crosses into Belgorod <script>alert(\"t\")</script>"`)) {
		t.Errorf("timeline.json escapes more than JSON needs")
	}
}

func TestSourcePageShowsTheWholeText(t *testing.T) {
	files := render(t, fixture(t))
	page := string(files["sources/a-news.html"])
	for _, want := range []string{
		`<h3><span class="sentence" id="s1">The raid</span></h3>`,
		"</a></mark>\n<mark class=\"sentence cited\" id=\"s3\">", // the line break between two sentences
		`<ul>` + "\n" + `<li><span class="sentence" id="s4">`,    // consecutive list items make one list
		`<blockquote><p><mark class="sentence cited" id="s6">`,
		`<details class="furniture">` + "\n" + `<summary><span class="furniture-label">Page furniture</span> navigation list</summary>`,
		`<summary><span class="furniture-label">Page furniture</span> after the end of the article</summary>`,
		`<a class="original" href="https://example.com/world/raid?id=1&amp;page=2"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("sources/a-news.html lacks %q", want)
		}
	}
	if strings.Count(page, `class="furniture"`) != 2 {
		t.Errorf("want the furniture in two boxes (one per run of blocks with one reason)")
	}
	blog := string(files["sources/b-blog.html"])
	for _, want := range []string{"<pre>if x &lt; 1 { panic(&#34;&amp;&#34;) }</pre>", "Unknown", "notes/b-blog.md"} {
		if !strings.Contains(blog, want) {
			t.Errorf("sources/b-blog.html lacks %q", want)
		}
	}
	if strings.Contains(blog, "Original") {
		t.Errorf("sources/b-blog.html shows an original though the source has no URL")
	}
}

// contractTimeline is timeline.json as CONTRACT.md names its fields.
type contractTimeline struct {
	Title   string `json:"title"`
	Sources []struct {
		ID                string `json:"id"`
		File              string `json:"file"`
		Title             string `json:"title"`
		URL               string `json:"url"`
		Publisher         string `json:"publisher"`
		Published         string `json:"published"`
		PublishedBasis    string `json:"published_basis"`
		PublishedEvidence string `json:"published_evidence"`
	} `json:"sources"`
	Events []struct {
		ID        string   `json:"id"`
		Date      string   `json:"date"`
		Precision string   `json:"precision"`
		PartOfDay string   `json:"part_of_day"`
		Title     string   `json:"title"`
		Summary   string   `json:"summary"`
		ClaimedBy []string `json:"claimed_by"`
		Disputed  *bool    `json:"disputed"`
		Citations []struct {
			Source   string  `json:"source"`
			Quote    string  `json:"quote"`
			DateText *string `json:"date_text"`
			Sentence int     `json:"sentence"`
			jsonCitationExtension
		} `json:"citations"`
		jsonEventExtension
	} `json:"events"`
}

// jsonEventExtension and jsonCitationExtension are the fields docs/site.md
// adds to CONTRACT.md's timeline.json.
type jsonEventExtension struct {
	Stance     string          `json:"stance"`
	Background bool            `json:"background"`
	Outlets    int             `json:"outlets"`
	Rank       int             `json:"rank"`
	Dating     *jsonDating     `json:"dating"`
	OtherDates []jsonOtherDate `json:"other_dates"`
	Accounts   []jsonAccount   `json:"accounts"`
}

type jsonCitationExtension struct {
	DateBasis string `json:"date_basis"`
	DatedBy   int    `json:"dated_by"`
	Speaker   string `json:"speaker"`
	Stance    string `json:"stance"`
}

func TestTimelineJSONKeepsTheContract(t *testing.T) {
	tl := fixture(t)
	data := render(t, tl)["timeline.json"]
	if !bytes.HasSuffix(data, []byte("}\n")) || !bytes.HasPrefix(data, []byte("{\n  \"title\"")) {
		t.Errorf("timeline.json is not indented by two spaces with a final newline")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var got contractTimeline
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("decode timeline.json: %v", err)
	}
	if got.Title != tl.Title || len(got.Sources) != 2 || len(got.Events) != 3 {
		t.Fatalf("timeline.json: title %q, %d sources, %d events", got.Title, len(got.Sources), len(got.Events))
	}
	a, b := got.Sources[0], got.Sources[1]
	if a.ID != "a-news" || a.Published != "2023-05-23" || a.PublishedBasis != "text" || a.URL != tl.Sources[0].URL {
		t.Errorf("source a-news = %+v", a)
	}
	if b.ID != "b-blog" || b.Published != "" || b.PublishedBasis != "unknown" || b.File != "notes/b-blog.md" {
		t.Errorf("source b-blog = %+v", b)
	}
	wantDates := [][2]string{{"2023-05", "month"}, {"2023-05-22", "day"}, {"2023-05-23", "day"}}
	for i, e := range got.Events {
		if e.ID != tl.Events[i].ID || e.Date != wantDates[i][0] || e.Precision != wantDates[i][1] {
			t.Errorf("event %d: id %q date %q precision %q", i, e.ID, e.Date, e.Precision)
		}
		if e.Disputed == nil || *e.Disputed != tl.Events[i].Disputed {
			t.Errorf("event %s: disputed missing or wrong", e.ID)
		}
		for j, c := range e.Citations {
			want := tl.Events[i].Citations[j]
			if c.DateText == nil || *c.DateText != want.DateText || c.Quote != want.Quote || c.Sentence != want.Sentence || c.Source != want.Source {
				t.Errorf("event %s citation %d = %+v", e.ID, j, c)
			}
		}
	}
	if got.Events[1].PartOfDay != "early morning" || !slices.Equal(got.Events[2].ClaimedBy, tl.Events[2].ClaimedBy) {
		t.Errorf("part_of_day or claimed_by lost")
	}
	if n := bytes.Count(data, []byte(`"part_of_day"`)); n != 1 {
		t.Errorf(`"part_of_day" written %d times, want only where set (1)`, n)
	}
	if n := bytes.Count(data, []byte(`"claimed_by"`)); n != 1 {
		t.Errorf(`"claimed_by" written %d times, want only where set (1)`, n)
	}
}

func TestRenderRefusesBrokenTimelines(t *testing.T) {
	for name, breakIt := range map[string]func(tl *timeline.Timeline){
		"unknown source":        func(tl *timeline.Timeline) { tl.Events[0].Citations[0].Source = "nope" },
		"unknown sentence":      func(tl *timeline.Timeline) { tl.Events[0].Citations[0].Sentence = 99 },
		"duplicate source":      func(tl *timeline.Timeline) { tl.Sources[1].ID = tl.Sources[0].ID },
		"duplicate event":       func(tl *timeline.Timeline) { tl.Events[1].ID = tl.Events[0].ID },
		"undated event":         func(tl *timeline.Timeline) { tl.Events[0].Date = timex.Date{} },
		"id with a slash":       func(tl *timeline.Timeline) { tl.Sources[1].ID = "../b" },
		"span past text":        func(tl *timeline.Timeline) { tl.Sources[1].Blocks[0].Span.End = 1 << 20 },
		"account cites nothing": func(tl *timeline.Timeline) { tl.Events[2].Accounts[0].Citations = []int{2} },
		"other date's source":   func(tl *timeline.Timeline) { tl.Events[1].OtherDates[0].Source = "nope" },
	} {
		tl := fixture(t)
		breakIt(tl)
		if _, err := Render(tl, Options{}); err == nil {
			t.Errorf("%s: Render returned no error", name)
		}
	}
	if _, err := Render(fixture(t), Options{BaseURL: "javascript:alert(1)"}); err == nil {
		t.Errorf("bad base URL: Render returned no error")
	}
}

func TestNoBaseURLNoAbsoluteAddress(t *testing.T) {
	files, err := Render(fixture(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if bytes.Contains(f.Data, []byte("og:url")) {
			t.Errorf("%s has og:url without a base URL", f.Path)
		}
	}
}

func TestEmptyTimeline(t *testing.T) {
	files, err := Render(&timeline.Timeline{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Path == "timeline.json" && !bytes.Contains(f.Data, []byte(`"events": []`)) {
			t.Errorf("timeline.json of an empty timeline:\n%s", f.Data)
		}
	}
}

// TestIntroTooCostlyShowsAsText renders an introduction over mdoc's
// bounds: the index shows its plain text, escaped, and the render does
// not fail (the build warns of it).
func TestIntroTooCostlyShowsAsText(t *testing.T) {
	tl := fixture(t)
	tl.Intro = "A *story* <b>told</b>\n\n" + strings.Repeat("| a | b |\n", 20000)
	index := string(render(t, tl)["index.html"])
	if !strings.Contains(index, "<p>A *story* &lt;b&gt;told&lt;/b&gt;</p>") {
		t.Errorf("index.html does not show the introduction as plain text")
	}
	intro := index[strings.Index(index, `<section class="intro"`):]
	intro = intro[:strings.Index(intro, "</section>")]
	if strings.Contains(intro, "<table") || strings.Contains(intro, "<b>") {
		t.Errorf("index.html renders the introduction's markup")
	}
}
