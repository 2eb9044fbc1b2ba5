// allocs

// s + t that escapes allocates the result once; a concatenation that stays local can use a stack buffer.

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

var gs string
var a, b = "hello, ", "world"

func concatEscapes() { gs = a + b }
func concat3()       { gs = a + b + a }

func main() {
	measure("concatEscapes", 100, concatEscapes)
	measure("concat3", 100, concat3)
}
