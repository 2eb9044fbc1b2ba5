// run

// make([]T, len, cap) with len > cap reports "cap out of range" (the len is fine, the cap
// is too small for it), a negative len "len out of range", whether the slice can live on
// the stack (constant small cap) or not.

package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	i, neg, big := 2, -1, 1<<20
	try("stack len>cap:", func() { s := make([]int, i, 1); s[0] = 1 })
	try("stack len<0:", func() { s := make([]int, neg, 3); s[0] = 1 })
	try("heap len>cap:", func() { s := make([]int, big, big-1); s[0] = 1 })
	try("heap len<0:", func() { s := make([]int, neg, big); s[0] = 1 })
	s := make([]int, i, 4)
	fmt.Println(len(s), cap(s))
}
