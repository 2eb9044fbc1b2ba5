// errorcheck -0 -m -l

// Escape analysis of arrays: arrays of pointers, array values copied, pointers to arrays.

package escape

var gp *int
var ga *[4]int

func arrOfPtrs() *int {
	x := 1 // ERROR "moved to heap: x$"
	var a [2]*int
	a[0] = &x
	return a[0]
}

func arrOfPtrsLocal() int {
	x := 1
	var a [2]*int
	a[1] = &x
	return *a[1]
}

func arrPtrReturned() *[4]int {
	var a [4]int // ERROR "moved to heap: a$"
	return &a
}

func arrPtrSink() {
	var b [4]int // ERROR "moved to heap: b$"
	ga = &b
}

func arrCopy(a [4]int) [4]int {
	b := a
	b[0] = 1
	return b
}

func arrParamPtr(a *[4]int) int { // ERROR "a does not escape$"
	return a[0] + a[3]
}

func arrParamLeak(a *[4]int) { // ERROR "leaking param: a$"
	ga = a
}

func arrElemLeak(a *[4]int) *int { // ERROR "leaking param: a to result ~r0 level=0$"
	return &a[2]
}

func arrLit() int {
	p := &[3]int{1, 2, 3} // ERROR "&\[3\]int{...} does not escape$"
	return p[1]
}

func arrLitEscapes() *[3]int {
	return &[3]int{4, 5, 6} // ERROR "&\[3\]int{...} escapes to heap$"
}

func nested() int {
	var m [2][2]*int
	y := 7 // ERROR "moved to heap: y$"
	m[1][1] = &y
	gp = m[1][1]
	return 0
}
