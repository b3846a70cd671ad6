package keep

import (
	"slices"
	"sync"

	"github.com/timeline-project/timeline/timeline/dating"
	"github.com/timeline-project/timeline/timeline/timex"
)

// maxAnchors bounds how many publication dates a reading remembers
// relative dates for; past it, it forgets them all and starts again.
const maxAnchors = 256

// anchorMemo remembers the relative dates of one reading for each
// publication date tried. Inferring a publication date tries up to a
// hundred; the story's days change from build to build, the source's
// relative dates for one date never do. A story of thousands of
// sources keeps hundreds of thousands of these: they are packed.
type anchorMemo struct {
	mu sync.Mutex
	// index is sorted by dct; each entry's days are days[from:to].
	index []anchorIndex
	days  []dating.RelDay
	// added counts the dates remembered since the memo was made or
	// loaded, so that a caller keeping it knows it has grown.
	added int
}

// anchorIndex places the relative dates of a publication date, as a day
// number, in anchorMemo.days.
type anchorIndex struct {
	dct, from, to int32
}

// Lookup sets days[i] to the relative days remembered for dcts[i], and
// returns the numbers of the dates it has none for. dcts are sorted,
// earliest first: they are looked up in one pass, under one lock.
func (m *anchorMemo) Lookup(dcts []timex.Date, days [][]dating.RelDay) []int {
	m.mu.Lock()
	defer m.mu.Unlock()
	var missing []int
	k := 0
	for i, d := range dcts {
		n := int32(dating.DayNumber(d))
		for k < len(m.index) && m.index[k].dct < n {
			k++
		}
		if k < len(m.index) && m.index[k].dct == n {
			e := m.index[k]
			days[i] = m.days[e.from:e.to:e.to]
		} else {
			missing = append(missing, i)
		}
	}
	return missing
}

// Remember remembers days[i] as the relative days of dcts[i], for each
// i of missing, growing the memo once; past maxAnchors dates, it forgets
// those it had. dcts are sorted, earliest first.
func (m *anchorMemo) Remember(dcts []timex.Date, missing []int, days [][]dating.RelDay) {
	if len(missing) == 0 {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.index)+len(missing) > maxAnchors {
		m.index, m.days = nil, nil
	}
	n := 0
	for _, i := range missing {
		n += len(days[i])
	}
	m.days = slices.Grow(m.days, n)
	added := make([]anchorIndex, 0, len(missing))
	for _, i := range missing {
		e := anchorIndex{dct: int32(dating.DayNumber(dcts[i])), from: int32(len(m.days))}
		m.days = append(m.days, days[i]...)
		e.to = int32(len(m.days))
		added = append(added, e)
	}
	m.index = mergeAnchors(m.index, added)
	m.added += len(missing)
}

// mergeAnchors returns the entries of old and added, both sorted by
// date, in one sorted list; an entry of added replaces one of old for
// the same date.
func mergeAnchors(old, added []anchorIndex) []anchorIndex {
	out := make([]anchorIndex, 0, len(old)+len(added))
	i, j := 0, 0
	for i < len(old) || j < len(added) {
		switch {
		case j == len(added) || i < len(old) && old[i].dct < added[j].dct:
			out = append(out, old[i])
			i++
		case i == len(old) || added[j].dct < old[i].dct:
			out = append(out, added[j])
			j++
		default: // the same date: the new entry
			out = append(out, added[j])
			i, j = i+1, j+1
		}
	}
	return out
}
