package read

import (
	"strings"
	"testing"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		ok     bool
		fm     string
		bodyAt string // the body begins with this
	}{
		{"plain", "---\ntitle: A\n---\nBody", true, "title: A\n", "Body"},
		{"CRLF", "---\r\ntitle: A\r\n---\r\nBody", true, "title: A\r\n", "Body"},
		{"dots close", "---\ntitle: A\n...\nBody", true, "title: A\n", "Body"},
		{"empty block", "---\n---\nBody", true, "", "Body"},
		{"no closing line", "---\ntitle: A\nBody", false, "", ""},
		{"not at the start", "Intro\n---\ntitle: A\n---\n", false, "", ""},
		{"closing at end of file", "---\ntitle: A\n---", true, "title: A\n", ""},
		{"trailing spaces", "--- \ntitle: A\n---  \nBody", true, "title: A\n", "Body"},
		{"a rule, not front matter", "----\ntitle\n----\n", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, start, ok := SplitFrontMatter(tt.text)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if fm != tt.fm {
				t.Errorf("front matter %q, want %q", fm, tt.fm)
			}
			if body := tt.text[start:]; !strings.HasPrefix(body, tt.bodyAt) || (tt.bodyAt == "" && body != "") {
				t.Errorf("body %q, want it to begin %q", body, tt.bodyAt)
			}
		})
	}
}

func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string
		want    Meta
		wantErr string
	}{
		{"all fields", "title: Raid\nurl: https://x.org/a\npublisher: X\nauthor: Ann\npublished: 2023-05-23\nid: a1\n",
			Meta{Title: "Raid", URL: "https://x.org/a", Publisher: "X", Author: "Ann", Published: "2023-05-23", ID: "a1"}, ""},
		{"timestamp stays as written", "published: 2023-05-23T22:33:50Z\n", Meta{Published: "2023-05-23T22:33:50Z"}, ""},
		{"date is published", "date: May 23, 2023\n", Meta{Published: "May 23, 2023"}, ""},
		{"published wins over date", "published: 2023-05-23\ndate: 2020-01-01\n", Meta{Published: "2023-05-23"}, ""},
		{"published wins, either order", "date: 2020-01-01\npublished: 2023-05-23\n", Meta{Published: "2023-05-23"}, ""},
		{"authors list", "author: [Ann, Bob]\n", Meta{Author: "Ann, Bob"}, ""},
		{"escape sequences dropped", "title: \"\\e[2J\\e[31mred\\x07\"\n", Meta{Title: "[2J[31mred"}, ""},
		{"C1 controls dropped", "publisher: \"News\\x85\\x9b wire\"\n", Meta{Publisher: "News wire"}, ""},
		{"tab and line break become spaces", "author: \"Ann\\tLee\\nBob\"\n", Meta{Author: "Ann Lee Bob"}, ""},
		{"bidi overrides and isolates dropped", "title: \"\\u202Egnp.exe\\u202C \\u2067news\\u2069\"\n", Meta{Title: "gnp.exe news"}, ""},
		{"marks and joiners kept", "title: \"a\\u200Fb\\u200Dc\"\n", Meta{Title: "a\u200fb\u200dc"}, ""},
		{"unknown keys ignored", "tags: [a]\nlayout: post\ntitle: T\n", Meta{Title: "T"}, ""},
		{"keys in any case", "Title: T\n", Meta{Title: "T"}, ""},
		{"null", "title:\n", Meta{}, ""},
		{"empty", "", Meta{}, ""},
		{"quoted", "title: \"A: B\"\n", Meta{Title: "A: B"}, ""},
		{"not YAML", "title: [unclosed\n", Meta{}, "not YAML"},
		{"not a mapping", "- a\n- b\n", Meta{}, "not a YAML mapping"},
		{"mapping value", "title:\n  a: b\n", Meta{}, "a mapping"},
		{"duplicate key", "title: a\ntitle: b\n", Meta{}, "twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFrontMatter(tt.yaml)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\npublished: 2023-05-23\n---\nBody",
		"---\nauthor: [a, b]\n---\n",
		"---\n&a x: *a\n---\n",
		"---\r\n\"\\u0000\": 1\r\n...\r\n",
		"---\n- a\n---\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fm, start, ok := SplitFrontMatter(text)
		if !ok {
			return
		}
		if start > len(text) || !strings.Contains(text[:start], fm) {
			t.Fatalf("body start %d and front matter %q do not fit the text", start, fm)
		}
		meta, err := ParseFrontMatter(fm)
		if err == nil && meta.Published != "" {
			_, _ = parseDateString(meta.Published) // must not panic
		}
	})
}
