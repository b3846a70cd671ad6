package timeline

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"path"
	"slices"
	"strings"
)

// A story's folder may hold one article twice ("002 (1).txt", a copy a
// browser or a file manager made) and sources that would share an id
// ("report.txt" and "report.html", "bbc/index.html" and
// "nyt/index.html", ids "a b" and "a-b"). Neither stops a build:
//
//   - a source whose text is another's, white space aside, is one
//     source: the copy is left out, with a problem naming the source
//     kept (CopyError);
//   - a default id (the file's name) that another source has too takes
//     the source's subfolder ("bbc-index", "nyt-index");
//   - ids that still differ only in case all take a hash of their
//     file's name (separateFoldedIDs);
//   - an id still shared after that stays with the first source in file
//     order, and each later one takes a stable suffix, a hash of its
//     file's name, with a warning naming both files.
//
// A front matter's or a sidecar's id is never changed but by the last
// rule: it is how a user gives either source the id it should have.

// CopyError is the problem of a source left out as a copy of another:
// the same text, white space aside.
type CopyError struct {
	// Original is the file of the source built in its place.
	Original string
}

func (e *CopyError) Error() string {
	return fmt.Sprintf("the same text as %s (white space aside): left out as a copy of it", e.Original)
}

// textKey returns the SHA-256 of the source's own text (after a title
// put at its top) with every run of white space made one space, and
// none at either end.
func textKey(r *reading) [sha256.Size]byte {
	var key [sha256.Size]byte
	h := sha256.New()
	first := true
	for word := range strings.FieldsSeq(r.src.Text[r.ownText:]) {
		if !first {
			h.Write([]byte{' '})
		}
		h.Write([]byte(word))
		first = false
	}
	h.Sum(key[:0])
	return key
}

// dropCopies returns the readings but those whose text is another's,
// in the order given, and a problem for each one left out. Of the
// sources of one text, the one kept is the one whose file name is its
// own id (a copy's name gets spaces and brackets: "002 (1).txt",
// "Copy of report.txt"), else the one of the shortest name, else the
// first in file order.
func dropCopies(readings []buildSource) ([]buildSource, []Problem) {
	byText := map[[sha256.Size]byte][]*reading{}
	for _, s := range readings {
		k := textKeyOf(s)
		byText[k] = append(byText[k], s.Reading)
	}
	original := map[*reading]*reading{}
	for _, same := range byText {
		if len(same) < 2 {
			continue
		}
		kept := slices.MinFunc(same, func(a, b *reading) int {
			return cmp.Or(cmp.Compare(b2i(ownID(b.src.File)), b2i(ownID(a.src.File))),
				cmp.Compare(len(a.src.File), len(b.src.File)), cmp.Compare(a.src.File, b.src.File))
		})
		for _, rd := range same {
			if rd != kept {
				original[rd] = kept
			}
		}
	}
	if len(original) == 0 {
		return readings, nil
	}
	var out []buildSource
	var problems []Problem
	for _, s := range readings {
		if o, ok := original[s.Reading]; ok {
			problems = append(problems, Problem{File: s.Reading.src.File, Err: &CopyError{Original: o.src.File}, Skipped: true})
		} else {
			out = append(out, s)
		}
	}
	return out, problems
}

// textKeyOf returns the text key of a source's reading, from its memo
// when it has one.
func textKeyOf(s buildSource) [sha256.Size]byte {
	if s.Memo == nil {
		return textKey(s.Reading)
	}
	return s.Memo.TextKey(func() [sha256.Size]byte { return textKey(s.Reading) })
}

// ownID reports whether a file's name without its extension is an id
// as it stands: nothing in it to make safe.
func ownID(file string) bool {
	stem := strings.TrimSuffix(path.Base(file), path.Ext(file))
	return safeID(stem) == stem
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// separateIDs gives every source an id of its own: see the top of this
// file. A source whose id changes by the last rule is warned.
func separateIDs(rs []*reading) {
	idsInSubfolders(rs)
	separateFoldedIDs(rs)
	byFile := slices.Clone(rs)
	slices.SortFunc(byFile, func(a, b *reading) int { return cmp.Compare(a.src.File, b.src.File) })
	taken := make(map[string]*reading, len(rs))
	for _, r := range byFile {
		id := r.src.ID
		holder, ok := taken[strings.ToLower(id)]
		if !ok {
			taken[strings.ToLower(id)] = r
			continue
		}
		next := id + "-" + shortHash(r.src.File)
		for n := 1; taken[strings.ToLower(next)] != nil; n++ {
			next = id + "-" + shortHash(fmt.Sprintf("%s\x00%d", r.src.File, n))
		}
		r.src.ID = next
		taken[strings.ToLower(next)] = r
		if holder.src.ID == id {
			r.warn(fmt.Errorf("the id %q is %s's too: this source is built as %q", id, holder.src.File, next))
		} else {
			r.warn(fmt.Errorf("the id %q differs from %s's (%q) only in case: this source is built as %q", id, holder.src.File, holder.src.ID, next))
		}
	}
}

// idsInSubfolders gives a source whose id is its file's name, and whose
// id another source has too, its subfolder's path before its name:
// "bbc/index.html" and "nyt/index.html" are "bbc-index" and "nyt-index".
func idsInSubfolders(rs []*reading) {
	count := make(map[string]int, len(rs))
	for _, r := range rs {
		count[r.src.ID]++
	}
	for _, r := range rs {
		if r.meta.ID != "" || count[r.src.ID] < 2 || path.Dir(r.src.File) == "." {
			continue
		}
		r.src.ID = safeID(strings.TrimSuffix(r.src.File, path.Ext(r.src.File)))
	}
}

// separateFoldedIDs gives the sources whose ids differ only in case
// ("Report", "REPORT": one page on a case-insensitive system) ids that
// stay apart: each gets a short hash of its file's name. Ids that are
// the same are left to separateIDs.
func separateFoldedIDs(rs []*reading) {
	byFold := map[string][]*reading{}
	for _, r := range rs {
		k := strings.ToLower(r.src.ID)
		byFold[k] = append(byFold[k], r)
	}
	for _, group := range byFold {
		ids := map[string]bool{}
		for _, r := range group {
			ids[r.src.ID] = true
		}
		if len(group) < 2 || len(ids) < len(group) {
			continue
		}
		for _, r := range group {
			r.src.ID += "-" + shortHash(r.src.File)
		}
	}
}
