// run

// `for i, _ := range p` over a nil *[N]T loaded the elements and crashed; a blank value
// variable is no variable (Go test fixedbugs/bug454.go).

package main

import "fmt"

func main() {
	var arr *[10]int
	s := 0
	for i, _ := range arr {
		s += i
	}
	for i := range arr {
		s += i
	}
	fmt.Println(s)
}
