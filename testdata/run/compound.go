// run

package main

import "fmt"

func main() {
	x := 10
	x += 5
	x -= 3
	x *= 4
	x /= 6
	x %= 5
	fmt.Println(x)
	y := 0xF0
	y &= 0x3C
	y |= 0x01
	y ^= 0xFF
	y <<= 2
	y >>= 1
	y &^= 0x0F
	fmt.Println(y)
	s := "a"
	s += "b"
	fmt.Println(s)
	arr := []int{1, 2, 3}
	arr[1] += 10
	arr[2]++
	arr[0]--
	fmt.Println(arr)
	f := 1.5
	f *= 2
	f -= 0.5
	fmt.Println(f)
	type S struct{ n int }
	v := S{}
	p := &v
	p.n += 3
	p.n++
	fmt.Println(v.n)
}
