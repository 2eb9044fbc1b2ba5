// binarytrees.go: the binary-trees benchmark's allocation pattern: many short-lived
// complete binary trees of 16-byte nodes, one long-lived tree, checksums printed.
// Usage: binarytrees [depth] (default 18). Last line: mallocs (runtime.MemStats.Mallocs).

package main

import (
	"fmt"
	"os"
	"runtime"
)

type Node struct {
	left, right *Node
}

func bottomUp(depth int) *Node {
	if depth <= 0 {
		return &Node{}
	}
	return &Node{bottomUp(depth - 1), bottomUp(depth - 1)}
}

func (n *Node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func main() {
	n := 18
	if len(os.Args) > 1 {
		if v := atoi(os.Args[1]); v >= 0 {
			n = v
		}
	}
	maxDepth := n
	if maxDepth < 6 {
		maxDepth = 6
	}
	stretch := maxDepth + 1
	fmt.Printf("stretch tree of depth %d\t check: %d\n", stretch, bottomUp(stretch).check())
	long := bottomUp(maxDepth)
	for d := 4; d <= maxDepth; d += 2 {
		iters := 1 << uint(maxDepth-d+4)
		check := 0
		for i := 0; i < iters; i++ {
			check += bottomUp(d).check()
		}
		fmt.Printf("%d\t trees of depth %d\t check: %d\n", iters, d, check)
	}
	fmt.Printf("long lived tree of depth %d\t check: %d\n", maxDepth, long.check())
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("mallocs:", m.Mallocs)
}

// atoi parses a non-negative decimal argument (-1 when malformed).
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}
