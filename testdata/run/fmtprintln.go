// run

package main

import "fmt"

type T struct {
	A int
	B string
	C []int
	D *int
}

func main() {
	fmt.Println(1, "two", 3.0, true, nil)
	fmt.Println(int8(-1), uint16(65535), int64(-1<<63), uint64(1<<64-1))
	fmt.Println(float32(0.1), 0.1, 1e21, 1e20, 1e-5, 100.0)
	fmt.Println([]int{1, 2}, [2]bool{true}, []string{"a", "b"}, []byte("hi"))
	fmt.Println(T{1, "x", []int{3}, nil})
	fmt.Println(struct{}{}, [0]int{}, []int(nil))
	fmt.Println('a', "a"[0], rune(-1))
	fmt.Print("a", "b", 1, 2, "c\n")
	fmt.Print(1, 2, "\n")
	n, err := fmt.Println("counted")
	fmt.Println(n, err)
	fmt.Println()
}
