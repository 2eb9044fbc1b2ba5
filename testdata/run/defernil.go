// run

// defer x.M() evaluates the method value x.M at the defer statement: a nil interface
// panics there, before the call's arguments are evaluated and before the rest of the
// function runs; a deferred call of a nil func value panics only when it runs. A method
// value of a nil interface panics where it is made.

package main

import "fmt"

type Closer interface{ Close(int) }

func arg(s string) int {
	fmt.Println("arg evaluated:", s)
	return 0
}

func deferNilIface() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var x Closer
	defer x.Close(arg("iface"))
	fmt.Println("not reached")
}

func deferNilFunc() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var f func(int)
	defer f(arg("func"))
	fmt.Println("reached: a nil func value panics when the deferred call runs")
}

func methodValue() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var x Closer
	m := x.Close
	fmt.Println("not reached", m != nil)
}

func main() {
	deferNilIface()
	deferNilFunc()
	methodValue()
}
