// allocs

// A closure that captures variables and escapes is allocated; a variable it captures by reference is moved to the heap.

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

var gf func() int

func byValue()  { x := 1000; gf = func() int { return x } }
func byRef()    { x := 0; gf = func() int { x++; return x } }
func called()   { x := 3; y := func() int { return x * 2 }(); _ = y }

func main() {
	measure("byValue", 100, byValue)
	measure("byRef", 100, byRef)
	measure("called", 100, called)
}
