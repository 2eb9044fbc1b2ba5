// run

package main

import "fmt"

func main() {
	s := "aé世!"
	for i, r := range s {
		fmt.Println(i, r, string(r))
	}
	for i := 0; i < len(s); i++ {
		fmt.Print(s[i], " ")
	}
	fmt.Println()
	b := []byte(s)
	fmt.Println(len(b), b)
	b[0] = 'A'
	fmt.Println(string(b), s)
	r := []rune(s)
	fmt.Println(len(r), r, string(r[2]))
	var c byte = 'z'
	var d rune = '世'
	fmt.Println(c, d, string(c), string(d))
	bad := "\xff"
	for _, r := range bad {
		fmt.Println(r)
	}
	fmt.Println(string(rune(65)), string([]byte{104, 105}))
}
