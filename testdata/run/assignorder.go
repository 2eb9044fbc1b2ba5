// run

// The two phases of an assignment (the spec's "Assignment statements"): the operands of
// index expressions and pointer indirections on the left and the expressions on the
// right are evaluated first, in the usual order; then the assignments are carried out
// left to right. So the nil check of *p and the bounds check of s[i] happen at their
// store: earlier stores of the same statement are done, and the right side is
// evaluated, before they panic. A nil check needed to load an operand (t.q in t.q.i)
// happens before any store. (Whether such a load comes before or after the calls on the
// right is not specified; gc makes the calls first, so no test depends on it here.)

package main

import "fmt"

type T struct {
	i int
	q *T
}

func f(s string) int {
	fmt.Println("evaluated", s)
	return 1
}

func try(name string, fn func()) {
	defer func() { fmt.Println(name, "recovered:", recover()) }()
	fn()
}

func main() {
	m := map[int]int{}
	var p *int
	try("map then nil", func() { m[2], *p = 42, 2 })
	fmt.Println(len(m), m[2])

	s := []int{}
	try("map then index", func() { m[3], s[1] = 3, 2 })
	fmt.Println(len(m), m[3])

	var t *T
	try("field", func() { m[4], t.i = 4, f("rhs") })
	fmt.Println(len(m), m[4])

	try("single store", func() { *p = f("single rhs") })

	try("operand load", func() { t.q.i, m[5] = 7, 5 })
	fmt.Println(len(m), m[5])

	x := T{}
	q := &x
	q, q.i = new(T), 4
	fmt.Println(x.i, q.i)

	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
}
