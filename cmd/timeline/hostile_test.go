package main

// The hostile-folder tests give "timeline build" and "timeline check"
// source folders no one should have but a scrape or an archive may:
// ids and names that try to leave the output folder or take another
// source's page, huge files, deep trees, symbolic links, a FIFO, files
// that vanish. The build must stay inside its output folder, finish in
// bounded time, skip what it cannot use naming it and why, and leave the
// previous site as it was when it fails.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// hostileLimit is how long a hostile build may take before the test
// calls it hung: far above what the ones that pass take (a few seconds
// at most), so that it fails only on a loop, not on a slow machine.
const hostileLimit = 60 * time.Second

// result is what one run of the program gave.
type result struct {
	code           int
	stdout, stderr string
}

// runWithin runs the program with args and fails the test when it has
// not returned within limit; its context is then cancelled.
func runWithin(t *testing.T, limit time.Duration, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan result, 1)
	go func() {
		var stdout, stderr bytes.Buffer
		m := &Main{Stdout: &stdout, Stderr: &stderr, Now: func() time.Time { return buildDay }}
		code := exitCode(&stderr, m.Run(ctx, args))
		done <- result{code, stdout.String(), stderr.String()}
	}()
	select {
	case r := <-done:
		return r
	case <-time.After(limit):
		t.Fatalf("timeline %s did not finish in %v", strings.Join(args, " "), limit)
		return result{}
	}
}

// goodArticle is a source the build can use, dated by its front matter.
func goodArticle(extra string) string {
	return "---\npublished: 2023-05-24\n" + extra + "---\n" +
		"Officials said on Tuesday, May 23, 2023, that the bridge over the river was closed after the storm.\n\n" +
		"The mayor told reporters that repairs would take several weeks and cost ten million dollars.\n"
}

// otherWords is a sentence that makes the i-th source's text differ
// from the others': sources of one text are one source.
func otherWords(i int) string {
	return fmt.Sprintf("\nResidents counted %d boats on the river that day.\n", i)
}

// distinctTexts returns files with otherWords added to each text, in the
// order of their names.
func distinctTexts(files map[string]string) map[string]string {
	out := make(map[string]string, len(files))
	for i, name := range slices.Sorted(maps.Keys(files)) {
		out[name] = files[name] + otherWords(i)
	}
	return out
}

