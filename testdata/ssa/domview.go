// ssa -func main.loop -d dom

// The dominance report: dominator tree, frontiers, each variable's definitions and DF+,
// every phi with the reason it was placed, and the renaming walk with the stacks.

package main

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
