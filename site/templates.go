package site

import (
	"fmt"
	"html/template"
	"io"
	"sync"

	"github.com/timeline-project/timeline/assets"
)

// parseTemplates parses the page templates of package assets.
func parseTemplates() (*pageTemplates, error) {
	parsed, err := template.ParseFS(assets.FS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse site templates: %w", err)
	}
	return &pageTemplates{parsed: parsed}, nil
}

// pageTemplates are the page templates, executed on a copy of their own
// by each goroutine that renders. html/template takes a lock of the set
// of templates at every execution, every {{template}} and every call of
// a function, its escapers among them; pages rendered on every core at
// once fought over that one lock.
type pageTemplates struct {
	// parsed are the templates as parsed, never executed: html/template
	// copies only such.
	parsed *template.Template
	// copies holds copies of parsed not in use. A copy is escaped for
	// each template the first time it executes it, as parsed would be.
	copies sync.Pool
}

// execute applies the template called name to data, writing to w.
func (t *pageTemplates) execute(w io.Writer, name string, data any) error {
	c, _ := t.copies.Get().(*template.Template)
	if c == nil {
		var err error
		if c, err = t.parsed.Clone(); err != nil {
			return fmt.Errorf("copy the page templates: %w", err)
		}
	}
	err := c.ExecuteTemplate(w, name, data)
	t.copies.Put(c)
	return err
}
