// run

package main

import "fmt"

var idx = -1

func main() {
	var a [4]int
	for i := range a {
		a[i] = i
	}
	fmt.Println(a)
	idx += 10
	a[idx] = 1
	fmt.Println("not reached")
}
