package site

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// sourcePages renders the page of every source of st, in the order of
// st.sources, on as many goroutines as the machine runs at once: a
// story of thousands of sources is mostly their pages.
func (r *Renderer) sourcePages(st *story) ([]File, error) {
	files := make([]File, len(st.sources))
	errs := make([]error, len(st.sources))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(st.sources)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(st.sources); i = int(next.Add(1) - 1) {
				src := st.sources[i]
				path := sourcePath(src.ID)
				page, err := st.sourcePage(src)
				if err == nil {
					files[i].Data, err = r.execute("source.html", page)
				}
				if err != nil {
					errs[i] = fmt.Errorf("render %s: %w", path, err)
				}
				files[i].Path = path
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}
