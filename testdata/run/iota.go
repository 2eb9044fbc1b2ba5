// run

package main

import "fmt"

const (
	A = iota
	B
	C
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const (
	X, Y = iota, iota * 10
	Z, W
)

type Color int

const (
	Red Color = iota + 1
	Green
	_
	Blue
)

const (
	f0 = iota * iota
	f1
	f2
	f3 = "skip"
	f4 = iota
)

func main() {
	fmt.Println(A, B, C)
	fmt.Println(KB, MB, GB)
	fmt.Println(X, Y, Z, W)
	fmt.Println(Red, Green, Blue)
	fmt.Println(f0, f1, f2, f3, f4)
}
