// run

// complex(f()) with f returning both parts crashed the SSA builder (Go test
// fixedbugs/issue5793.go); copy(f()) and delete(f()) share its lowering.

package main

import "fmt"

func parts() (float64, float64) { return 5, 7 }

func slices() ([]int, []int) { return make([]int, 2), []int{8, 9, 10} }

func table() (map[string]int, string) { return map[string]int{"a": 1, "b": 2}, "a" }

func main() {
	c := complex(parts())
	fmt.Println(c, real(c), imag(c))
	fmt.Println(copy(slices()))
	m, _ := table()
	delete(table())
	fmt.Println(len(m))
}
