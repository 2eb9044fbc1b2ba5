// run

package main

import "fmt"

func main() {
	var a int32 = 2147483647
	a++
	fmt.Println(a)
	var b int32 = -2147483648
	fmt.Println(-b, b/-1, b-1)
	var u uint32 = 4294967295
	u++
	fmt.Println(u)
	u--
	fmt.Println(u, u*u, u+u)
	var h uint32 = 2166136261
	for _, c := range []byte("hash me") {
		h ^= uint32(c)
		h *= 16777619
	}
	fmt.Println(h)
	var r rune = 'z'
	fmt.Println(r+1, int32(r)<<24)
}
