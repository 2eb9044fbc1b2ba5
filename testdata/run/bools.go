// run

package main

import "fmt"

var calls int

func t(s string) bool { calls++; fmt.Print(s, " "); return true }
func f(s string) bool { calls++; fmt.Print(s, " "); return false }

func main() {
	fmt.Println(t("a") && f("b") && t("c"))
	fmt.Println(f("a") || t("b") || t("c"))
	fmt.Println(f("a") && t("b"), t("a") || f("b"))
	fmt.Println(!t("x"), calls)
	a, b := true, false
	fmt.Println(a == b, a != b, !a == b, a && !b)
	type flag bool
	var fl flag = 3 > 2
	fmt.Println(fl)
}
