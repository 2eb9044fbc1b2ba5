// run

// Assigning to a nil map panics with Go's message; reading one is fine.

package main

import "fmt"

func main() {
	var m map[string]int
	fmt.Println(m["x"], len(m))
	v, ok := m["y"]
	fmt.Println(v, ok)
	m["z"] = 1
	fmt.Println("unreachable")
}
