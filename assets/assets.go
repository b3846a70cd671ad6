// Package assets holds the files the site is made from: the HTML
// templates of its pages and its style sheet, embedded in the binary so
// a build needs nothing but the tool.
//
// The templates are html/template sources; package site parses them:
//
//   - templates/layout.html defines "head" (the document up to the
//     opening of its body) and "page-end", shared by every page;
//   - templates/index.html is the chronology (index.html);
//   - templates/source.html is one source (sources/<id>.html).
//
// style.css is copied to the site as it is.
package assets

import "embed"

// FS holds templates/*.html and style.css.
//
//go:embed templates/*.html style.css
var FS embed.FS
