// errorcheck

package main

func one(a int) int         { return a }
func two(a int, b string)   {}
func vari(a int, b ...int)  {}
func res() (int, int)       { return 1, 2 }

func main() {
	one() // ERROR "not enough arguments in call to one\n\thave \(\)\n\twant \(int\)"
	one(1, 2) // ERROR "too many arguments in call to one\n\thave \(number, number\)\n\twant \(int\)"
	two(1) // ERROR "not enough arguments in call to two"
	two("a", 1) // ERROR "cannot use \x22a\x22 \(untyped string constant\) as int value in argument to two" "cannot use 1 \(untyped int constant\) as string value in argument to two"
	vari() // ERROR "not enough arguments in call to vari"
	one(res()) // ERROR "too many arguments in call to one"
	x := one // ok
	_ = x
	return 1 // ERROR "too many return values"
}

func r() int {
	return // ERROR "not enough return values\n\thave \(\)\n\twant \(int\)"
}
