// errorcheck

package main

func f() int {
	return y // ERROR "undefined: y"
}

func main() {
	x := 1
	_ = x
	undefinedFunc() // ERROR "undefined: undefinedFunc"
	var t T // ERROR "undefined: T"
	_ = t
	x.field = 2 // ERROR "x.field undefined \(type int has no field or method field\)"
	_ = f()
}
