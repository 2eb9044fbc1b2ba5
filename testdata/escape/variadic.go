// allocs

// The ... argument of a variadic call is a slice literal: it allocates when the callee leaks it.

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

var gs []int
var gx = 7

func keepAll(xs ...int)     { gs = xs }
func sum(xs ...int) int     { t := 0; for _, x := range xs { t += x }; return t }

func callKeep() { keepAll(gx, gx, gx) }
func callSum()  { _ = sum(gx, gx, gx) }

func main() {
	measure("callKeep", 100, callKeep)
	measure("callSum", 100, callSum)
}
