package build

import (
	"errors"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

func TestBuildReadsBOMCRLFAndMarkdown(t *testing.T) {
	inputs := []timeline.Input{
		{Name: "a.txt", Data: []byte("\xEF\xBB\xBF---\r\ntitle: Bridge\r\npublished: 2023-05-24\r\n---\r\nMenu\r\n\r\n" +
			"Officials said on Monday that the bridge had reopened after repairs.\r\n\r\nTraffic resumed.\r\n")},
		{Name: "b.md", Data: []byte("# Council\n\n<script>alert(1)</script>\n\nThe council said on *Tuesday* that it had voted <b>for</b> the plan.\n")},
	}
	var calls [][2]int
	tl, problems, err := Build(inputs, Options{Today: timex.NewDate(2023, 6, 1), Progress: func(done, total int) {
		calls = append(calls, [2]int{done, total})
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 2 || calls[1] != [2]int{2, 2} {
		t.Errorf("progress calls %v, want [[1 2] [2 2]]", calls)
	}
	a, b := tl.Source("a"), tl.Source("b")
	if a == nil || b == nil {
		t.Fatalf("sources %v", tl.Sources)
	}
	if a.Title != "Bridge" || a.Published.Date.String() != "2023-05-24" || a.Published.Basis != timeline.BasisFrontMatter {
		t.Errorf("source a: %q %v", a.Title, a.Published)
	}
	if a.TextOffset < 3 || !strings.HasPrefix(a.Text, "Menu\r\n") {
		t.Errorf("source a text at %d: %.20q", a.TextOffset, a.Text)
	}
	if strings.Contains(b.Text, "script") || strings.Contains(b.Text, "<b>") || b.Title != "Council" {
		t.Errorf("Markdown source read as %q, title %q: raw HTML kept", b.Text, b.Title)
	}
	var quotes []string
	for _, e := range tl.Events {
		for _, c := range e.Citations {
			quotes = append(quotes, e.DateString()+" "+c.Quote)
		}
	}
	want := []string{"2023-05-22 Officials said on Monday that the bridge had reopened after repairs."}
	if len(quotes) != 1 || quotes[0] != want[0] {
		t.Errorf("quotes %q, want %q (b has no date to anchor Tuesday)", quotes, want)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "b.md") {
		t.Errorf("problems %v, want one about b.md having no publication date", problems)
	}
}

func TestBuildNoSource(t *testing.T) {
	_, problems, err := Build([]timeline.Input{{Name: "a.txt", Data: nil}, {Name: timeline.SiteFile, Data: []byte("# Story")}}, Options{})
	if !errors.Is(err, ErrNoSource) || len(problems) != 1 || !problems[0].Skipped {
		t.Errorf("error %v, problems %v; want ErrNoSource and a.txt skipped", err, problems)
	}
}
