// errorcheck

package main

type S struct{ a int }

func main() {
	break // ERROR "break is not in a loop, switch, or select"
	for {
		continue
	}
	var n int
	_ = *n // ERROR "invalid operation: cannot indirect n \(variable of type int\)"
	var s S
	_ = s.b // ERROR "s.b undefined \(type S has no field or method b\)"
	_ = S{1, 2} // ERROR "too many values in S{…}"
	_ = S{c: 1} // ERROR "unknown field 'c' in struct literal of type S"
	var arr [3]int
	_ = arr[5] // ERROR "invalid argument: index 5 out of bounds \[0:3\]"
	_ = len(5) // ERROR "invalid argument: 5 \(untyped int constant\) for len"
	n() // ERROR "invalid operation: cannot call non-function n \(variable of type int\)"
	goto missing // ERROR "label missing not defined"
unused: // ERROR "label unused defined and not used"
}