// writeTree writes name → content into dir, making folders.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// treeOf returns the files under dir, by path relative to it, with the
// SHA-256 of their content.
func treeOf(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	tree := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		tree[filepath.ToSlash(rel)] = sha256.Sum256(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// safePage is the name of a page the site may write for a source.
var safePage = regexp.MustCompile(`^sources/[A-Za-z0-9_][A-Za-z0-9._-]*\.html$`)

// windowsReserved is a name Windows keeps for a device, whatever the
// extension after it.
var windowsReserved = regexp.MustCompile(`(?i)^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)`)

// TestHostileIDsStayInside builds sources whose ids and file names try
// to leave the output folder: the build writes only inside it, one page a
// source, each a plain file name.
func TestHostileIDsStayInside(t *testing.T) {
	root := t.TempDir()
	src, out := filepath.Join(root, "src"), filepath.Join(root, "site", "public")
	ids := []string{`../../escape`, `/etc/passwd`, `a\0b`, `C:\\Windows\\evil`, `..`, `\\\\server\\share\\x`,
		`sources/../../../x`, `%2e%2e%2fx`, `a/b/c`, `-rf`, `.hidden`, `index`, `../up/index`, `timeline.json`}
	files := map[string]string{}
	for i, id := range ids {
		files[fmt.Sprintf("id%02d.txt", i)] = goodArticle(fmt.Sprintf("id: \"%s\"\n", id))
	}
	files[`x\..\..\name.txt`] = goodArticle("")
	files[`C:name.txt`] = goodArticle("")
	files = distinctTexts(files)
	writeTree(t, src, files)
	r := runWithin(t, hostileLimit, "build", "-src", src, "-out", out)
	if r.code != 0 {
		t.Fatalf("build exited %d:\n%s", r.code, r.stderr)
	}
	outside := treeOf(t, root)
	pages := 0
	for name := range outside {
		switch {
		case strings.HasPrefix(name, "src/"), strings.HasPrefix(name, "site/.timeline"):
		case strings.HasPrefix(name, "site/public/sources/"):
			pages++
			if page := strings.TrimPrefix(name, "site/public/"); !safePage.MatchString(page) {
				t.Errorf("page %q is no plain file name", page)
			}
		case strings.HasPrefix(name, "site/public/"):
		default:
			t.Errorf("the build wrote %s, outside its output folder", name)
		}
	}
	if sources := len(files); pages != sources {
		t.Errorf("%d source pages for %d sources", pages, sources)
	}
}

// TestHostileIDsStayUnique builds pairs of sources whose ids or file
// names differ but fold to one name: by case (one file on macOS and
// Windows), by Unicode normalization (one file on macOS), by dropping
// what is not ASCII, or a device name Windows reserves. Each pair must
// build into two pages that stay apart on every system.
func TestHostileIDsStayUnique(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		blocked string
	}{
		{"case", map[string]string{"Article.txt": goodArticle(""), "article.txt": goodArticle("")},
			""},
		{"front matter case", map[string]string{"a.txt": goodArticle("id: Report\n"), "b.txt": goodArticle("id: REPORT\n")},
			""},
		{"not ASCII", map[string]string{"Новости.txt": goodArticle(""), "Известия.txt": goodArticle("")},
			""},
		{"normalization", map[string]string{"a.txt": goodArticle("id: \"caf\u00e9\"\n"), "b.txt": goodArticle("id: \"cafe\u0301\"\n")},
			""},
		{"ligature", map[string]string{"a.txt": goodArticle("id: \"\ufb01le\"\n"), "b.txt": goodArticle("id: \"file\"\n")}, ""},
		{"nothing left", map[string]string{"a.txt": goodArticle("id: \".\"\n"), "b.txt": goodArticle("id: \"~\"\n"), "c.txt": goodArticle("id: \" \"\n")},
			""},
		{"reserved", map[string]string{"CON.txt": goodArticle(""), "b.txt": goodArticle("id: nul\n"), "c.txt": goodArticle("id: com1.report\n")},
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			src, out := filepath.Join(root, "src"), filepath.Join(root, "public")
			writeTree(t, src, distinctTexts(tt.files))
			r := runWithin(t, hostileLimit, "build", "-src", src, "-out", out)
			if r.code != 0 {
				blockedOr(t, tt.blocked, "build exited %d:\n%s", r.code, r.stderr)
				return
			}
			pages := map[string]string{}
			for name := range treeOf(t, filepath.Join(out, "sources")) {
				folded := strings.ToLower(name) // ids are ASCII: case is what folds
				if other, ok := pages[folded]; ok {
					blockedOr(t, tt.blocked, "pages %s and %s are one file on a case-insensitive or normalizing system", other, name)
				}
				pages[folded] = name
				if windowsReserved.MatchString(name) {
					blockedOr(t, tt.blocked, "page %s is a device name on Windows", name)
				}
			}
			if len(pages) != len(tt.files) {
				blockedOr(t, tt.blocked, "%d pages for %d sources", len(pages), len(tt.files))
			}
		})
	}
}

// blockedOr fails the test with the message, or skips it saying which
// fix it is blocked on when blocked is not "".
func blockedOr(t *testing.T, blocked, format string, args ...any) {
	t.Helper()
	if blocked != "" {
		t.Skipf("blocked on %s: %s", blocked, fmt.Sprintf(format, args...))
	}
	t.Errorf(format, args...)
}

