// ssa -pass sccp -func main.loopconst

// Sparse conditional constant propagation (Wegman and Zadeck 1991) finds what constfold
// cannot: x enters the loop as 1 and is only changed behind `x != 1`, so its phi meets
// 1 and 1 (the branch to b6 never becomes executable): x is the constant 1, the
// condition is false, b6 goes and the phi of x in b7 becomes a constant too. constfold,
// one operation at a time, leaves the loop as it was (the golden of -pass constfold would
// still hold both phis of x).

package main

func loopconst(n int) int {
	x := 1
	s := 0
	for i := 0; i < n; i++ {
		if x != 1 {
			x = 2
		}
		s += x
	}
	return s
}

func main() {
	println(loopconst(5))
}
