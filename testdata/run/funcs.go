// run

package main

import "fmt"

func add(a, b int) int { return a + b }

func fact(n int) int {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func isEven(n int) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

func noResult(s string) {
	fmt.Println("noResult:", s)
}

func early(x int) string {
	if x < 0 {
		return "negative"
	}
	if x == 0 {
		return "zero"
	}
	return "positive"
}

func main() {
	fmt.Println(add(2, 3), fact(10), fact(20))
	fmt.Println(isEven(10), isOdd(7), isEven(7))
	noResult("called")
	fmt.Println(early(-5), early(0), early(5))
	var f int = add(add(1, 2), add(3, 4))
	fmt.Println(f)
}
