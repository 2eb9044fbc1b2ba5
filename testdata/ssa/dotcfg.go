// ssa -func main.loop -dot cfg

// The CFG as Graphviz DOT: one box per block with its values; the loop's back edge is
// bold red.

package main

func loop(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	return s
}

func main() {
	println(loop(3))
}
