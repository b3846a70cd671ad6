package keep

import "sync"

// Parts keeps, per file, the fragments of its last render, by the key of
// what each is made from: a later render of the file takes the fragments
// whose key it finds instead of rendering them again. When one source is
// added to a story of thousands, only the entries it changes are
// rendered.
type Parts struct {
	mu    sync.Mutex
	files map[string]map[Key][]byte
	// made is, per path, how many fragments its last render rendered.
	made map[string]int
}

// Part is a fragment of a file: the key of what it is made from, and
// how to render it when no fragment with its key is kept.
type Part struct {
	Key    Key
	Render func() ([]byte, error)
}

// Make returns the fragments of parts, in order, for the file at path:
// those kept from its last render where their key is kept, the others
// rendered by calls that parallel runs (for every i from 0 to n-1, on as
// many goroutines as it likes). It keeps them for the next render of
// the path, and no others. Renders of different paths may run at once;
// two of one path must not.
func (p *Parts) Make(path string, parts []Part, parallel func(n int, do func(i int))) ([][]byte, error) {
	p.mu.Lock()
	kept := p.files[path]
	p.mu.Unlock()
	frags := make([][]byte, len(parts))
	var todo []int
	for i, part := range parts {
		if f, ok := kept[part.Key]; ok {
			frags[i] = f
		} else {
			todo = append(todo, i)
		}
	}
	errs := make([]error, len(todo))
	parallel(len(todo), func(j int) { frags[todo[j]], errs[j] = parts[todo[j]].Render() })
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	next := make(map[Key][]byte, len(parts))
	for i, part := range parts {
		next[part.Key] = frags[i]
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.files == nil {
		p.files, p.made = map[string]map[Key][]byte{}, map[string]int{}
	}
	p.files[path], p.made[path] = next, len(todo)
	return frags, nil
}

// Retain drops the fragments of the files whose path keep rejects.
func (p *Parts) Retain(keep func(path string) bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for path := range p.files {
		if !keep(path) {
			delete(p.files, path)
			delete(p.made, path)
		}
	}
}

// Counts returns how many fragments are kept for the file at path, and
// how many of them its last render rendered.
func (p *Parts) Counts(path string) (kept, made int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.files[path]), p.made[path]
}
