// ssa -func main.nested -pass phielim -annotate

// Nested loops: the inner loop header gets phis for s and j, the outer one for s and i;
// j's phi at the outer header is pruned (j is dead there: re-set before every use).

package main

func nested(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			s += i * j
		}
	}
	return s
}

func main() {
	println(nested(5))
}
