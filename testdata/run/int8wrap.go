// run

package main

import "fmt"

func main() {
	var a int8 = 127
	a++
	fmt.Println(a)
	var b int8 = -128
	b--
	fmt.Println(b)
	var c int8 = 100
	c *= 3
	fmt.Println(c)
	var d int8 = -128
	fmt.Println(-d, d/-1, d%-1)
	var u uint8 = 0
	u--
	fmt.Println(u)
	u = 200
	u += 100
	fmt.Println(u)
	var e uint8 = 15
	fmt.Println(e<<4, e<<5, ^e)
	var f int8 = -1
	fmt.Println(uint8(f), int8(uint8(f)>>1))
}
