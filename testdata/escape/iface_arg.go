// allocs

// Arguments of interface method calls escape: the callee is unknown.

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

type Sinker interface{ Sink(p *int) }
type S struct{}

func (S) Sink(p *int) {}

var si Sinker = S{}
var gx = 1000

func viaIface() { x := gx; si.Sink(&x) }
func direct()   { x := gx; S{}.Sink(&x) }

func main() {
	measure("viaIface", 100, viaIface)
	measure("direct", 100, direct)
}
