// run

package main

import "fmt"

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Name     string
}

func area(r Rect) int { return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y) }

func move(p Point, dx int) Point {
	p.X += dx
	return p
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	fmt.Println(p, q, p == q, p == Point{1, 2})
	r := Rect{Min: Point{0, 0}, Max: Point{3, 4}, Name: "r"}
	fmt.Println(r, area(r))
	fmt.Printf("%v %+v\n", r, r)
	m := move(p, 5)
	fmt.Println(p.X, m.X)
	var z Rect
	fmt.Println(z.Name == "", z.Max.Y)
	pp := &r.Max
	pp.Y = 40
	fmt.Println(r.Max, area(r))
	anon := struct {
		A int
		B string
	}{1, "b"}
	fmt.Println(anon.A, anon.B)
}
