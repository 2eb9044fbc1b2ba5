// ssa -func main.u -pass build

// Code after return and after an infinite loop is unreachable: the builder's blocks for
// it are gone from the dump (cfg.c deletes them), so only the live path remains.

package main

func u(n int) int {
	if n > 0 {
		return 1
		n++
	}
	for {
		if n < -10 {
			return n
		}
		n--
	}
	return 0
}

func main() {
	println(u(3))
}
