// run

// Comparing interfaces holding an uncomparable dynamic type panics at run time.

package main

import "fmt"

func main() {
	var a, b any = 1, 1
	fmt.Println(a == b)
	a, b = []int{1}, []int{1}
	fmt.Println(a == b)
}
