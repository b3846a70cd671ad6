package timeline

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// eachIndex calls f(i) for every i in [0, n) on up to GOMAXPROCS
// goroutines at once and returns when every call has returned. f must
// be safe to call concurrently for different i.
func eachIndex(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
