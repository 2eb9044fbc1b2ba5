// allocs

// new(T) and &T{} that escape allocate once each; those that do not, never.

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

type T struct{ a, b, c int }

var sink *T

func escNew()     { sink = new(T) }
func escLit()     { sink = &T{1, 2, 3} }
func localNew()   { p := new(T); p.a = 1; _ = p.a }
func localLit()   { p := &T{a: 1}; _ = p.b }
func both()       { sink = &T{}; q := &T{}; q.c = 2 }

func main() {
	measure("escNew", 100, escNew)
	measure("escLit", 100, escLit)
	measure("localNew", 100, localNew)
	measure("localLit", 100, localLit)
	measure("both", 100, both)
}
