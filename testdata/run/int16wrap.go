// run

package main

import "fmt"

func main() {
	var a int16 = 32767
	a++
	fmt.Println(a)
	var b int16 = -32768
	b--
	fmt.Println(b)
	var u uint16 = 65535
	u++
	fmt.Println(u)
	var m int16 = 300
	m *= 300
	fmt.Println(m)
	fmt.Println(int8(m), uint8(m), int16(int32(m)*1000))
	var s int16 = -7
	fmt.Println(s>>1, s/2, s%2, uint16(s)>>1)
}
