// run

// Converting a slice to an array pointer checks the length even when the result is
// unused; the uncaught panic prints gc's message and exits with status 2.

package main

import "fmt"

func main() {
	s := make([]byte, 8, 10)
	p := (*[8]byte)(s)
	p[7] = 1
	fmt.Println(s[7], len(p))
	var n []int
	fmt.Println((*[0]int)(n) == nil, (*[0]int)(make([]int, 0)) == nil)
	func() {
		defer func() { fmt.Println(recover()) }()
		_ = (*[9]byte)(s)
	}()
	_ = (*[10]byte)(s[:cap(s)])
	_ = (*[11]byte)(s[:cap(s)])
	fmt.Println("not reached")
}
