// allocs

// A slice literal that escapes allocates its backing array; one that stays local does not.

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
var gp []*int

func litEscapes() { gs = []int{1, 2, 3, 4} }
func litLocal()   { s := []int{1, 2, 3}; s[0] = 9; _ = s[2] }
func litOfPtrs()  { x := 1000; gp = []*int{&x} }

func main() {
	measure("litEscapes", 100, litEscapes)
	measure("litLocal", 100, litLocal)
	measure("litOfPtrs", 100, litOfPtrs)
}
