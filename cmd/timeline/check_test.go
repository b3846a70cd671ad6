package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCheckSeeds checks the report on the shipped story: every source
// used, with its publication date and basis, and a summary.
func TestCheckSeeds(t *testing.T) {
	code, stdout, stderr := run(t, "check", "-src", "../../testdata/seeds")
	if code != 0 {
		t.Fatalf("check exited %d:\n%s\n%s", code, stdout, stderr)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^004_1cdc5eb8c7f642e6\.txt\n  published   2023-05-23 \(text: .*Published on`),
		regexp.MustCompile(`(?m)^002_be923fc5e0fa518d\.txt\n  published   2023-05-23 \(inferred: `),
		regexp.MustCompile(`(?m)^  understood  37 sentences, [1-9][0-9]* of them dated, cited by [1-9][0-9]* events$`),
		regexp.MustCompile(`(?m)^FILE +PUBLISHED +BASIS +SENTENCES +DATED +EVENTS +UNPLACED +STATUS$`),
		regexp.MustCompile(`(?m)^000_d9d560be9535d93f\.txt +2023-05-24 +inferred +[0-9]+ +[0-9]+ +[1-9][0-9]* +0 +ok$`),
		regexp.MustCompile(`(?m)^5 files: 5 used, 0 not used; publication dates: 1 stated, 4 inferred, 0 unknown; [1-9][0-9]* events$`),
	} {
		if !want.MatchString(stdout) {
			t.Errorf("report lacks %s:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "warning") || strings.Contains(stdout, "not used ") {
		t.Errorf("warnings on the seeds:\n%s", stdout)
	}
}

// TestCheckBadFiles checks the report on a folder of files the tool
// cannot use or only partly understands: each says why, and check exits
// with status 1.
func TestCheckBadFiles(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"empty.txt":   "",
		"binary.txt":  "\x00\x01\x02PNG",
		"latin1.txt":  "caf\xe9 au lait",
		"blank.txt":   "\n\n\n   \n\n",
		"no-text.md":  "---\nauthor: Only an author\n---\n",
		"undated.txt": "The mayor said on Monday that the bridge had reopened after repairs lasting weeks.\n",
		"badyaml.md":  "---\ntitle: [unclosed\n---\nThe council met in the town hall and voted for the plan.",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(src, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := run(t, "check", "-src", src)
	if code != 1 || !strings.Contains(stderr, "5 of 7 files could not be used") {
		t.Errorf("exit %d, stderr %q; want 1 and 5 of 7 files not used", code, stderr)
	}
	for _, want := range []string{
		"empty.txt\n  not used    the file is empty",
		"binary.txt\n  not used    a binary file",
		"latin1.txt\n  not used    not UTF-8 text",
		"blank.txt\n  not used    the file is empty",
		"no-text.md\n  not used    no article text found",
		"undated.txt\n  published   unknown (unknown: ",
		"  understood  1 sentence, 0 of them dated, cited by 0 events\n  not placed  \"Monday\"\n",
		"badyaml.md\n  published   unknown",
		"  warning     front matter is not YAML",
		"  warning     no date anywhere",
		"7 files: 2 used, 5 not used; publication dates: 0 stated, 0 inferred, 2 unknown; 0 events",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
	if !regexp.MustCompile(`(?m)^empty\.txt +- +- +- +- +- +- +not used: the file is empty$`).MatchString(stdout) {
		t.Errorf("the table has no row saying empty.txt was not used:\n%s", stdout)
	}
}

func TestCheckNoSource(t *testing.T) {
	code, _, stderr := run(t, "check", "-src", t.TempDir())
	if code != 1 || !strings.Contains(stderr, "no readable source") {
		t.Errorf("exit %d, stderr %q; want 1 and no readable source", code, stderr)
	}
}

// TestCheckSharedIDsAndCopies checks the report on a folder where ids
// repeat and a file is a copy of another: every file is in it, each
// with what became of it; the copy is named, with its original.
func TestCheckSharedIDsAndCopies(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, map[string]string{
		"report.txt":     goodArticle(""),
		"report.md":      goodArticle("id: report\n") + "\nThe council said it would meet again on Friday.\n",
		"x/report.txt":   goodArticle("") + "\nFerries ran late on Wednesday, the harbour master said.\n",
		"report (1).txt": goodArticle(""),
	})
	code, stdout, stderr := run(t, "check", "-src", src)
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^report\.md +2023-05-24 +front-matter .* ok$`),
		regexp.MustCompile(`(?m)^report\.txt +2023-05-24 +front-matter .* used, 1 warning$`),
		regexp.MustCompile(`(?m)^  warning     the id "report" is report\.md's too: this source is built as "report-[0-9a-f]{8}"$`),
		regexp.MustCompile(`(?m)^x/report\.txt +2023-05-24 +front-matter .* ok$`),
		regexp.MustCompile(`(?m)^report \(1\)\.txt +- .* not used: the same text as report\.txt `),
		regexp.MustCompile(`(?m)^4 files: 3 used, 1 not used; `),
	} {
		if !want.MatchString(stdout) {
			t.Errorf("report lacks %s:\n%s", want, stdout)
		}
	}
	if code != 1 || !strings.Contains(stderr, "1 of 4 files could not be used") {
		t.Errorf("exit %d, stderr %q; want 1 and the copy not used", code, stderr)
	}
}
