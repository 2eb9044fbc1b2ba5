// run

package main

import "fmt"

func main() {
	a, b := 17, 5
	fmt.Println(a+b, a-b, a*b, a/b, a%b)
	fmt.Println(-a/b, -a%b, a/-b, a%-b)
	fmt.Println(a&b, a|b, a^b, a&^b, ^a)
	var u uint = 17
	fmt.Println(u/5, u%5, ^u)
	var i8 int8 = -7
	var u16 uint16 = 40000
	var i32 int32 = -100000
	var u64 uint64 = 1 << 40
	var up uintptr = 4096
	fmt.Println(i8, u16, i32, u64, up)
	fmt.Println(int(i8)+int(u16), int64(i32)*2, uint32(u64>>20))
	fmt.Println(0x7f, 0o17, 0b1011, 1_000_000, 'x')
	var bt byte = 'A'
	fmt.Println(bt, bt+1)
}
