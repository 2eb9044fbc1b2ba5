// errorcheck

package main

func main() {
	x := 1
	else { // ERROR "syntax error: unexpected else, expecting }"
	}
}

func g() {
	var 1x int // ERROR "syntax error: unexpected literal 1, expecting name"
}
