package main

import (
	"path"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
)

func TestParseAddress(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"https://www.bbc.co.uk/news/world-65746524", "https://www.bbc.co.uk/news/world-65746524", ""},
		{"  HTTP://Example.com/a#comments ", "http://Example.com/a", ""},
		{"https://example.com/a?b=1#", "https://example.com/a?b=1", ""},
		{"javascript:alert(1)", "", `refused scheme "javascript"`},
		{"file:///etc/passwd", "", `refused scheme "file"`},
		{"data:text/html,<script>", "", `refused scheme "data"`},
		{"mailto:desk@example.com", "", `refused scheme "mailto"`},
		{"example.com/news", "", "not a web address: it does not begin with"},
		{"//example.com/news", "", "not a web address: it does not begin with"},
		{"http:example.com", "", "no host"},
		{"https://", "", "no host"},
		{"http://a b.com/", "", "not a web address: invalid character"},
		{"http://example.com/\x1b[31m", "", "not a web address: net/url: invalid control character"},
		{"https://me:pw@example.com/", "", "user name or password"},
	}
	for _, tt := range tests {
		u, err := parseAddress(tt.in)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("parseAddress(%q): error %v, want one saying %q", tt.in, err, tt.err)
		case tt.err == "" && (err != nil || u.String() != tt.want):
			t.Errorf("parseAddress(%q) = %v, %v; want %s", tt.in, u, err, tt.want)
		}
	}
}

func TestAddressKey(t *testing.T) {
	same := [][]string{
		{"https://www.bbc.co.uk/news/world-65746524",
			"http://bbc.co.uk/news/world-65746524/",
			"https://WWW.BBC.CO.UK:443/news/world-65746524?at_medium=RSS&at_campaign=KARANGA",
			"https://www.bbc.co.uk/news/world-65746524?ns_mchannel=social&ns_source=twitter&ito=1#top",
			"https://www.bbc.co.uk/news/world-65746524?utm_source=a&UTM_Medium=b&fbclid=x&gclid=y"},
		{"https://example.com/story?id=7&page=2", "https://example.com/story?page=2&utm_source=x&id=7"},
		{"https://example.com/a%20b", "https://example.com/a b"},
		{"https://example.com/?p=12", "https://example.com?p=12"},
	}
	for _, group := range same {
		first := mustKey(t, group[0])
		for _, a := range group[1:] {
			if k := mustKey(t, a); k != first {
				t.Errorf("%s: key %q, want that of %s, %q", a, k, group[0], first)
			}
		}
	}
	apart := [][2]string{
		{"https://example.com/story?id=7", "https://example.com/story?id=8"},
		{"https://example.com/News", "https://example.com/news"},
		{"https://example.com:8080/a", "https://example.com/a"},
		{"https://news.example.com/a", "https://example.com/a"},
		{"https://example.com/a/b", "https://example.com/a-b"},
	}
	for _, p := range apart {
		if mustKey(t, p[0]) == mustKey(t, p[1]) {
			t.Errorf("%s and %s have one key, want two", p[0], p[1])
		}
	}
}

func mustKey(t *testing.T, raw string) string {
	t.Helper()
	k, ok := keyOfAddress(raw)
	if !ok {
		t.Fatalf("%s: no address", raw)
	}
	return k
}

