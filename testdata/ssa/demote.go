// ssa -func main.count -nomem2reg -pass demote

// -nomem2reg: variables become stack slots (alloc/load/store) instead of SSA values, the
// form `gosub build -N -nomem2reg` hands to LLVM's own mem2reg for the phi cross-check.

package main

func count(n int) int {
	c := 0
	for i := 0; i < n; i++ {
		c += i
	}
	return c
}

func main() {
	println(count(4))
}
