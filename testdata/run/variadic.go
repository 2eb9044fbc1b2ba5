// run

package main

import "fmt"

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func count(prefix string, xs ...string) string {
	s := prefix
	for i := range xs {
		s += xs[i]
	}
	return s
}

func nargs(xs ...int) int { return len(xs) }

func isNil(xs ...int) bool { return xs == nil }

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3, 4, 5))
	nums := []int{10, 20, 30}
	fmt.Println(sum(nums...))
	fmt.Println(count("p:"), count("p:", "a", "b", "c"))
	fmt.Println(nargs(), nargs(1, 2), nargs(nums...))
	fmt.Println(isNil(), isNil(1))
	nums2 := nums[:2]
	fmt.Println(sum(nums2...))
}
