// allocs

// []byte(s), []rune(s) and string(b) that escape allocate their copy.

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

var gb []byte
var gr []rune
var gs string
var s = "hello, world"
var bs = []byte("bytes!")

func toBytes()  { gb = []byte(s) }
func toRunes()  { gr = []rune(s) }
func toString() { gs = string(bs) }

func main() {
	measure("toBytes", 100, toBytes)
	measure("toRunes", 100, toRunes)
	measure("toString", 100, toString)
}
