// allocs

// Arrays are values: storing into a local array keeps it local; an array whose address escapes is moved.

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

var gp *[4]int
var ga [4]*int
var gx = 3

func localArray() { var a [4]int; a[gx] = 1; _ = a[0] }
func escArray()   { var a [4]int; gp = &a }
func elemAddr()   { x := gx; ga[0] = &x }

func main() {
	measure("localArray", 100, localArray)
	measure("escArray", 100, escArray)
	measure("elemAddr", 100, elemAddr)
}
