// run

package main

import "fmt"

type pair struct{ a, b int64 }

func main() {
	var s []int
	last := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != last {
			fmt.Println("int", len(s), cap(s))
			last = cap(s)
		}
	}
	var b []byte
	last = -1
	for i := 0; i < 3000; i++ {
		b = append(b, byte(i))
		if cap(b) != last {
			fmt.Println("byte", len(b), cap(b))
			last = cap(b)
		}
	}
	var p []pair
	last = -1
	for i := 0; i < 600; i++ {
		p = append(p, pair{int64(i), 0})
		if cap(p) != last {
			fmt.Println("pair", len(p), cap(p))
			last = cap(p)
		}
	}
	x := append([]int{1, 2, 3}, 4, 5, 6, 7)
	fmt.Println(x, len(x), cap(x))
	y := append(x[:2], 9)
	fmt.Println(x, y)
	z := append([]byte("ab"), "cdef"...)
	fmt.Println(string(z), len(z), cap(z))
	w := append(s[:0:0], 1)
	fmt.Println(len(w), cap(w))
}
