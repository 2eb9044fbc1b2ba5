// ssa -func main.days -pass deadblock

// A value switch after all passes: case lists become chains of comparisons.

package main

func days(m int) int {
	switch m {
	case 2:
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func main() {
	println(days(4))
}
