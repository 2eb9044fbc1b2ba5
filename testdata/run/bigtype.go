// run

// A type with more than 128 MB of pointer data (a pointer after a 128 MB array): its
// pointer bitmap is emitted (2 MB), and the collector finds the pointer at its end.

package main

import (
	"fmt"
	"runtime"
)

type Big struct {
	p *int
	x [128 << 20]byte
	q *int
}

var g *Big
var sink *int

func mk() {
	v := 7
	g.q = &v
}

func main() {
	g = new(Big)
	mk()
	runtime.GC()
	for i := 0; i < 3000; i++ {
		x := new(int) // reuses v's memory if the collector lost *g.q
		*x = -1
		sink = x
	}
	fmt.Println(*g.q, len(g.x), g.p == nil)
}
