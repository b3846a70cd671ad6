// Package assets holds the files the site is made from: the HTML
// templates of its pages, its style sheet, its script and its icon,
// embedded in the binary so a build needs nothing but the tool.
//
// The templates are html/template sources; package site parses them:
//
//   - templates/layout.html defines "head" (the document up to the
//     opening of its body) and "page-end", shared by every page;
//   - templates/index.html is the chronology (index.html);
//   - templates/source.html is one source (sources/<id>.html);
//   - templates/404.html is the page GitHub Pages shows for a missing one.
//
// style.css (the style sheet, screen and print), timeline.js (the
// filters; the pages work without it) and favicon.svg are copied to the
// site as they are.
package assets

import "embed"

// FS holds templates/*.html and the files copied to the site as they
// are: style.css, timeline.js and favicon.svg.
//
//go:embed templates/*.html style.css timeline.js favicon.svg
var FS embed.FS
