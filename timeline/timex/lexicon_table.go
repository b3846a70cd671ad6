package timex

// The scanner looks every word of every text up in the lexicon. A map
// with string keys hashes the word again after the scanner has read it;
// lexTable is the lexicon in an open-addressed table whose hash the
// scanner computes as it lowers the word's letters.

// FNV-1a's parameters, for hashing a lower-case word a byte at a time.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// lexSlot is one word of the lexicon and its lexeme; an empty word is
// an empty slot.
type lexSlot struct {
	word string
	lex  lexeme
}

// lexiconTable is a read-only open-addressed hash table of lexemes.
type lexiconTable struct {
	slots []lexSlot // a power of two in size
	mask  uint32
}

// lexTable holds the lexicon.
var lexTable = newLexiconTable(lexicon)

// newLexiconTable returns a table holding the words of lex but "".
func newLexiconTable(lex map[string]lexeme) lexiconTable {
	size := 16
	for size < 4*len(lex) {
		size *= 2
	}
	t := lexiconTable{slots: make([]lexSlot, size), mask: uint32(size - 1)}
	for w, l := range lex {
		if w == "" {
			continue
		}
		h := uint32(fnvOffset)
		for i := 0; i < len(w); i++ {
			h = (h ^ uint32(w[i])) * fnvPrime
		}
		i := h & t.mask
		for t.slots[i].word != "" {
			i = (i + 1) & t.mask
		}
		t.slots[i] = lexSlot{w, l}
	}
	return t
}

// lookup returns the lexeme of the lower-case word w, whose FNV-1a hash
// is h; the zero lexeme when the lexicon does not hold w.
func (t *lexiconTable) lookup(w []byte, h uint32) lexeme {
	for i := h & t.mask; t.slots[i].word != ""; i = (i + 1) & t.mask {
		if t.slots[i].word == string(w) {
			return t.slots[i].lex
		}
	}
	return lexeme{}
}
