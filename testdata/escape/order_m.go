// escgolden -m -l

// The order of gc's -m lines: gc prints each line when it makes it, so they are not
// sorted by position. Per batch: the parameters' summaries, then "moved to heap" for the
// variables of the function and of its literals, then the allocations in pre-order (an
// expression before its operands: the box of a call's result before the call's
// "... argument" slice, the slice before the conversions of its elements, a literal's
// allocations right after the literal). Devirtualized calls are reported before
// everything else. The golden is gc's output.

package main

import "fmt"

var sink interface{}
var sinkp **int

type I interface{ M() *int }
type T struct{ p *int }

func (t T) M() *int { return t.p }

func viaIface() *int {
	var i I = T{}
	return i.M()
}

func closureParam() {
	x := 0
	func(p *int) {
		sinkp = &p
	}(&x)
}

func boxedSprintf(n int) {
	sink = fmt.Sprintf("n=%d %d", n, n+1)
}

func dddElems(a int32, s string) {
	c := &a
	fmt.Println(a, s, c)
}

func concatThenCall(s string) string {
	t := s + "YYYY"
	return keep(t)
}

func keep(a ...string) string {
	return func() string {
		return a[0]
	}()
}

func main() {
	fmt.Println(*viaIface())
	closureParam()
	boxedSprintf(1)
	dddElems(1, "a")
	fmt.Println(concatThenCall("s"))
}
