// run

package main

import "fmt"

var x = "package"

func show() string { return x }

func main() {
	fmt.Println(x)
	x := "main"
	fmt.Println(x, show())
	{
		x := "block"
		fmt.Println(x)
	}
	for x := 0; x < 2; x++ {
		fmt.Println("loop", x)
	}
	if x := 3.5; x > 1 {
		fmt.Println("if", x)
	}
	fmt.Println(x)
	fmt := 7
	_ = fmt
	println("fmt shadowed", fmt)
}
