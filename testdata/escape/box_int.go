// allocs

// Converting an int to an interface that escapes boxes it: one allocation (for values of 256 and more: Go keeps smaller ones in a static table).

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

var gi interface{}
var big = 1000
var big64 int64 = 1 << 40

func boxInt()   { gi = big }
func noBox()    { var i interface{} = big; _ = i }

func main() {
	measure("boxInt", 100, boxInt)
	measure("noBox", 100, noBox)
}
