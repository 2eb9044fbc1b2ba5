// ssa -func main.grade -pass phielim

// An expression switch: each case compares in turn; the join after the switch has one
// phi for g with an argument per case (fallthrough shares a body).

package main

func grade(n int) string {
	g := "?"
	switch {
	case n >= 90:
		g = "A"
	case n >= 80:
		g = "B"
		fallthrough
	case n >= 70:
		g += "C"
	default:
		g = "F"
	}
	return g
}

func main() {
	println(grade(85))
}
