// demo.go: a small program with allocations that stay on the stack and allocations that
// escape to the heap. `gosub run -m -l examples/demo.go` prints gc's escape diagnostics
// and then runs the program.
package main

type Point struct {
	X, Y int
}

type Path struct {
	Points []*Point
	Name   string
}

// newPoint returns a pointer to a fresh Point, so the Point outlives the call: heap.
func newPoint(x, y int) *Point {
	return &Point{x, y}
}

// length sums the Manhattan distances between consecutive points; p stays on the stack.
func length(path *Path) int {
	total := 0
	for i := 1; i < len(path.Points); i++ {
		a, b := path.Points[i-1], path.Points[i]
		total += abs(b.X-a.X) + abs(b.Y-a.Y)
	}
	return total
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// centre uses a local Point through a pointer that never leaves the function: stack.
func centre(path *Path) Point {
	var c Point
	p := &c
	for _, q := range path.Points {
		p.X += q.X
		p.Y += q.Y
	}
	n := len(path.Points)
	return Point{c.X / n, c.Y / n}
}

// newCounter returns the address of a local variable, so the variable moves to the heap.
func newCounter() *int {
	n := 0
	return &n
}

func main() {
	path := &Path{Name: "square"}
	for i := 0; i < 4; i++ {
		x, y := (i/2)*10, ((i+1)/2%2)*10
		path.Points = append(path.Points, newPoint(x, y))
	}
	path.Points = append(path.Points, path.Points[0])
	scratch := make([]int, 8)
	for i := range scratch {
		scratch[i] = i * i
	}
	count := newCounter()
	for range path.Points {
		*count++
	}
	println("path", path.Name, "has", *count, "points")
	println("length:", length(path))
	c := centre(path)
	println("centre:", c.X, c.Y)
	println("squares:", scratch[7], scratch[3])
}
