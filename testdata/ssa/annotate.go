// ssa -func main.g -pass mem2reg -annotate

// -annotate prints each block's immediate dominator and dominance frontier.

package main

func g(n int) int {
	s := 0
	for n > 0 {
		if n%2 == 0 {
			s += n
		}
		n--
	}
	return s
}

func main() {
	println(g(10))
}

// CHECK-LABEL: == pass mem2reg: func main.g(n int) int ==
// CHECK: b1: entry
// CHECK: b{{[0-9]+}}: preds {{.*}}; idom b1, frontier {{[{]}}
// CHECK: phi <int> s
// CHECK: ret v
