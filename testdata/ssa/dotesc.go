// ssa -func main.keep -dot esc

// The escape graph as DOT: each location a node with the solver's decision, each flow
// an arrow src -> dst labelled "&" (address-of), "" (copy) or "*" (load). Checked
// against gc: `go tool compile -m -l` says of keep
//   22:11: leaking param: p
//   22:19: leaking param: q to result ~r0 level=0
//   23:2: moved to heap: x
//   26:2: moved to heap: s
//   24:7: &T{...} does not escape
//   26:11: make([]int, 8) escapes to heap
//   28:7: func literal does not escape
//   31:6: new(int) does not escape

package main

type T struct{ p *int }

var sink *int
var sinks *[]int

func keep(p *int, q *int) *int {
	x := 0
	t := &T{p: &x}
	sink = t.p
	s := make([]int, 8)
	sinks = &s
	f := func() int { return *p }
	_ = f()
	sink = p
	*new(int) = 1
	return q
}

func main() {
	a, b := 1, 2
	println(*keep(&a, &b))
}
