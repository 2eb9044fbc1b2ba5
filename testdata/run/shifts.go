// run

package main

import "fmt"

func main() {
	x := 1
	for _, s := range []uint{0, 1, 31, 32, 63, 64, 65, 200} {
		fmt.Println(s, x<<s, -8>>(s%8), uint32(1)<<s, int8(-128)>>s)
	}
	var y int64 = -1
	fmt.Println(y>>63, y>>100, uint64(y)>>60)
	var z uint8 = 0x81
	fmt.Println(z<<1, z>>1, z<<7, z>>7, z<<8)
	n := 3
	fmt.Println(1<<n, 1024>>n, int16(1)<<(n*5))
}
