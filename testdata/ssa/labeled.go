// ssa -func main.find -pass phielim

// Labeled break and continue out of an inner loop.

package main

func find(m [][]int, x int) (int, int) {
	r, c := -1, -1
outer:
	for i := 0; i < len(m); i++ {
		for j := 0; j < len(m[i]); j++ {
			if m[i][j] < 0 {
				continue outer
			}
			if m[i][j] == x {
				r, c = i, j
				break outer
			}
		}
	}
	return r, c
}

func main() {
	r, c := find([][]int{{1, 2}, {3, 4}}, 4)
	println(r, c)
}
