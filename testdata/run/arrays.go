// run

package main

import "fmt"

func double(a [4]int) [4]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func fill(a *[4]int) {
	for i := range a {
		a[i] = i * i
	}
}

func main() {
	var a [4]int
	fmt.Println(a, len(a))
	b := [4]int{1, 2, 3, 4}
	c := double(b)
	fmt.Println(b, c, b == c, b == [4]int{1, 2, 3, 4})
	fill(&a)
	fmt.Println(a)
	d := [...]string{"x", "y", "z"}
	fmt.Println(len(d), d[2])
	e := [5]int{1: 10, 3: 30}
	fmt.Println(e)
	var grid [3][3]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			grid[i][j] = i*3 + j
		}
	}
	fmt.Println(grid)
	g := grid
	g[1][1] = 99
	fmt.Println(grid[1][1], g[1][1])
	s := b[1:3]
	s[0] = 20
	fmt.Println(b, len(s), cap(s))
}
