package main

import "fmt"

func f(a complex128, b float64) complex128 { return a*a + complex(b, -b) }

func main() {
	var c complex128 = 1 + 2i
	d := f(c, 3)
	fmt.Println(c, d, real(d), imag(d))
	var e complex64 = complex64(d) / 2
	fmt.Println(e, c == d, -c)
	println(c)
	x := 1.5
	fmt.Println(complex(x, x) / complex(0.5, 0))
	fmt.Printf("%v %.2f\n", c*c, d)
}
