// escape16.go: a loop of 16-byte objects that escape (each is stored in a global ring
// that keeps the last 1024 alive; each points at a global), the allocator's fast path
// under steady collection.
// Usage: escape16 [millions] (default 50). Last line: mallocs.

package main

import (
	"fmt"
	"os"
	"runtime"
)

type pair struct {
	next *pair
	n    int
}

var ring [1024]*pair
var anchor pair

func main() {
	millions := 50
	if len(os.Args) > 1 {
		if v := atoi(os.Args[1]); v >= 0 {
			millions = v
		}
	}
	total := millions * 1000000
	sum := 0
	for i := 0; i < total; i++ {
		p := &pair{next: &anchor, n: i}
		ring[i&1023] = p
		sum += p.n & 7
	}
	fmt.Println("sum:", sum)
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
