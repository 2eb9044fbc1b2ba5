// run

package main

import "fmt"

func name(n int) string {
	switch n {
	case 0:
		return "zero"
	case 1, 2, 3:
		return "small"
	case 4:
	default:
		return "big"
	}
	return "four"
}

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

func main() {
	for i := 0; i < 7; i++ {
		fmt.Println(i, name(i))
	}
	fmt.Println(sign(-9), sign(0), sign(9))
	switch s := "go"; s + "lang" {
	case "golang":
		fmt.Println("matched golang")
	case "go":
		fmt.Println("no")
	}
	x := 5
	switch y := x * 2; {
	case y > 8:
		fmt.Println("y > 8")
		if y == 10 {
			break
		}
		fmt.Println("not printed")
	}
	switch {
	}
	var c byte = 'b'
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		fmt.Println("vowel")
	default:
		fmt.Println("consonant")
	}
}
