// ssa -func main.k -pass constfold

// Constant folding after mem2reg: arithmetic on constants becomes one constant.

package main

func k() int {
	a := 6
	b := 7
	c := a * b
	return c - 2
}

func main() {
	println(k())
}

// CHECK-LABEL: == pass constfold: func main.k() int ==
// CHECK: const <int> [40]
// CHECK-NOT: mul
// CHECK: ret v
