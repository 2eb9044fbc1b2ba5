// run

package main

import "fmt"

type T struct {
	a, b int
}

func read(p *T) int { return p.b }

func main() {
	t := &T{1, 2}
	fmt.Println(read(t))
	var q *T
	fmt.Println(read(q))
	fmt.Println("not reached")
}
