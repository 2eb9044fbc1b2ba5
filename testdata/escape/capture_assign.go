// escgolden -m=2 -l

// Closures capture by reference the variables assigned after their declaration, and gc
// counts assignments to a field or an element (x.v++, z[1] = 2) and the range
// statement's own assignments (one variable per loop in Go 1.19) as such: -m=2 says
// "capturing by ref: x (addr=false assign=true width=8)". The golden is gc's output.

package main

type X struct{ v int }

func fields() {
	var x X
	func() {
		x.v++
	}()
	var z [3]int
	func() {
		z[1] = 2
	}()
	println(x.v, z[1])
}

func ranges() {
	var g func() int
	for i := range [2]int{} {
		if i == 0 {
			g = func() int {
				return i
			}
		}
	}
	println(g())
	var h func() int
	for i := 0; i < 2; i++ {
		if i == 0 {
			h = func() int { return i }
		}
	}
	println(h())
	for _, v := range []int{1} {
		func() { println(v) }()
	}
}

func main() {
	fields()
	ranges()
}
