// escgolden -m=2 -l

// The "... argument" slice of a variadic call: -m=2 explains an element's flow into it
// ("from ... argument (slice-literal-element)") and the slice's own flow into the callee
// ("from ... argument (spill)", then "(call parameter)"). The golden is gc's output.

package main

import "fmt"

type ent int

func conv(e ent) string {
	return fmt.Sprintf("%d", int(e))
}

func name(e int) string {
	return fmt.Sprintf("%d", e)
}

func expr(e int) string {
	return fmt.Sprint(e + 1)
}

func several(a, b int, s string) {
	fmt.Println(a, s, b*2)
}

func main() {
	println(conv(1), name(2), expr(3))
	several(1, 2, "x")
}
