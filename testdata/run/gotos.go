// run

package main

import "fmt"

func collatz(n int) int {
	steps := 0
top:
	if n == 1 {
		return steps
	}
	steps++
	if n%2 == 0 {
		n /= 2
		goto top
	}
	n = 3*n + 1
	goto top
}

func main() {
	fmt.Println(collatz(27), collatz(1), collatz(6))
	i := 0
again:
	fmt.Print(i, " ")
	i++
	if i < 5 {
		goto again
	}
	fmt.Println()
	goto end
end:
	fmt.Println("end")
}
