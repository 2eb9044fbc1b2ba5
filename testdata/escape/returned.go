// allocs

// A pointer returned to the caller forces the allocation in the callee; a caller keeping it local changes nothing.

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

type T struct{ a, b int }

func mk() *T { return &T{1, 2} }
func mkVar() *int { x := 1000; return &x }

func callMk()    { t := mk(); t.a = 3 }
func callMkVar() { p := mkVar(); *p = 2 }

func main() {
	measure("mk", 100, callMk)
	measure("mkVar", 100, callMkVar)
}
