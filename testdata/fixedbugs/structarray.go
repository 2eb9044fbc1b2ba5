// run

// A struct variable holding an array, assigned element by element, used to be rejected
// with "not supported: assignment to an element of this array" (fixedbugs/issue12588).

package main

import "fmt"

type B struct {
	b [2]*int
	n [3]int
}

func main() {
	var x, y int = 1, 2
	var v B
	v.b[0] = &x
	v.b[1] = &y
	v.n[2] = *v.b[0] + *v.b[1]
	w := v
	w.n[0] = 7
	fmt.Println(v.n[0], v.n[1], v.n[2], w.n[0], *w.b[1])
}
