package site

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestPageTemplatesCopies executes templates on many goroutines at once,
// each on a copy taken from the pool, and checks every result against
// the same template executed alone; then that the templates as parsed
// were never executed, so that copies can still be made of them.
func TestPageTemplatesCopies(t *testing.T) {
	pages, err := parseTemplates()
	if err != nil {
		t.Fatal(err)
	}
	views := make([]citationView, 8)
	for i := range views {
		views[i] = citationView{
			Number: fmt.Sprint(i + 1), ID: fmt.Sprintf("e-c%d", i+1), TipID: fmt.Sprintf("e-q%d", i+1),
			Href: fmt.Sprintf("sources/s%d.html#s%d", i, i+1), SourceName: fmt.Sprintf("Source <%d>", i),
			Label: fmt.Sprintf("%d May 2023", i+1), SourceTitle: "A & B", Sentence: i + 1,
			Quote: fmt.Sprintf(`They said "%d" <b>`, i), Dated: "dated by “May 22”",
		}
	}
	want := make([]string, len(views))
	for i, v := range views {
		var buf bytes.Buffer
		if err := pages.execute(&buf, "citation", v); err != nil {
			t.Fatal(err)
		}
		want[i] = buf.String()
		if !strings.Contains(want[i], "&lt;b&gt;") {
			t.Fatalf("citation %d: quote not escaped: %s", i, want[i])
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4*len(views))
	for g := range 4 {
		wg.Go(func() {
			for round := range 50 {
				i := (g + round) % len(views)
				var buf bytes.Buffer
				if err := pages.execute(&buf, "citation", views[i]); err != nil {
					errs <- err
					return
				}
				if buf.String() != want[i] {
					errs <- fmt.Errorf("goroutine %d, round %d: citation %d is\n%s\nwant\n%s", g, round, i, buf.String(), want[i])
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if _, err := pages.parsed.Clone(); err != nil {
		t.Errorf("the templates as parsed were executed: %v", err)
	}
	if err := pages.execute(&bytes.Buffer{}, "no-such-template", nil); err == nil {
		t.Error("executing an undefined template: no error")
	}
}
