// allocs

// Boxing a string or a struct into an escaping interface allocates the box.

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

type P struct{ x, y int }

var gi interface{}
var str = "hello, world"
var gx = 1000

func boxStruct() { p := P{gx, gx}; gi = p }
func boxPtr()    { p := &P{1, 2}; gi = p }

func main() {
	measure("boxStruct", 100, boxStruct)
	measure("boxPtr", 100, boxPtr)
}
