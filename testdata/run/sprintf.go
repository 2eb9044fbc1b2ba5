// run

package main

import "fmt"

func pad(n int) string { return fmt.Sprintf("[%4d]", n) }

func main() {
	s := fmt.Sprintf("%d-%s-%v", 7, "x", true)
	fmt.Println(s, len(s))
	t := fmt.Sprint("a", 1, 2, "b", 3.5)
	fmt.Println(t)
	u := fmt.Sprintln("x", 1, true)
	fmt.Print(u)
	fmt.Println(pad(3) + pad(-12) + pad(12345))
	var parts []string
	for i := 0; i < 3; i++ {
		parts = append(parts, fmt.Sprintf("item%02d", i))
	}
	fmt.Println(parts, len(parts))
	fmt.Println(fmt.Sprintf("%08.3f|%x|%q", 3.14159, -255, "é"))
}
