// allocs

// A parameter whose address escapes is moved to the heap at entry.

package main

import (
	"fmt"
	"runtime"
)

type stats struct {
	m   runtime.MemStats
	pad [2048]byte // room: gosub's runtime fills gc's whole MemStats (with BySize)
}

func mallocs() uint64 {
	var s stats
	runtime.ReadMemStats(&s.m)
	return s.m.Mallocs
}

// measure prints "alloc NAME N MALLOCS": the objects N calls of f allocate.
func measure(name string, n int, f func()) {
	f()
	before := mallocs()
	for i := 0; i < n; i++ {
		f()
	}
	after := mallocs()
	fmt.Println("alloc", name, n, after-before)
}

var gp *int

func keep(x int) { gp = &x }
func keepNot(x int) int { p := &x; return *p + 1 }

func callKeep()    { keep(1000) }
func callKeepNot() { _ = keepNot(1000) }

func main() {
	measure("keep", 100, callKeep)
	measure("callKeepNot", 100, callKeepNot)
}