func TestWithoutTracking(t *testing.T) {
	u, _ := parseAddress("https://example.com/a?utm_source=x&id=7&ns_mchannel=y&b=%20&ito=2")
	if got, want := withoutTracking(u).String(), "https://example.com/a?id=7&b=%20"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	u, _ = parseAddress("https://example.com/a?utm_source=x")
	if got, want := withoutTracking(u).String(), "https://example.com/a"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestFileNameOf(t *testing.T) {
	tests := []struct{ in, ext, want string }{
		{"https://www.bbc.co.uk/news/world-europe-65746524", ".html", "bbc.co.uk_news_world-europe-65746524.html"},
		{"https://www.reuters.com/world/europe/russia-says-it-repelled-attack-2023-05-22/", ".html", "reuters.com_world_europe_russia-says-it-repelled-attack-2023-05-22.html"},
		{"https://example.com/", ".html", "example.com.html"},
		{"https://example.com/News/Story.HTML?id=3", ".html", "example.com_news_story.html"},
		{"https://example.com/index.php", ".html", "example.com_index.html"},
		{"https://example.com/notes.txt", ".txt", "example.com_notes.txt"},
		{"https://example.com/a b/c%2Fd", ".html", "example.com_a-b_c_d.html"},
		{"https://example.com/новости/взрыв", ".html", "example.com.html"},
		{"https://example.com/../../etc/passwd", ".html", "example.com_.._.._etc_passwd.html"},
		{"https://example.com/.hidden", ".html", "example.com_.hidden.html"},
		{"http://con/", ".html", "con-.html"},
		{"http://nul.example.com/a", ".html", "nul-.example.com_a.html"},
		{"http://[::1]:8080/a", ".html", "1_a.html"},
		{"http://---/", ".html", "page.html"},
		{"https://example.com/" + strings.Repeat("long-", 40), ".html", "example.com_long-long-long-long-long-long-long-long-long-long-long-long-long-lon.html"},
	}
	for _, tt := range tests {
		u, err := parseAddress(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if got := fileNameOf(u, tt.ext); got != tt.want {
			t.Errorf("fileNameOf(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNameFor(t *testing.T) {
	taken := map[string]bool{"a": true}
	isTaken := func(s string) bool { return taken[s] }
	if got := nameFor("b.html", "k", isTaken); got != "b.html" {
		t.Errorf("a free name: %s", got)
	}
	first := nameFor("a.html", "k", isTaken)
	if !strings.HasPrefix(first, "a-") || len(first) != len("a-12345678.html") {
		t.Errorf("a taken name: %s, want a- and eight hex digits", first)
	}
	if again := nameFor("a.html", "k", isTaken); again != first {
		t.Errorf("the suffix is not stable: %s, then %s", first, again)
	}
	if other := nameFor("a.html", "other", isTaken); other == first {
		t.Errorf("two addresses, one suffix: %s", other)
	}
	taken[strings.TrimSuffix(first, ".html")] = true
	if next := nameFor("a.html", "k", isTaken); next != strings.TrimSuffix(first, ".html")+"-2.html" {
		t.Errorf("the suffixed name taken too: %s", next)
	}
}

// FuzzAddressFileName gives the address reader anything: what it takes
// has a file name that is a source's, safe on every system, within the
// bound, and a key that the address without its tracking has too.
func FuzzAddressFileName(f *testing.F) {
	for _, s := range []string{"https://www.bbc.co.uk/news/world-65746524?at_medium=RSS#x", "http://con/", "http://[::1]:80/a b",
		"https://example.com/новости", "https://e.com/%2e%2e/%00", "http://a/.....", "https://example.com/" + strings.Repeat("ab/", 50),
		"javascript:alert(1)", "http://x/?utm_source=1&a=%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		u, err := parseAddress(raw)
		if err != nil {
			return
		}
		for _, ext := range []string{".html", ".txt"} {
			name := fileNameOf(u, ext)
			stem := strings.TrimSuffix(name, ext)
			if stem == "" || len(stem) > maxNameStem+len("con-") || !strings.HasSuffix(name, ext) {
				t.Fatalf("%q: name %q", raw, name)
			}
			for i := 0; i < len(stem); i++ {
				c := stem[i]
				if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
					t.Fatalf("%q: name %q has %q", raw, name, c)
				}
			}
			if strings.HasPrefix(stem, ".") || strings.HasPrefix(stem, "-") || windowsDeviceStem.MatchString(stem) {
				t.Fatalf("%q: name %q is hidden, an option or a device", raw, name)
			}
			if !timeline.IsSourceName(name) || timeline.SidecarName(name) != stem+".yaml" || path.Base(name) != name {
				t.Fatalf("%q: name %q is no source of its own folder with its own sidecar", raw, name)
			}
			if again := fileNameOf(u, ext); again != name {
				t.Fatalf("%q: names %q then %q", raw, name, again)
			}
		}
		if k, k2 := addressKey(u), addressKey(withoutTracking(u)); k != k2 {
			t.Fatalf("%q: key %q, without tracking %q", raw, k, k2)
		}
	})
}
