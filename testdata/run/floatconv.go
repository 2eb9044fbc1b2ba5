// run

package main

import "fmt"

func main() {
	f := 3.99
	fmt.Println(int(f), int(-f), int64(f*100), uint8(f))
	i := 7
	fmt.Println(float64(i)/2, float32(i)/3)
	var big int64 = 1 << 53
	fmt.Println(float64(big+1), int64(float64(big+1)))
	var u uint64 = 1<<63 + 12345
	fmt.Println(float64(u), uint64(float64(u)))
	g := float32(1) / 3
	fmt.Println(g, float64(g), float32(float64(g)))
	h, k := -0.5, 0.9999
	fmt.Println(int32(2147483647.0), int(h), int(k))
}
