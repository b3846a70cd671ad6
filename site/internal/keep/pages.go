package keep

import "maps"

// Pages keeps the bytes of the pages of the last site rendered, by
// path, each with the key of what it was made from.
type Pages struct {
	m map[string]keptPage
}

// keptPage is the bytes of a page and the key they were made for.
type keptPage struct {
	key  Key
	data []byte
}

// Get returns the bytes kept at path when they were made for key.
func (p *Pages) Get(path string, key Key) ([]byte, bool) {
	k, ok := p.m[path]
	if !ok || k.key != key {
		return nil, false
	}
	return k.data, true
}

// Keep keeps data[i], made for keys[i], at paths[i], and drops the
// pages kept at other paths. The map of ten thousand pages is updated in
// place, not made again: that cost more than the few pages a rebuild
// renders.
func (p *Pages) Keep(paths []string, keys []Key, data [][]byte) {
	if p.m == nil {
		p.m = make(map[string]keptPage, len(paths))
	}
	for i, path := range paths {
		p.m[path] = keptPage{key: keys[i], data: data[i]}
	}
	if len(p.m) == len(paths) {
		return // every path kept is a page's: none left over
	}
	now := make(map[string]bool, len(paths))
	for _, path := range paths {
		now[path] = true
	}
	maps.DeleteFunc(p.m, func(path string, _ keptPage) bool { return !now[path] })
}
