// ssa -func main.p -d dom

// Liveness pruning: t is assigned on both arms but read only inside them, so the
// non-pruned construction's phi for t at the join is removed; x gets its phi.

package main

func p(c bool, a int) int {
	x := 0
	if c {
		t := a * 2
		x = t
	} else {
		t := a + 1
		x = t - 1
	}
	return x
}

func main() {
	println(p(true, 3))
}
