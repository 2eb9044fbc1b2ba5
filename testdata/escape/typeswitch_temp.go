// escgolden -m=2 -l

// A type switch evaluates its guard operand into a temporary unless it is a plain
// variable: -m=2 then shows "{temp} = *vs" and "x = {temp}" where a plain v flows
// straight into x. The golden is gc's output.

package main

var sink interface{}
var isink *int

func f(v interface{}) {
	switch x := v.(type) {
	case *int:
		isink = x
	}
}

func g(vs []interface{}) {
	switch x := vs[0].(type) {
	case *int:
		isink = x
	default:
		sink = x
	}
}

func main() {
	f(nil)
	g(nil)
}
