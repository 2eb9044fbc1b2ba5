// run

// A failed type assertion without comma-ok panics with gc's interface-conversion text;
// the comma-ok form does not.

package main

import "fmt"

type I interface{ M() }

type T struct{}

func (T) M() {}

func main() {
	var x any = "hello"
	n, ok := x.(int)
	fmt.Println(n, ok)
	var i I = T{}
	_, ok = i.(interface{ N() })
	fmt.Println(ok)
	fmt.Println(x.(int))
}
