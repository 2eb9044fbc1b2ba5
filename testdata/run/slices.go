// run

package main

import "fmt"

func main() {
	var s []int
	fmt.Println(s == nil, len(s), cap(s))
	s = make([]int, 3, 10)
	fmt.Println(s, len(s), cap(s))
	t := s[1:5]
	fmt.Println(t, len(t), cap(t))
	t[0] = 7
	fmt.Println(s)
	u := s[2:4:6]
	fmt.Println(len(u), cap(u))
	a := []int{5, 4, 3, 2, 1}
	b := make([]int, 3)
	n := copy(b, a)
	fmt.Println(n, b)
	n = copy(a, a[2:])
	fmt.Println(n, a)
	x := []string{"a", "b", "c"}
	for i, v := range x {
		fmt.Println(i, v)
	}
	bs := make([]byte, 5)
	n = copy(bs, "hello world")
	fmt.Println(n, string(bs))
	e := []int{}
	fmt.Println(e == nil, len(e))
	fmt.Println(a[len(a)-1:], a[:0])
}
