// ssa -func main.f -pass mem2reg

// Allocation values carry escape analysis' verdict: x is returned by address (heap),
// y's address never leaves f (stack).

package main

func f() *int {
	x := 1
	y := 2
	p := &y
	*p += x
	return &x
}

func main() {
	println(*f())
}

// CHECK-LABEL: == pass mem2reg: func main.f() *int ==
// CHECK-DAG: alloc <*int> {{.*}}x{{.*}}@heap
// CHECK-DAG: alloc <*int> {{.*}}y{{.*}}@stack
