// ssa -func main.cb -pass deadblock

// constfold folds the condition 3 > 2; deadblock then fuses the straight-line blocks
// that are left, so the function is one block.

package main

func cb(x int) int {
	y := x
	if 3 > 2 {
		y = x * 2
	} else {
		y = x + 100
	}
	return y + 1
}

func main() {
	println(cb(5))
}
