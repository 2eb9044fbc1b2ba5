// allocs

// A variable whose address outlives the call is moved to the heap: one allocation.

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
var gs *string

func addrInt()    { x := 1000; gp = &x }
func addrString() { s := "hello"; gs = &s }
func addrLocal()  { x := 5; p := &x; *p = 6; _ = x }
func twoVars()    { a, b := 1, 2; gp = &a; gp = &b }

func main() {
	measure("addrInt", 100, addrInt)
	measure("addrString", 100, addrString)
	measure("addrLocal", 100, addrLocal)
	measure("twoVars", 100, twoVars)
}
