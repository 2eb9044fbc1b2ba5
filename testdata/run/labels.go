// run

package main

import "fmt"

func main() {
outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j == 2 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
	count := 0
loop:
	for {
		switch {
		case count > 3:
			break loop
		default:
			count++
		}
	}
	fmt.Println("count", count)
rows:
	for _, row := range [][]int{{1, 2}, {3, -1, 4}, {5}} {
		for _, x := range row {
			if x < 0 {
				fmt.Println("negative, skip row")
				continue rows
			}
			fmt.Println("x", x)
		}
	}
}
