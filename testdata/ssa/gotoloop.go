// ssa -func main.g -pass phielim

// A loop written with goto: the label's block is the join where i and s get phis.

package main

func g(n int) int {
	i, s := 0, 0
loop:
	if i < n {
		s += i
		i++
		goto loop
	}
	return s
}

func main() {
	println(g(4))
}
