// run

package main

import "fmt"

func classify(n int) string {
	if n < 0 {
		return "neg"
	} else if n == 0 {
		return "zero"
	} else if n%2 == 0 {
		return "even"
	} else {
		return "odd"
	}
}

func main() {
	for _, n := range []int{-3, 0, 4, 7} {
		fmt.Println(n, classify(n))
	}
	if x := 10; x > 5 {
		fmt.Println("x big", x)
	} else {
		fmt.Println("x small", x)
	}
	if a, b := 1, 2; a > b {
		fmt.Println("no")
	} else if c := a + b; c == 3 {
		fmt.Println("c", c)
	}
}
