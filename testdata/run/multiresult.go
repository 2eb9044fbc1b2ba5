// run

package main

import "fmt"

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func swap(a, b string) (string, string) { return b, a }

func three() (int, bool, string) { return 7, true, "seven" }

func pass() (int, int) { return divmod(17, 5) }

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	q, r = divmod(-17, 5)
	fmt.Println(q, r)
	a, b := swap("x", "y")
	fmt.Println(a, b)
	n, ok, s := three()
	fmt.Println(n, ok, s)
	_, r = divmod(100, 7)
	fmt.Println(r)
	fmt.Println(pass())
	fmt.Println(divmod(9, 2))
}
