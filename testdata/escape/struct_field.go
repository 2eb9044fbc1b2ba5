// allocs

// Storing into a field of a heap object stores to the heap: the value escapes.

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

type Node struct {
	next *Node
	val  int
}

var head = &Node{}

func push()       { n := &Node{val: 1}; n.next = head.next; head.next = n }
func localChain() { a := Node{val: 1}; b := Node{next: &a}; _ = b.next.val }

func main() {
	measure("push", 100, push)
	measure("localChain", 100, localChain)
}
