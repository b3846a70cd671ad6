// Package build runs the stages in order, and is the only package that
// does: read each input (package read), leave out copies and give every
// source an ID of its own (distinct.go), date the sources (package
// dating), mark the lines the story repeats, find each source's mentions
// (packages claim and merge) and merge them into events. Build does it
// all from the inputs; Assemble does it from readings, taking from each
// source's Memo (nil for none) what it remembers from an earlier build.
// Checks says per source what a build understood.
package build
