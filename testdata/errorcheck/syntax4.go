// errorcheck

package main

import "fmt"

func main() {
	fmt.Println("a" "b") // ERROR "syntax error: unexpected literal \x22b\x22 in argument list; possibly missing comma or \)"
	x := [3]int{1, 2, 3 // ERROR "syntax error: unexpected newline in composite literal; possibly missing comma or }"
	}
}
