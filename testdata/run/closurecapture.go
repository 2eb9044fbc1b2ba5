// run

// A closure captures a variable by reference when the variable is assigned after its
// declaration; gc counts an assignment to a field or an array element of it (x.v++,
// z.a[1] = 1) and the assignment a range statement makes at every iteration (Go 1.19:
// one variable for the whole loop) as such assignments. Otherwise it captures a copy.

package main

import "fmt"

type X struct{ v int }

type Z struct{ a [3]byte }

func main() {
	var x X
	func() { x.v++ }()
	fmt.Println(x.v)

	var z Z
	func() { z.a[1] = 1 }()
	fmt.Println(z.a)

	var g func() int
	for i := range [3]int{} {
		if i == 0 {
			g = func() int { return i }
		}
	}
	fmt.Println(g())

	var fs []func() int
	for _, v := range []int{10, 20} {
		fs = append(fs, func() int { return v })
	}
	fmt.Println(fs[0](), fs[1]())

	y := 5
	h := func() int { return y } // y is never assigned again: a copy
	fmt.Println(h())
}
