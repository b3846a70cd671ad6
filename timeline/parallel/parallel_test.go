package parallel

import (
	"runtime"
	"slices"
	"sync"
	"testing"
)

// TestForWith visits every index once, each with the room of the
// goroutine that took it: no more rooms than goroutines. Run with -race,
// it also sees a room shared by two goroutines.
func TestForWith(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		var mu sync.Mutex
		var rooms []*[]int
		newRoom := func() *[]int {
			mu.Lock()
			defer mu.Unlock()
			room := new([]int)
			rooms = append(rooms, room)
			return room
		}
		ForWith(n, newRoom, func(room *[]int, i int) { *room = append(*room, i) })
		if len(rooms) > max(runtime.GOMAXPROCS(0), 1) {
			t.Errorf("n=%d: %d rooms for %d goroutines", n, len(rooms), runtime.GOMAXPROCS(0))
		}
		var all []int
		for _, room := range rooms {
			all = append(all, *room...)
		}
		slices.Sort(all)
		want := make([]int, n)
		for i := range want {
			want[i] = i
		}
		if !slices.Equal(all, want) && !(n == 0 && len(all) == 0) {
			t.Errorf("n=%d: visited %v", n, all)
		}
	}
}
