// run

package main

import "fmt"

func main() {
	a, b, c := 1, 2, 3
	a, b, c = c, a, b
	fmt.Println(a, b, c)
	s := []int{1, 2, 3}
	i := 0
	i, s[i] = 1, 9
	fmt.Println(i, s)
	x, y := 1, 2
	x, y = y, x+y
	x, y = y, x+y
	fmt.Println(x, y)
	var p, q = "p", "q"
	p, q = q, p
	fmt.Println(p, q)
	arr := [3]int{1, 2, 3}
	arr[0], arr[2] = arr[2], arr[0]
	fmt.Println(arr)
	_, z := 5, 6
	fmt.Println(z)
}
