// allocs

// Results that carry parameters: a param leaking to a result only escapes if the caller's result does.

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
var gx = 1000

func id(p *int) *int { return p }

func localResult()  { x := gx; p := id(&x); *p = 1 }
func storedResult() { x := gx; gp = id(&x) }

func main() {
	measure("localResult", 100, localResult)
	measure("storedResult", 100, storedResult)
}
