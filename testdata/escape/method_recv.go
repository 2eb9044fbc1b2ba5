// allocs

// A pointer method whose receiver leaks moves an addressable receiver variable to the heap.

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

type C struct{ n int }

var gc *C

func (c *C) Keep()     { gc = c }
func (c *C) Inc() int  { c.n++; return c.n }

func keepRecv() { var c C; c.Keep() }
func incRecv()  { var c C; _ = c.Inc() }

func main() {
	measure("keepRecv", 100, keepRecv)
	measure("incRecv", 100, incRecv)
}
