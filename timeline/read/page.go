package read

import (
	"fmt"
	"strings"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/htmldoc"
)

// readPage reads a saved web page into r: the article's text as
// htmldoc extracts it, a block to a paragraph, and what the page says
// of its title, address, publisher and author. It returns the page's
// metadata, whose date statedPublication weighs.
func readPage(r *Reading, data []byte) (htmldoc.Meta, error) {
	doc, err := htmldoc.Read(data)
	if err != nil {
		return htmldoc.Meta{}, err
	}
	text, blocks := joinBlocks(len(doc.Blocks), func(i int) (string, timeline.BlockKind) { return doc.Blocks[i].Text, doc.Blocks[i].Kind })
	r.Src.Text, r.Src.Blocks, r.Src.TextOffset = text, blocks, -1
	m := doc.Meta
	r.Meta = Meta{Title: m.Title, URL: m.URL, Publisher: m.Publisher, Author: m.Author}
	return m, nil
}

// applySidecar lays the fields of the input's sidecar over what the
// source says of itself: a field the sidecar gives wins. A sidecar that
// is not a YAML mapping is a warning, and the source is read without it.
func applySidecar(r *Reading, in timeline.Input) {
	if in.Sidecar == nil {
		return
	}
	name := timeline.SidecarName(in.Name)
	if len(in.Sidecar) > maxFrontMatter {
		r.Warn(fmt.Errorf("sidecar %s: over %d KB; the source is read without it", name, maxFrontMatter>>10))
		return
	}
	dec, err := Decode(in.Sidecar)
	if err != nil {
		r.Warn(fmt.Errorf("sidecar %s: %w; the source is read without it", name, err))
		return
	}
	side, err := ParseFrontMatter(dec.Text)
	if err != nil {
		r.Warn(fmt.Errorf("sidecar %s: %w; the source is read without it", name, err))
		return
	}
	for _, f := range []func(*Meta) *string{
		func(m *Meta) *string { return &m.Title }, func(m *Meta) *string { return &m.URL },
		func(m *Meta) *string { return &m.Publisher }, func(m *Meta) *string { return &m.Author },
		func(m *Meta) *string { return &m.Published }, func(m *Meta) *string { return &m.ID },
	} {
		if v := *f(&side); v != "" {
			*f(&r.Meta) = v
		}
	}
}

// pagePublication returns the publication date of a web page's date
// markup (a <meta> element, JSON-LD datePublished, a <time datetime>, or
// what go-htmldate reads in the URL): basis text, with the element
// named in the evidence.
func pagePublication(r *Reading, page htmldoc.Meta) (timeline.Published, bool) {
	if page.Published == "" {
		return timeline.Published{}, false
	}
	d, err := parseDateString(page.Published)
	if err != nil {
		r.Warn(fmt.Errorf("the page's date %q (%s): %w; the date is inferred instead",
			clip(page.Published, 64), page.PublishedBy, err))
		return timeline.Published{}, false
	}
	evidence := page.PublishedBy + ": " + page.Published
	if strings.HasPrefix(page.PublishedBy, "go-htmldate") {
		evidence = page.PublishedBy
	}
	return timeline.Published{Date: d, Basis: timeline.BasisText, Evidence: clip(evidence, maxEvidence), Time: clockIn(page.Published)}, true
}
