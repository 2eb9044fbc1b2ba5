// ssa -func main.sum -pass mem2reg

// A counted loop: mem2reg puts phis for total and i at the loop header, and no variable
// reads or writes remain.

package main

func sum(xs []int) int {
	total := 0
	for i := 0; i < len(xs); i++ {
		total += xs[i]
	}
	return total
}

func main() {
	println(sum([]int{1, 2, 3}))
}

// CHECK-LABEL: == pass mem2reg: func main.sum(xs []int) int ==
// CHECK-NOT: getvar
// CHECK-NOT: setvar
// CHECK: b1:
// CHECK: param <[]int> [0] xs
// CHECK-DAG: = phi <int> total [b{{[0-9]+}}: v{{[0-9]+}}] [b{{[0-9]+}}: v{{[0-9]+}}]
// CHECK-DAG: = phi <int> i [b{{[0-9]+}}: v{{[0-9]+}}] [b{{[0-9]+}}: v{{[0-9]+}}]
// CHECK: ret v
// CHECK-NOT: getvar
// CHECK-NOT: setvar
