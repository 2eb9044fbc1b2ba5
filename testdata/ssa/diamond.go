// ssa -func main.pick -pass mem2reg

// An if/else that assigns a variable on both arms: one phi at the join, with one argument
// per predecessor, each labelled with its block.

package main

func pick(c bool, a, b int) int {
	var x int
	if c {
		x = a * 2
	} else {
		x = b + 1
	}
	return x
}

func main() {
	println(pick(true, 1, 2))
}

// CHECK-LABEL: == pass mem2reg: func main.pick(c bool, a int, b int) int ==
// CHECK: if v{{[0-9]+}} -> b{{[0-9]+}} b{{[0-9]+}}
// CHECK: mul <int>
// CHECK: add <int>
// CHECK: = phi <int> x [b{{[0-9]+}}: v{{[0-9]+}}] [b{{[0-9]+}}: v{{[0-9]+}}]
// CHECK-NEXT: ret v
