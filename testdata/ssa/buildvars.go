// ssa -func main.count -pass build

// Before mem2reg, local variables are read and written with getvar/setvar, one location
// per variable (the form escape analysis works on).

package main

func count(n int) int {
	c := 0
	for i := 0; i < n; i++ {
		c += i
	}
	return c
}

func main() {
	println(count(4))
}

// CHECK-LABEL: == pass build: func main.count(n int) int ==
// CHECK-DAG: setvar {{.*}}c
// CHECK-DAG: setvar {{.*}}i
// CHECK-DAG: getvar <int> {{.*}}c
// CHECK: ret v
// CHECK-NOT: phi
