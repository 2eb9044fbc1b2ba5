// run

package main

import "fmt"

func matmul(a, b [][]int) [][]int {
	n := len(a)
	c := make([][]int, n)
	for i := range c {
		c[i] = make([]int, n)
		for j := 0; j < n; j++ {
			for k := 0; k < n; k++ {
				c[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return c
}

func main() {
	a := [][]int{{1, 2}, {3, 4}}
	b := [][]int{{5, 6}, {7, 8}}
	fmt.Println(matmul(a, b))
	tri := make([][]int, 6)
	for i := range tri {
		tri[i] = make([]int, i+1)
		tri[i][0], tri[i][i] = 1, 1
		for j := 1; j < i; j++ {
			tri[i][j] = tri[i-1][j-1] + tri[i-1][j]
		}
	}
	for _, row := range tri {
		fmt.Println(row)
	}
	jag := [][]string{{"a"}, {}, {"b", "c"}}
	fmt.Println(len(jag), len(jag[1]), jag)
}
