// ssa -func main.abs -pass all

// Every pass in order on a small function: build (getvar/setvar), mem2reg, then the
// clean-ups, each dump after its pass.

package main

func abs(x int) int {
	if x < 0 {
		x = -x
	}
	return x
}

func main() {
	println(abs(-3))
}
