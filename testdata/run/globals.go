// run

package main

import "fmt"

var (
	total   = compute()
	base    = 10
	names   = []string{"a", "b"}
	counter int
	table   [4]int
	ptr     *int
)

func compute() int { return base * 2 }

func init() {
	counter = 100
	table[2] = 7
	fmt.Println("init 1", total, counter)
}

func init() {
	counter++
	ptr = &counter
	fmt.Println("init 2", counter)
}

func bump() { counter++ }

func main() {
	bump()
	bump()
	fmt.Println(total, base, names, counter, table, *ptr)
	*ptr = 5
	fmt.Println(counter)
}
