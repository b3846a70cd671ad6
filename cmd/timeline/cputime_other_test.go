//go:build !unix

package main

// cpuTime returns 0: the benchmarks report processor time only on Unix.
func cpuTime() int64 { return 0 }
