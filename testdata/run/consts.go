// run

package main

import "fmt"

const big = 1 << 100
const small = big >> 98
const pi = 3.14159265358979323846
const greeting = "hi" + " " + "there"

type Weekday int

const (
	a = 1
	b
	c = "s"
	d
)

const typed int8 = 100
const mask uint8 = ^uint8(0)

func main() {
	fmt.Println(small, big/(big>>3))
	fmt.Println(pi, float32(pi))
	fmt.Println(greeting, len(greeting))
	fmt.Println(a, b, c, d)
	fmt.Println(typed, mask)
	var f float64 = 1 / 3.0
	var i int = 7 / 2
	fmt.Println(f, i, 7.0/2)
	const x = 'a' + 1
	fmt.Println(x, string(rune(x)))
	var w Weekday = 3
	fmt.Println(w * 2)
}
