package build

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/timeline-project/timeline/timeline/read"
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

// Error says which source the copy was left out for.
func (e *CopyError) Error() string {
	return fmt.Sprintf("the same text as %s (white space aside): left out as a copy of it", e.Original)
}

// textKey returns the SHA-256 of the source's own text (after a title
// put at its top) with every run of white space made one space, and
// none at either end.
func textKey(r *read.Reading) [sha256.Size]byte {
	var key [sha256.Size]byte
	h := sha256.New()
	first := true
	for word := range strings.FieldsSeq(r.Src.Text[r.OwnText:]) {
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
func dropCopies(readings []Source) ([]Source, []Problem) {
	byText := map[[sha256.Size]byte][]*read.Reading{}
	for _, s := range readings {
		k := textKeyOf(s)
		byText[k] = append(byText[k], s.Reading)
	}
	original := map[*read.Reading]*read.Reading{}
	for _, same := range byText {
		if len(same) < 2 {
			continue
		}
		kept := slices.MinFunc(same, func(a, b *read.Reading) int {
			return cmp.Or(cmp.Compare(b2i(ownID(b.Src.File)), b2i(ownID(a.Src.File))),
				cmp.Compare(len(a.Src.File), len(b.Src.File)), cmp.Compare(a.Src.File, b.Src.File))
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
	var out []Source
	var problems []Problem
	for _, s := range readings {
		if o, ok := original[s.Reading]; ok {
			problems = append(problems, Problem{File: s.Reading.Src.File, Err: &CopyError{Original: o.Src.File}, Skipped: true})
		} else {
			out = append(out, s)
		}
	}
	return out, problems
}

// textKeyOf returns the text key of a source's reading, from its memo
// when it has one.
func textKeyOf(s Source) [sha256.Size]byte {
	if s.Memo == nil {
		return textKey(s.Reading)
	}
	return s.Memo.TextKey(func() [sha256.Size]byte { return textKey(s.Reading) })
}

// ownID reports whether a file's name without its extension is an id
// as it stands: nothing in it to make safe.
func ownID(file string) bool {
	stem := strings.TrimSuffix(path.Base(file), path.Ext(file))
	return read.SafeID(stem) == stem
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// separateIDs gives every source an id of its own: see the top of this
// file. A source whose id changes by the last rule is warned.
func separateIDs(rs []*read.Reading) {
	idsInSubfolders(rs)
	separateFoldedIDs(rs)
	byFile := slices.Clone(rs)
	slices.SortFunc(byFile, func(a, b *read.Reading) int { return cmp.Compare(a.Src.File, b.Src.File) })
	taken := make(map[string]*read.Reading, len(rs))
	for _, r := range byFile {
		id := r.Src.ID
		holder, ok := taken[strings.ToLower(id)]
		if !ok {
			taken[strings.ToLower(id)] = r
			continue
		}
		next := id + "-" + read.ShortHash(r.Src.File)
		for n := 1; taken[strings.ToLower(next)] != nil; n++ {
			next = id + "-" + read.ShortHash(fmt.Sprintf("%s\x00%d", r.Src.File, n))
		}
		r.Src.ID = next
		taken[strings.ToLower(next)] = r
		if holder.Src.ID == id {
			r.Warn(fmt.Errorf("the id %q is %s's too: this source is built as %q", id, holder.Src.File, next))
		} else {
			r.Warn(fmt.Errorf("the id %q differs from %s's (%q) only in case: this source is built as %q", id, holder.Src.File, holder.Src.ID, next))
		}
	}
}

// idsInSubfolders gives a source whose id is its file's name, and whose
// id another source has too, its subfolder's path before its name:
// "bbc/index.html" and "nyt/index.html" are "bbc-index" and "nyt-index".
func idsInSubfolders(rs []*read.Reading) {
	count := make(map[string]int, len(rs))
	for _, r := range rs {
		count[r.Src.ID]++
	}
	for _, r := range rs {
		if r.Meta.ID != "" || count[r.Src.ID] < 2 || path.Dir(r.Src.File) == "." {
			continue
		}
		r.Src.ID = read.SafeID(strings.TrimSuffix(r.Src.File, path.Ext(r.Src.File)))
	}
}

// separateFoldedIDs gives the sources whose ids differ only in case
// ("Report", "REPORT": one page on a case-insensitive system) ids that
// stay apart: each gets a short hash of its file's name. Ids that are
// the same are left to separateIDs.
func separateFoldedIDs(rs []*read.Reading) {
	byFold := map[string][]*read.Reading{}
	for _, r := range rs {
		k := strings.ToLower(r.Src.ID)
		byFold[k] = append(byFold[k], r)
	}
	for _, group := range byFold {
		ids := map[string]bool{}
		for _, r := range group {
			ids[r.Src.ID] = true
		}
		if len(group) < 2 || len(ids) < len(group) {
			continue
		}
		for _, r := range group {
			r.Src.ID += "-" + read.ShortHash(r.Src.File)
		}
	}
}
