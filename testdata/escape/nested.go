// allocs

// Nested composite literals: each &T{} that escapes is one allocation.

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

type U struct{ v int }
type T struct {
	u *U
	w *U
}

var gt *T

func nested2() { gt = &T{u: &U{1}} }
func nested3() { gt = &T{u: &U{1}, w: &U{2}} }
func inner()   { t := T{u: &U{3}}; gt = &t }

func main() {
	measure("nested2", 100, nested2)
	measure("nested3", 100, nested3)
	measure("inner", 100, inner)
}
