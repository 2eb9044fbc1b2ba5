// ssa -func main.diamond -dot dom

// The dominator tree as DOT; dashed blue edges go to each block's dominance frontier.

package main

func diamond(c bool, a int) int {
	x := a
	if c {
		x = a + 1
	}
	return x
}

func main() {
	println(diamond(true, 1))
}
