// run

package main

import "fmt"

func minmax(xs []int) (lo, hi int) {
	lo, hi = xs[0], xs[0]
	for _, x := range xs {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return
}

func counter(n int) (count int, sum int) {
	for i := 0; i < n; i++ {
		count++
		sum += i
	}
	return count, sum
}

func zero() (x int, s string, b bool, p *int) {
	return
}

func shadow() (r int) {
	r = 5
	{
		r := 10
		_ = r
	}
	return
}

func main() {
	fmt.Println(minmax([]int{4, -2, 9, 0, 7}))
	fmt.Println(counter(10))
	x, s, b, p := zero()
	fmt.Println(x, s == "", b, p == nil)
	fmt.Println(shadow())
}
