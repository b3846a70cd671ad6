// Package read is the first stage of a build: it reads one input (a
// file's name and bytes) into a source on its own, knowing nothing of
// the other sources. It decodes the text, parses the front matter and a
// sidecar, reads a web page's article (package htmldoc) and Markdown's
// blocks (package mdoc), segments plain text into blocks, tells page
// furniture from article text (clean*.go), splits sentences, finds the
// temporal expressions (package timex), and reads the publication date
// the source states of itself: its front matter, its page's date
// markup, or a publication line (parseDateString is the one call into
// dateparse).
//
// Its result, a Reading, is plain data that no later stage changes: a
// build works on a copy of it (Reading.ForBuild). One step needs the
// whole story and comes after dating: MarkRepeatedBlocks makes page
// furniture of the lines many sources print on many days.
package read
