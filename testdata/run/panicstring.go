// run

package main

import "fmt"

func check(n int) {
	if n > 3 {
		panic("n too large")
	}
}

func main() {
	for i := 0; i < 10; i++ {
		fmt.Println(i)
		check(i)
	}
}
