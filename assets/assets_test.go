package assets

import (
	"html/template"
	"io/fs"
	"testing"
)

func TestFSHoldsTheSiteFiles(t *testing.T) {
	for _, name := range []string{"style.css", "timeline.js", "favicon.svg",
		"templates/layout.html", "templates/index.html", "templates/source.html", "templates/404.html"} {
		data, err := fs.ReadFile(FS, name)
		if err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
		if len(data) == 0 {
			t.Errorf("%s is empty", name)
		}
	}
}

func TestTemplatesParse(t *testing.T) {
	tmpl, err := template.ParseFS(FS, "templates/*.html")
	if err != nil {
		t.Fatalf("parse templates: %v", err)
	}
	for _, name := range []string{"index.html", "source.html", "404.html", "head", "page-end", "tip"} {
		if tmpl.Lookup(name) == nil {
			t.Errorf("template %q is not defined", name)
		}
	}
}
