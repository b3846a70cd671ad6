package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/timeline-project/timeline/timeline"
)

// entryHTMLOf returns the <article> of the entry with the given ID in index.html.
func entryHTMLOf(t *testing.T, index, id string) string {
	t.Helper()
	at := strings.Index(index, ` id="`+id+`" data-sources=`)
	if at < 0 {
		t.Fatalf("index.html has no entry %s", id)
	}
	start := strings.LastIndex(index[:at], "<article")
	end := strings.Index(index[at:], "</article>")
	return index[start : at+end]
}

func TestEntriesShowWhoSaysWhatAndHowDated(t *testing.T) {
	index := string(render(t, fixture(t))["index.html"])
	key := filterKeys(t, index)
	for _, tc := range []struct {
		entry string
		want  []string
	}{
		{"2023-05-month-fighting", []string{
			`class="entry is-background"`,
			`<time class="entry-date" datetime="2023-05">May 2023</time>`,
			`Claimed by <bdi>the ministry</bdi>.`,
			`no date of its own: dated by sentence 2 before it`,
			`<span class="undated">date from context</span>`,
		}},
		{"2023-05-22-raid", []string{
			`<span class="part-of-day">early morning</span>`,
			`Also dated <time datetime="2023-05-23">23 May 2023</time> by <a href="sources/b-blog.html"><bdi>notes/b-blog.md</bdi></a> (“<bdi>Tuesday morning</bdi>”)`,
			`dated by “on Monday”, counted from the publication date`,
			`data-speakers="` + key["Officials"] + `"`,
		}},
		{"2023-05-23-army-claim", []string{
			`data-sources="` + key["Example News, 23 May 2023"] + " " + key["notes/b-blog.md"] + `" data-speakers="` +
				key["Russian Defence Ministry"] + `" data-disputed="true"`,
			`<button type="button" class="badge badge-disputed" aria-describedby="2023-05-23-army-claim-disputed">Disputed</button>`,
			`<button type="button" class="badge badge-dating" aria-describedby="2023-05-23-army-claim-dating">Inferred date</button>` +
				`<span class="tip" role="tooltip" id="2023-05-23-army-claim-dating">“Tuesday morning” in notes/b-blog.md`,
			`<span class="label">Claimed by</span> <bdi>Russian Defence Ministry</bdi>, <bdi>Governor &lt;Gladkov&gt;</bdi>`,
			`<h4><bdi>Russian Defence Ministry</bdi> <span class="account-stance">claim</span></h4>`,
			`<h4><bdi>The sources</bdi> <span class="account-stance">report</span></h4>`,
			`<h4><bdi>The sources</bdi> <span class="account-stance">report</span></h4>
<p>Armed men crossed the border.</p>
<ol class="citations" aria-label="Sources of this account">
<li class="outlet"><span class="outlet-name"><bdi>Example News</bdi></span> <ol class="outlet-cites">
<li id="2023-05-23-army-claim-c2">`,
			`Claimed by <bdi>Russian Defence Ministry</bdi>. Its date: dated by “Tuesday morning”, read against a publication date that was itself inferred.`,
		}},
	} {
		html := entryHTMLOf(t, index, tc.entry)
		for _, want := range tc.want {
			if !strings.Contains(html, want) {
				t.Errorf("entry %s lacks %q", tc.entry, want)
			}
		}
	}
	if strings.Index(index, `id="background"`) < strings.Index(index, `id="date-2023-05-23"`) {
		t.Errorf("the background section does not come after the days")
	}
	if !strings.Contains(index, `<details class="day background" id="background">`) {
		t.Errorf("the background section is not folded")
	}
	claim := entryHTMLOf(t, index, "2023-05-23-army-claim")
	if n := strings.Count(claim, "<li id="); n != 2 {
		t.Errorf("the disputed entry lists %d citations, want its 2, each once, in its accounts", n)
	}
	if strings.Contains(claim, `aria-label="Sources">`) {
		t.Errorf("the disputed entry lists its citations again under its accounts")
	}
	if strings.Contains(entryHTMLOf(t, index, "2023-05-22-raid"), "badge-dating") {
		t.Errorf("an entry dated relative to a printed publication date has an inferred-date badge")
	}
}

var describedBy = regexp.MustCompile(`aria-describedby="([^"]+)"`)

