// errorcheck

package main

type T struct{ x int }

func two() (int, int) { return 1, 2 }

func main() {
	var i int
	var s string
	var p *int
	i = "hello" // ERROR "cannot use \x22hello\x22 \(untyped string constant\) as int value in assignment"
	s = i // ERROR "cannot use i \(variable of type int\) as type string in assignment"
	p = &s // ERROR "cannot use &s \(value of type \*string\) as type \*int in assignment"
	var t T = 5 // ERROR "cannot use 5 \(untyped int constant\) as T value in variable declaration"
	i = 1.5 // ERROR "cannot use 1.5 \(untyped float constant\) as int value in assignment \(truncated\)"
	a, b := 1 // ERROR "assignment mismatch: 2 variables but 1 value"
	c := two() // ERROR "assignment mismatch: 1 variable but two returns 2 values"
	_, _, _ = a, b, c
	_, _, _ = two() // ERROR "assignment mismatch: 3 variables but two returns 2 values"
	_, _ = p, t
}
