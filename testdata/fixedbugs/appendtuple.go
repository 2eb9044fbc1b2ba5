// run

// append(f()) with f returning the slice and the elements passed the tuple itself to
// APPEND, an internal error in codegen (Go test fixedbugs/issue22327.go).

package main

import "fmt"

func f() ([]int, int, int) {
	return []int{1}, 2, 3
}

func main() {
	s := append(f())
	fmt.Println(len(s), s)
}