func TestHoverTextsExist(t *testing.T) {
	index := render(t, fixture(t))["index.html"]
	ms := describedBy.FindAllSubmatch(index, -1)
	if len(ms) != 7 { // 5 citations, 2 badges
		t.Errorf("%d elements have a hover text, want 7", len(ms))
	}
	for _, m := range ms {
		if !bytes.Contains(index, []byte(`role="tooltip" id="`+string(m[1])+`"`)) {
			t.Errorf("aria-describedby %q names no tooltip", m[1])
		}
	}
}

func TestFilterChoices(t *testing.T) {
	tl := fixture(t)
	tl.Events[0].ClaimedBy = []string{"  Officials ", ""}
	index := string(render(t, tl)["index.html"])
	key := filterKeys(t, index)
	for _, want := range []string{
		`<option value="` + key["Example News, 23 May 2023"] + `">Example News, 23 May 2023 (3)</option>
<option value="` + key["notes/b-blog.md"] + `">notes/b-blog.md (1)</option>`,
		`<option value="` + key["Officials"] + `">Officials (1)</option>
<option value="` + key["Russian Defence Ministry"] + `">Russian Defence Ministry (1)</option>
<option value="` + key["the ministry"] + `">the ministry (1)</option>`,
		`<label for="filter-disputed">Only disputed entries (1)</label>`,
		`<form class="filters" id="filters" role="search" aria-label="Filter the entries" hidden>`,
	} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	if _, ok := key["Governor <Gladkov>"]; ok {
		t.Errorf("a name an entry gives in passing (ClaimedBy) is offered as a speaker")
	}
	for i := range tl.Events {
		tl.Events[i].Disputed = false
		tl.Events[i].ClaimedBy, tl.Events[i].Accounts = nil, nil
		for j := range tl.Events[i].Citations {
			tl.Events[i].Citations[j].Speaker = ""
		}
	}
	plain := string(render(t, tl)["index.html"])
	if strings.Contains(plain, "filter-speaker") || strings.Contains(plain, "filter-disputed") {
		t.Errorf("index.html offers speaker or dispute filters for a story without speakers or disputes")
	}
}

func TestTimelineJSONExtensions(t *testing.T) {
	data := render(t, fixture(t))["timeline.json"]
	var doc jsonTimeline
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	month, raid, claim := doc.Events[0], doc.Events[1], doc.Events[2]
	if !month.Background || month.Stance != "report" || month.Dating == nil || month.Dating.Basis != "explicit" || month.Dating.Note != "" {
		t.Errorf("month event: background %v, stance %q, dating %+v", month.Background, month.Stance, month.Dating)
	}
	if c := month.Citations[0]; c.DateBasis != "context" || c.DatedBy != 2 || c.Speaker != "the ministry" || c.Stance != "claim" {
		t.Errorf("month citation = %+v", c)
	}
	if len(raid.OtherDates) != 1 || raid.OtherDates[0] != (jsonOtherDate{Source: "b-blog", Date: "2023-05-23", DateText: "Tuesday morning"}) {
		t.Errorf("raid other dates = %+v", raid.OtherDates)
	}
	if len(claim.Accounts) != 2 || claim.Accounts[1].Speaker != "" || claim.Accounts[1].Stance != "report" || claim.Accounts[1].Citations[0] != 1 {
		t.Errorf("claim accounts = %+v", claim.Accounts)
	}
	for key, want := range map[string]int{
		`"background"`: 1, `"accounts"`: 1, `"other_dates"`: 1, `"dated_by"`: 2, `"speaker"`: 4, `"dating"`: 3,
	} {
		if n := bytes.Count(data, []byte(key)); n != want {
			t.Errorf("%s written %d times, want %d (only where set)", key, n, want)
		}
	}
	empty := fixture(t)
	for i := range empty.Events {
		empty.Events[i] = timeline.Event{ID: empty.Events[i].ID, Date: empty.Events[i].Date, Precision: empty.Events[i].Precision}
	}
	bare := render(t, empty)["timeline.json"]
	for _, key := range []string{"stance", "background", "dating", "other_dates", "accounts", "date_basis", "speaker"} {
		if bytes.Contains(bare, []byte(`"`+key+`"`)) {
			t.Errorf("timeline.json writes %q for events that do not set it", key)
		}
	}
}

