// errorcheck

package main

func f(a int, b) { // ERROR "syntax error: mixed named and unnamed parameters"
}

func main() {
	for i := 0; i < 10; i++ }  // ERROR "syntax error: unexpected }, expecting { after for clause"
}
