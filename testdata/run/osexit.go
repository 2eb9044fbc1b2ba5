// run

package main

import (
	"fmt"
	"os"
)

func check(n int) {
	if n > 2 {
		fmt.Println("exiting with", n)
		os.Exit(n)
	}
}

func main() {
	for i := 0; i < 10; i++ {
		fmt.Println("i =", i)
		check(i)
	}
	fmt.Println("not reached")
}
