// ssa -pass sccp -func main.join

// Two paths give y the same constant: the phi of y meets 3 and 3, so sccp makes it the
// constant 3, decides `y == 3` and deletes the block of `return 20`; constfold cannot
// (the phi's arguments are two different const values).

package main

func join(c bool) int {
	y := 0
	if c {
		y = 3
	} else {
		y = 1 + 2
	}
	if y == 3 {
		return 10
	}
	return 20
}

func main() {
	println(join(true), join(false))
}
