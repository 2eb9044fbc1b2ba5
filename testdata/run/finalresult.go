// run

// A finalizer may return results, which are discarded; big ones (here 2000 bytes) come
// back through a hidden pointer in gosub's calling convention, so the runtime must give
// them room when it calls the finalizer.

package main

import (
	"fmt"
	"runtime"
)

type A struct{ n int }

var ran []int

func final(a *A) (unused [250]int) {
	ran = append(ran, a.n)
	unused[249] = a.n
	return
}

func finalPair(a *A) (int, [100]string) {
	ran = append(ran, -a.n)
	return 0, [100]string{}
}

//go:noinline
func mk(i int) {
	a := &A{i}
	if i%2 == 0 {
		runtime.SetFinalizer(a, final)
	} else {
		runtime.SetFinalizer(a, finalPair)
	}
}

func main() {
	for i := 0; i < 10; i++ {
		mk(i)
	}
	for i := 0; i < 5 && len(ran) < 8; i++ {
		runtime.GC()
	}
	fmt.Println("finalizers ran:", len(ran) >= 8)
}
