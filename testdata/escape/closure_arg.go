// allocs

// A closure passed to a function that only calls it does not escape; one that is stored does.

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
var gx = 5

func call(f func() int) int { return f() }
func store(f func() int)    { gf = f }

func passCalled() { x := gx; _ = call(func() int { return x }) }
func passStored() { x := gx; store(func() int { return x }) }

func main() {
	measure("passCalled", 100, passCalled)
	measure("passStored", 100, passStored)
}
