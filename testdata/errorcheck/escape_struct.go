// errorcheck -0 -m -l

// Escape analysis of structs: &T{} literals, fields holding pointers, struct copies.

package escape

type Point struct {
	X, Y int
}

type Node struct {
	Val  int
	Next *Node
}

type Box struct {
	P *int
}

var sink *Point
var nodes *Node

func newPoint() *Point {
	return &Point{1, 2} // ERROR "&Point{...} escapes to heap$"
}

func localPoint() int {
	p := &Point{3, 4} // ERROR "&Point{...} does not escape$"
	return p.X + p.Y
}

func sinkPoint() {
	sink = &Point{5, 6} // ERROR "&Point{...} escapes to heap$"
}

func pushNode(v int) {
	nodes = &Node{v, nodes} // ERROR "&Node{...} escapes to heap$"
}

func fieldPtr(b Box) *int { // ERROR "leaking param: b to result ~r0 level=0$"
	return b.P
}

func boxOf(p *int) Box { // ERROR "leaking param: p to result ~r0 level=0$"
	return Box{p}
}

func boxPtr(p *int) *Box { // ERROR "leaking param: p$"
	return &Box{p} // ERROR "&Box{...} escapes to heap$"
}

func valueStruct() Point {
	p := Point{7, 8}
	q := &p
	q.X = 9
	return p
}

func fieldAddr() *int {
	var pt Point // ERROR "moved to heap: pt$"
	return &pt.Y
}

func readField(b *Box) int { // ERROR "b does not escape$"
	return *b.P
}

func setField(b *Box, p *int) { // ERROR "b does not escape$" "leaking param: p$"
	b.P = p
}
