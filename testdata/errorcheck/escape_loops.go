// errorcheck -0 -m -l

// Escape analysis in loops and branches: allocations per iteration, loop-carried pointers.

package escape

type Node struct {
	Next *Node
	V    int
}

var head *Node

func build(n int) {
	for i := 0; i < n; i++ {
		head = &Node{head, i} // ERROR "&Node{...} escapes to heap$"
	}
}

func buildLocal(n int) int {
	var h *Node
	for i := 0; i < n; i++ {
		h = &Node{h, i} // ERROR "&Node{...} escapes to heap$"
	}
	return h.V
}

func addrInLoop(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		v := i
		p := &v
		t += *p
	}
	return t
}

func loopVarAddr(n int) *int {
	var last *int
	for i := 0; i < n; i++ { // ERROR "moved to heap: i$"
		last = &i
	}
	return last
}

func branch(c bool) *int {
	a, b := 1, 2 // ERROR "moved to heap: a$" "moved to heap: b$"
	if c {
		return &a
	}
	p := &b
	return p
}

func walk(n *Node) int { // ERROR "n does not escape$"
	t := 0
	for ; n != nil; n = n.Next {
		t += n.V
	}
	return t
}

func last(n *Node) *Node { // ERROR "leaking param: n to result ~r0 level=0$"
	for n.Next != nil {
		n = n.Next
	}
	return n
}