func TestCitationDating(t *testing.T) {
	for _, tc := range []struct {
		c             timeline.Citation
		dated, marker string
	}{
		{timeline.Citation{DateText: "May 22", DateBasis: timeline.DatedExplicit}, "dated by “May 22”", ""},
		{timeline.Citation{DateText: "on Monday", DateBasis: timeline.DatedRelative}, "dated by “on Monday”, counted from the publication date", ""},
		{timeline.Citation{DateText: "on Monday", DateBasis: timeline.DatedInferred}, "dated by “on Monday”, read against a publication date that was itself inferred", ""},
		{timeline.Citation{DateBasis: timeline.DatedContext, DatedBy: 4}, "no date of its own: dated by sentence 4 before it", "date from context"},
		{timeline.Citation{DateBasis: timeline.DatedContext}, "no date of its own: dated by its context", "date from context"},
		{timeline.Citation{}, "no date of its own: dated by its context", "date from context"},
		{timeline.Citation{DateText: "Monday"}, "dated by “Monday”", ""},
		{timeline.Citation{DateBasis: timeline.DatedMatched}, "no date of its own: placed by the facts it shares with sentences that other sources date", "matched date"},
		{timeline.Citation{DateBasis: timeline.DatedReported}, "no date of its own: the source's headline or lead, which reports its news by the day it was published", ""},
	} {
		if got := citationDating(tc.c); got != tc.dated {
			t.Errorf("citationDating(%+v) = %q, want %q", tc.c, got, tc.dated)
		}
		if got := undatedLabel(tc.c); got != tc.marker {
			t.Errorf("undatedLabel(%+v) = %q, want %q", tc.c, got, tc.marker)
		}
	}
}

func TestDateTip(t *testing.T) {
	for _, tc := range []struct {
		dating      timeline.Dating
		label, text string
	}{
		{timeline.Dating{Basis: timeline.DatedExplicit, Note: "printed"}, "", ""},
		{timeline.Dating{Basis: timeline.DatedRelative}, "", ""},
		{timeline.Dating{Basis: timeline.DatedInferred, Note: " “Monday” in 002 "}, "Inferred date", "“Monday” in 002"},
		{timeline.Dating{Basis: timeline.DatedContext}, "Date from context", "The cited sentences give no date of their own; the date is that of a neighbouring sentence."},
		{timeline.Dating{Basis: timeline.DatedMatched, Note: "same figure"}, "Matched date", "same figure"},
	} {
		tip, ok := dateTip(&timeline.Event{ID: "e", Dating: tc.dating})
		if ok != (tc.label != "") || tip.Label != tc.label || tip.Text != tc.text {
			t.Errorf("dateTip(%+v) = %+v, %v; want %q, %q", tc.dating, tip, ok, tc.label, tc.text)
		}
	}
}

var optionRE = regexp.MustCompile(`<option value="([^"]+)">(.*?) \(\d+\)</option>`)

// filterKeys returns the key of each choice of index.html's filters, by
// its label; it fails on a label or a key given twice.
func filterKeys(t *testing.T, index string) map[string]string {
	t.Helper()
	keys, seen := map[string]string{}, map[string]bool{}
	for _, m := range optionRE.FindAllStringSubmatch(index, -1) {
		label := html.UnescapeString(m[2])
		if _, dup := keys[label]; dup || seen[m[1]] {
			t.Fatalf("filter choice %q or key %q is given twice", label, m[1])
		}
		keys[label], seen[m[1]] = m[1], true
	}
	return keys
}

var filterAttrRE = regexp.MustCompile(`<article[^>]* id="([^"]+)" data-sources="([^"]*)" data-speakers="([^"]*)"`)

