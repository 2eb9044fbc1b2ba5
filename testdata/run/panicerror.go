// run

package main

import "fmt"

func main() {
	x := 42
	fmt.Println("about to panic")
	panic(fmt.Sprintf("bad value %d", x))
}
