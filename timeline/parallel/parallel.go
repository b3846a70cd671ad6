// Package parallel runs the iterations of a loop on every core: the one
// parallel-for of the timeline's stages, the site's renderer and the
// command.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(i) for every i in [0, n) on up to GOMAXPROCS goroutines
// at once, taking the i in order, and returns when every call has
// returned. f must be safe to call concurrently for different i.
func For(n int, f func(i int)) {
	ForWith(n, func() struct{} { return struct{}{} }, func(_ struct{}, i int) { f(i) })
}

// ForWith is For with room: each goroutine makes its own with newRoom
// and hands it to f with every index it takes, so that f can reuse what
// it grew for the index before.
func ForWith[R any](n int, newRoom func() R, f func(room R, i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		room := newRoom()
		for i := range n {
			f(room, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			room := newRoom()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(room, i)
			}
		})
	}
	wg.Wait()
}
