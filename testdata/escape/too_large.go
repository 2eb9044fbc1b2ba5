// allocs

// Objects too large for the stack are heap allocated even when they do not escape.

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

func bigMake()  { b := make([]byte, 100000); b[0] = 1; _ = b[0] }
func bigNew()   { p := new([100000]byte); p[1] = 2; _ = p[1] }
func smallNew() { p := new([100]byte); p[1] = 2; _ = p[1] }

func main() {
	measure("bigMake", 10, bigMake)
	measure("bigNew", 10, bigNew)
	measure("smallNew", 10, smallNew)
}
