// errorcheck

package main

func main() {
	var a int = 1
	var b int64 = 2
	var s string = "s"
	var f float64 = 1.5
	_ = a + b // ERROR "invalid operation: a \+ b \(mismatched types int and int64\)"
	_ = s + a // ERROR "invalid operation: s \+ a \(mismatched types string and int\)"
	_ = f * a // ERROR "mismatched types float64 and int"
	_ = a == s // ERROR "invalid operation: a == s \(mismatched types int and string\)"
	_ = !a // ERROR "invalid operation: operator ! not defined on a \(variable of type int\)"
	_ = -s // ERROR "invalid operation: operator - not defined on s \(variable of type string\)"
	if a { // ERROR "non-boolean condition in if statement"
	}
}
