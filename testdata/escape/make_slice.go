// allocs

// make([]T, n): non-constant sizes always allocate; small constant sizes only when the slice escapes.

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

var gs []int

func nonConst(n int)   { s := make([]int, n); s[0] = 1 }
func constLocal()      { s := make([]int, 8); s[1] = 2; _ = s[1] }
func constEscapes()    { gs = make([]int, 8) }

var n = 10

func callNonConst() { nonConst(n) }

func main() {
	measure("nonConst", 100, callNonConst)
	measure("constLocal", 100, constLocal)
	measure("constEscapes", 100, constEscapes)
}
