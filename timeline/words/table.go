package words

// Table is a set of words in an open-addressed hash table: looking a
// word up hashes its bytes once and compares a slot or two, faster than
// a map with string keys for the words of every block of a story.
type Table struct {
	slots []string // a power of two in size, "" for an empty slot
	max   int      // the length of the longest word
}

// NewTable returns a Table holding the words of sets but "".
func NewTable(sets ...map[string]bool) Table {
	n := 0
	for _, set := range sets {
		n += len(set)
	}
	size := 16
	for size < 4*n {
		size *= 2
	}
	t := Table{slots: make([]string, size)}
	for _, set := range sets {
		for w := range set {
			if w == "" || t.Has([]byte(w)) {
				continue
			}
			t.max = max(t.max, len(w))
			i := hashWord(w) & uint32(size-1)
			for t.slots[i] != "" {
				i = (i + 1) & uint32(size-1)
			}
			t.slots[i] = w
		}
	}
	return t
}

// Has reports whether t holds the word w.
func (t Table) Has(w []byte) bool {
	if len(w) == 0 || len(w) > t.max {
		return false
	}
	mask := uint32(len(t.slots) - 1)
	for i := hashWord(w) & mask; t.slots[i] != ""; i = (i + 1) & mask {
		if t.slots[i] == string(w) {
			return true
		}
	}
	return false
}

// hashWord is FNV-1a of w's bytes.
func hashWord[S ~string | ~[]byte](w S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}
