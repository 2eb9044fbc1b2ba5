// run

package main

import "fmt"

func main() {
	x := 1.5
	y := 0.1
	fmt.Println(x+y, x-y, x*y, x/y)
	fmt.Println(0.1+0.2, 1e100, 1e-7, 123456789.0, 1.0)
	var f float32 = 0.1
	var g float32 = 16777216
	fmt.Println(f, f*3, g+1, float64(f))
	zero := 0.0
	fmt.Println(1/zero, -1/zero, zero/zero == zero/zero)
	fmt.Println(-zero, 3.0 > 2.5, x == 1.5)
	var h float64 = 2
	for i := 0; i < 5; i++ {
		h = h*h + 0.5
	}
	fmt.Println(h)
	fmt.Printf("%.3f %e %g %v\n", 3.14159, 1234.5678, 0.000012, float32(2.5))
}
