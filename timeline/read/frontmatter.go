package read

import (
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Meta is what a source's front matter says about it. Every field is
// optional; "" means not given.
type Meta struct {
	Title     string
	URL       string
	Publisher string
	Author    string
	// Published is the publication date or date and time, as written.
	Published string
	ID        string
	// Description is read from site.md's front matter.
	Description string
}

// maxFrontMatter bounds the front matter block: a few fields take a few
// hundred bytes; a "---" line further down is a rule in the text.
const maxFrontMatter = 64 << 10

// SplitFrontMatter finds a front matter block at the start of text: a
// line "---", YAML, and a closing line "---" or "...". It returns the
// YAML and the offset at which the rest of the text begins; ok is false
// when text does not begin with a front matter block.
func SplitFrontMatter(text string) (fm string, bodyStart int, ok bool) {
	first, rest, found := strings.Cut(text, "\n")
	if !found || strings.TrimRight(first, " \t\r") != "---" {
		return "", 0, false
	}
	pos := len(first) + 1
	for pos <= len(text) && pos-len(first) <= maxFrontMatter {
		line, _, more := strings.Cut(rest, "\n")
		if l := strings.TrimRight(line, " \t\r"); l == "---" || l == "..." {
			end := pos + len(line)
			if more {
				end++
			}
			return text[len(first)+1 : pos], end, true
		}
		if !more {
			break
		}
		pos += len(line) + 1
		rest = rest[len(line)+1:]
	}
	return "", 0, false
}

// frontMatterKeys maps the keys a front matter may use to the Meta
// field they fill. "date" is the Hugo and Jekyll name of "published".
var frontMatterKeys = map[string]func(*Meta) *string{
	"title":       func(m *Meta) *string { return &m.Title },
	"url":         func(m *Meta) *string { return &m.URL },
	"publisher":   func(m *Meta) *string { return &m.Publisher },
	"author":      func(m *Meta) *string { return &m.Author },
	"published":   func(m *Meta) *string { return &m.Published },
	"date":        func(m *Meta) *string { return &m.Published },
	"id":          func(m *Meta) *string { return &m.ID },
	"description": func(m *Meta) *string { return &m.Description },
}

// ParseFrontMatter reads a front matter block's YAML. Unknown keys are
// ignored; a list value (several authors) is joined with commas.
func ParseFrontMatter(fm string) (meta Meta, err error) {
	defer func() {
		if r := recover(); r != nil {
			meta, err = Meta{}, fmt.Errorf("front matter: YAML parser panicked: %v", r)
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(fm), &doc); err != nil {
		return Meta{}, fmt.Errorf("front matter is not YAML: %w", err)
	}
	if doc.Kind == 0 { // empty block
		return Meta{}, nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return Meta{}, errors.New("front matter is not a YAML mapping of keys to values")
	}
	m := doc.Content[0]
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key := strings.ToLower(strings.TrimSpace(m.Content[i].Value))
		if seen[key] {
			return Meta{}, fmt.Errorf("front matter gives %q twice", key)
		}
		seen[key] = true
		field, known := frontMatterKeys[key]
		if !known {
			continue
		}
		value, err := scalarText(m.Content[i+1])
		if err != nil {
			return Meta{}, fmt.Errorf("front matter %s: %w", key, err)
		}
		if p := field(&meta); key != "date" || *p == "" {
			*p = metaText(value) // "published" wins over "date", in either order
		}
	}
	return meta, nil
}

// scalarText returns the text of a YAML value: a scalar as written, a
// list of scalars joined with ", ".
func scalarText(n *yaml.Node) (string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "", nil
		}
		return strings.TrimSpace(n.Value), nil
	case yaml.AliasNode:
		if n.Alias != nil && n.Alias.Kind == yaml.ScalarNode {
			return strings.TrimSpace(n.Alias.Value), nil
		}
	case yaml.SequenceNode:
		var parts []string
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return "", errors.New("a list of lists or mappings, not text")
			}
			if v := strings.TrimSpace(c.Value); v != "" {
				parts = append(parts, v)
			}
		}
		return strings.Join(parts, ", "), nil
	}
	return "", errors.New("a mapping, not text")
}

// metaText returns a front matter value fit to show: tabs and line
// breaks become spaces, and the other C0 and C1 control characters (a
// terminal's escape sequences) and the bidirectional embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069), which would
// reorder the text around the value wherever it is shown, are dropped.
func metaText(s string) string {
	if strings.IndexFunc(s, unfitMetaRune) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case unfitMetaRune(r):
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// unfitMetaRune reports whether r is a control character or a
// bidirectional formatting character that metaText replaces or drops.
func unfitMetaRune(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}
