package timeline

import (
	"path"
	"strings"
)

// Input is one file of the source folder, as the caller read it.
type Input struct {
	// Name is the file's path relative to the source folder, with
	// forward slashes ("2023/may/article.txt").
	Name string
	// Data is the file's content.
	Data []byte
	// Sidecar is the content of the source's sidecar file
	// (SidecarName), or nil when it has none. Its fields override what
	// the source says of itself.
	Sidecar []byte
}

// SidecarName returns the name of the sidecar file of a source: the
// source's name with its extension replaced by ".yaml" ("a/news.html":
// "a/news.yaml"). A sidecar holds the fields of a front matter, as YAML,
// for a source that cannot carry its own (a saved web page) or whose
// page gets them wrong.
func SidecarName(source string) string {
	return strings.TrimSuffix(source, path.Ext(source)) + ".yaml"
}

// SiteFile is the name of the optional file that describes the story
// rather than being one of its sources.
const SiteFile = "site.md"

// IsSourceName reports whether a file of the source folder with this
// name is read as a source: a .txt, .md or .html file, not hidden, not
// in a hidden folder, and not the folder's site.md. A sidecar (.yaml) is
// not a source.
func IsSourceName(name string) bool {
	if name == SiteFile {
		return false
	}
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") {
			return false
		}
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".md", ".markdown", ".html", ".htm":
		return true
	}
	return false
}
