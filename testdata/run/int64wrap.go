// run

package main

import "fmt"

func main() {
	var a int64 = 9223372036854775807
	a++
	fmt.Println(a)
	var b int64 = -9223372036854775808
	fmt.Println(-b, b/-1, b%-1, b-1)
	var u uint64 = 18446744073709551615
	u++
	fmt.Println(u)
	u--
	fmt.Println(u, u/3, u>>63)
	var i int = 1 << 62
	fmt.Println(i*2, i*4)
	var x uint = 1
	for k := 0; k < 70; k += 7 {
		fmt.Println(k, x<<uint(k))
	}
	var h uint64 = 14695981039346656037
	for _, c := range []byte("fnv") {
		h ^= uint64(c)
		h *= 1099511628211
	}
	fmt.Println(h, int64(h))
}
