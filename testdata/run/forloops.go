// run

package main

import "fmt"

func main() {
	sum := 0
	for i := 0; i < 10; i++ {
		sum += i
	}
	fmt.Println(sum)
	n := 1
	for n < 1000 {
		n *= 3
	}
	fmt.Println(n)
	k := 0
	for {
		k++
		if k == 5 {
			continue
		}
		if k > 8 {
			break
		}
		fmt.Print(k, " ")
	}
	fmt.Println()
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Print(i, ":", j, " ")
	}
	fmt.Println()
	arr := [3]string{"a", "b", "c"}
	for i := range arr {
		fmt.Print(i)
	}
	for _, v := range arr {
		fmt.Print(v)
	}
	for range arr {
		fmt.Print(".")
	}
	fmt.Println()
	s := []int{1, 2, 3}
	for i, v := range s {
		s = append(s, v*10)
		_ = i
	}
	fmt.Println(s)
}
