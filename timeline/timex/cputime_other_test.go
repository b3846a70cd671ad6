//go:build !unix

package timex

import "time"

// cpuTime reports false: this system's CPU time is not read.
func cpuTime() (time.Duration, bool) { return 0, false }
