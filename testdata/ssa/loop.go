// ssa -pass mem2reg -func loop -annotate

package main

// Three phis after mem2reg: s at the loop header, s at the if-join, i at the loop
// header. i is not redefined in the if, so the join gets no phi for it.
func loop(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			s += i
		} else {
			s -= 1
		}
	}
	return s
}

func main() {
	println(loop(10))
}
