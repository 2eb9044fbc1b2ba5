// ssa -func main.f -pass cse

// cse: a*b and b*a are one value (mul is commutative); a*b in the loop body reuses the
// one in the entry block, which dominates it; the second const 1 goes too.

package main

func f(a, b int) int {
	x := a*b + 1
	y := b*a + 1
	if a > 0 {
		return x + y
	}
	for i := 0; i < 3; i++ {
		x += a * b
	}
	return x
}

func main() {
	println(f(2, 3))
}
