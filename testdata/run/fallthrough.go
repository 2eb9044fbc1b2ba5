// run

package main

import "fmt"

func grade(n int) {
	switch {
	case n >= 90:
		fmt.Print("A ")
		fallthrough
	case n >= 80:
		fmt.Print("B-or-better ")
		fallthrough
	case n >= 70:
		fmt.Print("passed ")
	case n >= 0:
		fmt.Print("failed ")
		fallthrough
	default:
		fmt.Print("done")
	}
	fmt.Println()
}

func main() {
	grade(95)
	grade(85)
	grade(75)
	grade(10)
	grade(-1)
	switch x := 2; x {
	case 1:
		fmt.Println(1)
	case 2:
		fmt.Println(2)
		fallthrough
	case 3:
		fmt.Println(3)
		fallthrough
	default:
		fmt.Println("default")
	}
}
