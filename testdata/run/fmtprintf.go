// run

package main

import "fmt"

type P struct{ X, Y int }

func main() {
	fmt.Printf("%d %5d %-5d| %05d %+d %x %X %o %b\n", 42, 42, 42, 42, 42, 255, 255, 8, 5)
	fmt.Printf("%s|%10s|%-10s|%q\n", "go", "right", "left", "quo\"te")
	fmt.Printf("%v %v %v %v\n", 1, "s", 2.5, false)
	fmt.Printf("%t %c\n", true, 'G')
	fmt.Printf("%f %.2f %8.3f %e %g %g\n", 3.14159, 3.14159, 3.14159, 123456.789, 1e-7, 100.0)
	fmt.Printf("%v %+v\n", P{1, 2}, P{1, 2})
	fmt.Printf("%v %d %s\n", []int{1, 2, 3}, []int{4, 5}, []string{"x", "y"})
	fmt.Printf("%x %X % x\n", "hi", []byte("hi"), "abc")
	fmt.Printf("%%|%3c|%-4q|\n", 'z', 'z')
	fmt.Printf("%d%%\n", 50)
}
