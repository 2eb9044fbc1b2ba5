// run

package main

import "fmt"

func inc(p *int) { *p++ }

func newInt(v int) *int {
	x := v
	return &x
}

type node struct {
	val  int
	next *node
}

func main() {
	x := 1
	p := &x
	inc(p)
	inc(&x)
	fmt.Println(x, *p, p == &x)
	q := newInt(42)
	r := newInt(42)
	fmt.Println(*q, *r, q == r)
	pp := &p
	**pp = 10
	fmt.Println(x)
	var head *node
	for i := 0; i < 5; i++ {
		head = &node{i, head}
	}
	for n := head; n != nil; n = n.next {
		fmt.Print(n.val, " ")
	}
	fmt.Println()
	np := new(int)
	fmt.Println(*np)
	var nilp *int
	fmt.Println(nilp == nil)
}
