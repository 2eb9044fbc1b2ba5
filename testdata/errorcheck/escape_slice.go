// errorcheck -0 -m -l

// Escape analysis of slices, arrays and make: backing arrays, appends, slicing arrays.

package escape

var gslice []int
var gptr *int

func makeLocal() int {
	s := make([]int, 10) // ERROR "make\(\[\]int, 10\) does not escape$"
	return len(s)
}

func makeReturned() []int {
	return make([]int, 10) // ERROR "make\(\[\]int, 10\) escapes to heap$"
}

func makeVarLen(n int) int {
	s := make([]int, n) // ERROR "make\(\[\]int, n\) escapes to heap$"
	return len(s)
}

func makeBig() int {
	s := make([]byte, 100000) // ERROR "make\(\[\]byte, 100000\) escapes to heap$"
	return len(s)
}

func literalLocal() int {
	s := []int{1, 2, 3} // ERROR "\[\]int{...} does not escape$"
	return s[0]
}

func literalSink() {
	gslice = []int{4, 5, 6} // ERROR "\[\]int{...} escapes to heap$"
}

func sliceOfArray() []int {
	var a [4]int // ERROR "moved to heap: a$"
	return a[:]
}

func arrayLocal() int {
	var a [4]int
	s := a[1:3]
	return s[0]
}

func appendParam(s []int) []int { // ERROR "leaking param: s to result ~r0 level=0$"
	return append(s, 1)
}

func appendLocal() int {
	var s []int
	for i := 0; i < 10; i++ {
		s = append(s, i)
	}
	return len(s)
}

func elemAddr(s []int) *int { // ERROR "leaking param: s to result ~r0 level=0$"
	return &s[0]
}

func sum(s []int) int { // ERROR "s does not escape$"
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func storeElem(s []*int, p *int) { // ERROR "s does not escape$" "leaking param: p$"
	s[0] = p
}

func leakElem(s []*int) { // ERROR "leaking param content: s$"
	gptr = s[0]
}

func arrayValue(a [3]*int) *int { // ERROR "leaking param: a to result ~r0 level=0$"
	return a[1]
}

func newArray() *[8]int {
	return new([8]int) // ERROR "new\(\[8\]int\) escapes to heap$"
}

func newLocal() int {
	p := new(int) // ERROR "new\(int\) does not escape$"
	*p = 3
	return *p
}

func newSink() {
	gptr = new(int) // ERROR "new\(int\) escapes to heap$"
}
