// allocs

// Passing &x to a function whose parameter leaks moves x to the heap; to one whose parameter does not, never.

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

func leak(p *int)        { gp = p }
func noLeak(p *int) int  { return *p + 1 }

func callLeak()   { x := 1000; leak(&x) }
func callNoLeak() { x := 1000; _ = noLeak(&x) }

func main() {
	measure("callLeak", 100, callLeak)
	measure("callNoLeak", 100, callNoLeak)
}
