// ssa -func main.bc -pass phielim

// break and continue: the continue edge joins at the post statement (i++), the break edge
// at the loop exit, each with its own phi for s.

package main

func bc(xs []int) int {
	s := 0
	for i := 0; i < len(xs); i++ {
		if xs[i] < 0 {
			continue
		}
		if xs[i] > 100 {
			break
		}
		s += xs[i]
	}
	return s
}

func main() {
	println(bc([]int{1, -2, 3, 200, 5}))
}