// TestFilterKeysSurviveAnAddedSource adds a source that sorts before the
// others, with a speaker who sorts before the others, to one entry: the
// other sources and speakers keep their keys, and the other entries
// their filter attributes, so that an address that filters keeps its
// meaning and the entries their bytes.
func TestFilterKeysSurviveAnAddedSource(t *testing.T) {
	tl := fixture(t)
	before := string(render(t, tl)["index.html"])
	added := *blogSource(t)
	added.ID, added.File = "0-first", "0-first.md"
	tl.Sources = append(tl.Sources, &added)
	raid := &tl.Events[1]
	raid.Citations = append(raid.Citations, timeline.Citation{Source: added.ID, Sentence: 1,
		Quote: "On Tuesday morning the army said it had pushed the group back.", Speaker: "Aardvark", Stance: timeline.StanceClaim})
	after := string(render(t, tl)["index.html"])

	keysBefore, keysAfter := filterKeys(t, before), filterKeys(t, after)
	if len(keysAfter) != len(keysBefore)+2 || keysAfter["0-first.md"] == "" || keysAfter["Aardvark"] == "" {
		t.Fatalf("filter choices after the addition: %v; before: %v", keysAfter, keysBefore)
	}
	for label, k := range keysBefore {
		if keysAfter[label] != k {
			t.Errorf("the key of %q changed from %q to %q", label, k, keysAfter[label])
		}
	}
	attrs := func(index string) map[string][2]string {
		out := map[string][2]string{}
		for _, m := range filterAttrRE.FindAllStringSubmatch(index, -1) {
			out[m[1]] = [2]string{m[2], m[3]}
		}
		return out
	}
	attrsBefore, attrsAfter := attrs(before), attrs(after)
	if len(attrsBefore) != len(tl.Events) || len(attrsAfter) != len(tl.Events) {
		t.Fatalf("found the filter attributes of %d and %d entries, want %d", len(attrsBefore), len(attrsAfter), len(tl.Events))
	}
	for id, a := range attrsBefore {
		if id == raid.ID {
			want := [2]string{keysAfter["0-first.md"] + " " + a[0], keysAfter["Aardvark"] + " " + a[1]}
			if attrsAfter[id] != want {
				t.Errorf("entry %s: filter attributes %q, want %q", id, attrsAfter[id], want)
			}
		} else if attrsAfter[id] != a {
			t.Errorf("entry %s: filter attributes changed from %q to %q", id, a, attrsAfter[id])
		}
	}
}

func TestUniqueKeys(t *testing.T) {
	for _, tc := range []struct {
		hashes []string
		width  int
		want   []string
	}{
		{[]string{"ab12", "cd34", "ef56"}, 2, []string{"ab", "cd", "ef"}},
		// Two share their first digits: both get their whole hash.
		{[]string{"ab12", "ab34", "ef56"}, 2, []string{"ab12", "ab34", "ef"}},
		// Two share their whole hash: their positions tell them apart.
		{[]string{"ab12", "ab12", "ab34", "ef56"}, 2, []string{"ab12-0", "ab12-1", "ab34", "ef"}},
		// A width longer than the hashes is the whole hash.
		{[]string{"ab", "cd"}, 8, []string{"ab", "cd"}},
		{nil, 2, []string{}},
	} {
		if got := uniqueKeys(tc.hashes, tc.width); !slices.Equal(got, tc.want) {
			t.Errorf("uniqueKeys(%q, %d) = %q, want %q", tc.hashes, tc.width, got, tc.want)
		}
	}
}

func TestStableKeys(t *testing.T) {
	names := []string{"a-news", "b-blog", "Governor <Gladkov>", "", "Иван Петров"}
	keys := stableKeys(names, filterKeyWidth)
	seen := map[string]bool{}
	for i, k := range keys {
		if !regexp.MustCompile(`^[0-9a-f]{8}$`).MatchString(k) || seen[k] {
			t.Errorf("the key of %q is %q: not 8 new hexadecimal digits", names[i], k)
		}
		seen[k] = true
		if alone := stableKeys(names[i:i+1], filterKeyWidth); alone[0] != k {
			t.Errorf("the key of %q alone is %q, among others %q", names[i], alone[0], k)
		}
	}
	// With one digit, 40 names must share some: every key is still distinct.
	many := make([]string, 40)
	for i := range many {
		many[i] = fmt.Sprintf("source %d", i)
	}
	seen = map[string]bool{}
	for _, k := range stableKeys(many, 1) {
		if seen[k] {
			t.Errorf("key %q is given twice", k)
		}
		seen[k] = true
	}
}

func TestShorten(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"Example News", 12, "Example News"},
		{"Example News", 11, "Example Ne…"},
		{"Example News", 8, "Example…"}, // the space before the cut is trimmed
		{"Новости дня", 11, "Новости дня"},
		{"Новости дня", 10, "Новости д…"},
		{"", 3, ""},
	} {
		if got := shorten(tc.in, tc.n); got != tc.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
