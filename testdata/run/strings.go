// run

package main

import "fmt"

func main() {
	s := "hello"
	t := s + ", " + "world"
	fmt.Println(t, len(t), t[0], t[len(t)-1])
	fmt.Println(t[1:4], t[:5], t[7:], t[:])
	fmt.Println(s == "hello", s < "help", s > "hell", "" < "a")
	u := ""
	for i := 0; i < 5; i++ {
		u += string(rune('a' + i))
	}
	fmt.Println(u)
	multi := `raw\nstring`
	fmt.Println(multi, len(multi))
	fmt.Println("tab\there", "quote\"", "nl\\n")
	var empty string
	fmt.Println(len(empty), empty == "")
	x := "héllo, 世界"
	fmt.Println(len(x), x[1], x[7:])
}
