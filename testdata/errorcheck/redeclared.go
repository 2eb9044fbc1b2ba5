// errorcheck

package main

var v int
var v string // ERROR "v redeclared in this block\n\tLINE-1:5: other declaration of v"

func f() {}
func f() {} // ERROR "f redeclared in this block\n\tLINE-1:6: other declaration of f"

type T int
type T string // ERROR "T redeclared in this block"

func main() {
	x := 1
	x := 2 // ERROR "no new variables on left side of :="
	var y int
	var y int // ERROR "y redeclared in this block"
	_, _ = x, y
}
