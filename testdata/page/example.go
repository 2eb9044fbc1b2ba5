package main

type point struct{ x, y int }

func sum(xs []int) *int {
	total := 0
	p := &point{1, 2}
	for i := 0; i < len(xs); i++ {
		if xs[i] > p.x {
			total += xs[i]
		}
	}
	r := new(int)
	*r = total
	return r
}

func main() {
	println(*sum([]int{1, 2, 3}))
}
