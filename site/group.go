package site

import "slices"

// Groups. An event cited thousands of times is laid out citation by
// citation (see splitCitesMin): its opening, each citation, its close.
// Laying out, looking up and filling those parts at every render costs
// in proportion to all the citations of the story, though a rebuild
// changes few events. A group is such a run of items under one key, the
// key of everything its bytes are made from, the values of its holes
// included. A render that finds the key among the groups of the last
// render of its file takes the group's chunks whole and lays out none
// of its parts.

// keptGroup is a group as a render of its file assembled it. It never
// changes once made.
type keptGroup struct {
	key Key
	// chunks are its bytes: slices of its fragments, whose bytes never
	// change.
	chunks [][]byte
	// parts are the keys of its parts: the file keeps their fragments
	// while it keeps the group (see nextFragments), for the render that
	// lays it out again once it changes.
	parts []Key
}

// groupRun is a group laid out by this render: its key, and where its
// items and its parts are in the assembly, from the first to before the
// last.
type groupRun struct {
	key          Key
	items, parts [2]int
}

// group lays out with lay a run of items whose bytes are made from what
// key is the key of; or, when the last render of the file had a group
// with the key, takes its chunks instead. lay must not lay out groups.
// Only a Renderer that keeps fragments keeps groups: the assembly of one
// that keeps nothing (holedChunks, assembleTo) has none to take.
func (a *assembly) group(key Key, lay func()) {
	if g := a.kept[key]; g != nil {
		a.items = append(a.items, assemblyItem{group: g})
		a.reused = append(a.reused, g)
		return
	}
	run := groupRun{key: key, items: [2]int{len(a.items), 0}, parts: [2]int{len(a.parts), 0}}
	lay()
	run.items[1], run.parts[1] = len(a.items), len(a.parts)
	a.runs = append(a.runs, run)
}

// groupMarks returns the indices of the items where the groups a laid
// out begin and end, in order: two a group.
func (a *assembly) groupMarks() []int {
	if len(a.runs) == 0 {
		return nil
	}
	marks := make([]int, 0, 2*len(a.runs))
	for _, run := range a.runs {
		marks = append(marks, run.items[0], run.items[1])
	}
	return marks
}

// groupsToKeep returns the groups of this render of a, by key: those it
// took whole, and those it laid out, whose chunks begin and end at the
// indices at (see groupMarks) in chunks, the file's.
func (a *assembly) groupsToKeep(chunks [][]byte, at []int) map[Key]*keptGroup {
	if len(a.reused) == 0 && len(a.runs) == 0 {
		return nil
	}
	groups := make(map[Key]*keptGroup, len(a.reused)+len(a.runs))
	for _, g := range a.reused {
		groups[g.key] = g
	}
	for i, run := range a.runs {
		g := &keptGroup{key: run.key, chunks: slices.Clone(chunks[at[2*i]:at[2*i+1]])}
		g.parts = make([]Key, 0, run.parts[1]-run.parts[0])
		for _, p := range a.parts[run.parts[0]:run.parts[1]] {
			g.parts = append(g.parts, p.key)
		}
		groups[run.key] = g
	}
	return groups
}

// groupedParts returns how many parts the groups a took whole hold.
func (a *assembly) groupedParts() int {
	n := 0
	for _, g := range a.reused {
		n += len(g.parts)
	}
	return n
}

// groupedChunks returns how many chunks the groups a took whole hold.
func (a *assembly) groupedChunks() int {
	n := 0
	for _, g := range a.reused {
		n += len(g.chunks)
	}
	return n
}

// extend adds after a's items those of b, laid out apart with a's kept
// groups (see group): its parts, the groups it took whole and those it
// laid out.
func (a *assembly) extend(b *assembly) {
	items, parts := len(a.items), len(a.parts)
	a.parts = append(a.parts, b.parts...)
	for _, it := range b.items {
		if it.part > 0 {
			it.part += parts
		}
		a.items = append(a.items, it)
	}
	for _, run := range b.runs {
		run.items[0] += items
		run.items[1] += items
		run.parts[0] += parts
		run.parts[1] += parts
		a.runs = append(a.runs, run)
	}
	a.reused = append(a.reused, b.reused...)
}
