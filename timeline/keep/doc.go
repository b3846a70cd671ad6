// Package keep is the rebuild machinery: what serve keeps in memory and
// the build cache keeps on disk between builds, wrapped around the
// stages rather than run through them. A Reading is a read source with
// what the builds that use it remember (the key of its text, the keys
// of its blocks, its relative days under each publication date tried,
// the mentions found under the last), given to build.Assemble as the
// source's Memo; a build with kept readings makes the timeline a build
// from scratch makes (tested against the plain path here). The codec
// writes a Reading, its memos included, to bytes for the cache and
// reads it back (codec.go, mention_codec.go).
package keep
