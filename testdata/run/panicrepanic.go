// run

// A runtime error recovered as a runtime.Error and returned as an error; then a panic
// raised by a deferred call while panicking, which Go prints in its nested form.

package main

import (
	"fmt"
	"runtime"
)

func index(s []int, i int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			re, ok := r.(runtime.Error)
			fmt.Println("recovered:", ok, re.Error())
			err = re
		}
	}()
	return fmt.Errorf("value %d", s[i])
}

func main() {
	fmt.Println(index([]int{1, 2, 3}, 1))
	fmt.Println(index([]int{1, 2, 3}, 5))
	defer func() {
		panic("second")
	}()
	panic("first")
}
