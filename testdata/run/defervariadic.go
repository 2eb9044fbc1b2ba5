package main

import "fmt"

func g(a ...int) int { return len(a) }

type T struct{}

func (T) M(p string, a ...interface{}) { fmt.Println(append([]interface{}{p}, a...)...) }

func main() {
	defer fmt.Println("x", g(1, 2, 3), "y")
	var t T
	defer t.M("m", 1, "two")
	defer t.M("n")
	for i := 0; i < 2; i++ {
		defer fmt.Println(i, g())
	}
}