// TestHostileFailedBuildKeepsSite builds a story, then makes the next
// build fail: the site of the first stays as it was, byte for byte.
func TestHostileFailedBuildKeepsSite(t *testing.T) {
	root := t.TempDir()
	src, out := filepath.Join(root, "src"), filepath.Join(root, "public")
	writeTree(t, src, map[string]string{"a.txt": goodArticle("")})
	if r := runWithin(t, hostileLimit, "build", "-src", src, "-out", out); r.code != 0 {
		t.Fatalf("first build exited %d:\n%s", r.code, r.stderr)
	}
	before := treeOf(t, out)
	writeTree(t, src, map[string]string{"a.txt": "\x00\x01binary", "c.txt": ""})
	r := runWithin(t, hostileLimit, "build", "-src", src, "-out", out)
	if r.code == 0 {
		t.Fatalf("second build with no readable source exited 0:\n%s", r.stderr)
	}
	if !strings.Contains(r.stderr, "a.txt: skipped") || !strings.Contains(r.stderr, "c.txt: skipped") {
		t.Errorf("the failed build does not name the files it skipped:\n%s", r.stderr)
	}
	after := treeOf(t, out)
	if len(after) != len(before) {
		t.Errorf("%d files after the failed build, %d before", len(after), len(before))
	}
	for name, sum := range before {
		if after[name] != sum {
			t.Errorf("%s changed in a failed build", name)
		}
	}
}

// TestHostileCheckNamesEverySource runs "timeline check" on a folder of
// sources that do not all make it into the chronology: each one left out
// is named.
func TestHostileCheckNamesEverySource(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "src")
	writeTree(t, src, map[string]string{
		"good.txt":      goodArticle(""),
		"binary.txt":    "\x00\x01\x02 binary",
		"latin1.txt":    "Officials said on May 23, 2023, that the Br\xfccke was closed.\n",
		"empty.md":      "",
		"furniture.txt": "Home\nNews\nSport\n",
		"undated.txt":   "Officials said that the bridge over the river was closed after the storm.\n",
	})
	f, err := os.Create(filepath.Join(src, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(200 << 20)
	f.Close()
	r := runWithin(t, hostileLimit, "check", "-src", src)
	for _, name := range []string{"binary.txt", "latin1.txt", "empty.md", "furniture.txt", "undated.txt", "huge.txt"} {
		if !strings.Contains(r.stdout, name) {
			t.Errorf("check does not name %s:\n%s", name, r.stdout)
		}
	}
	if r.code == 0 {
		t.Errorf("check exited 0 with files it could not use:\n%s", r.stdout)
	}
}

// TestHostileNamesInTerminal builds a folder whose file names and titles
// carry terminal escape sequences: the warnings and the check report
// must not hand them to the terminal raw.
func TestHostileNamesInTerminal(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "src")
	writeTree(t, src, map[string]string{
		"good.txt":                  goodArticle(""),
		"\x1b]0;owned\a\x1b[2J.txt": "\x00binary",
		"title.txt":                 goodArticle("title: \"\\e[2J\\e]8;;https://evil.example\\e\\\\\"\n"),
		"bell\a.txt":                "",
	})
	for _, args := range [][]string{{"build", "-src", src, "-out", filepath.Join(root, "public")}, {"check", "-src", src}} {
		r := runWithin(t, hostileLimit, args...)
		if strings.ContainsAny(r.stderr+r.stdout, "\x1b\a") {
			t.Errorf("timeline %s writes a raw escape sequence to the terminal:\n%q", args[0], r.stderr+r.stdout)
		}
	}
}

// TestHostileSameNameBuilds builds testdata/hostile, the story of XSS
// payloads, where xss.md stands beside xss.txt: both build, the later
// under an id with a suffix, and a warning names both files.
func TestHostileSameNameBuilds(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	r := runWithin(t, hostileLimit, "build", "-src", "../../testdata/hostile", "-out", out)
	if r.code != 0 {
		t.Fatalf("build exited %d:\n%s", r.code, r.stderr)
	}
	warned := regexp.MustCompile(`(?m)^warning: xss\.txt: the id "xss" is xss\.md's too: this source is built as "xss-[0-9a-f]{8}"$`)
	if !warned.MatchString(r.stderr) {
		t.Errorf("no warning naming xss.md and xss.txt:\n%s", r.stderr)
	}
	pages, err := filepath.Glob(filepath.Join(out, "sources", "xss*.html"))
	if err != nil || len(pages) != 2 {
		t.Errorf("source pages of xss.md and xss.txt: %v, %v", pages, err)
	}
}
