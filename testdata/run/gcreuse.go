// run

// Memory is reused: 10 GB of short-lived objects are allocated in total while the live
// heap stays small, so the collector must free and the allocator reuse memory. The peak
// resident set stays under 64 MB; after debug.FreeOSMemory() free pages go back to the OS
// and the resident set falls.

package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
)

type node struct {
	next *node
	buf  [1016]byte
}

// rss returns the resident set size in bytes, from /proc/self/statm (pages).
func rss() int {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		panic(err)
	}
	i := 0
	for i < len(b) && b[i] != ' ' {
		i++
	}
	n := 0
	for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		n = n*10 + int(b[i]-'0')
	}
	return n * 4096
}

var sink *node
var blocks [][]byte

// fill allocates n blocks of 256 KB that stay reachable from blocks. It recurses so that
// it is not inlined into main: gosub scans stacks conservatively, and the temporaries of
// the appends would otherwise stay in main's frame and keep the old arrays alive.
func fill(n int) {
	if n == 0 {
		return
	}
	b := make([]byte, 256<<10)
	for j := 0; j < len(b); j += 4096 {
		b[j] = 1
	}
	blocks = append(blocks, b)
	fill(n - 1)
}

// churn allocates 10 GB of short-lived objects and returns the bytes allocated and the
// peak resident set seen.
func churn() (int, int) {
	const total = 10 << 30
	allocated := 0
	peak := 0
	var list *node
	for round := 0; allocated < total; round++ {
		// a linked list of 128 nodes (1 KB each), then dropped
		list = nil
		for i := 0; i < 128; i++ {
			list = &node{next: list}
			list.buf[i*7] = byte(i)
		}
		allocated += 128 * 1024
		// some larger short-lived slices
		b := make([]byte, 4096+round%8192)
		b[0] = 1
		allocated += len(b)
		if round%16 == 0 {
			big := make([]int, 100000) // a large object (800 KB)
			big[99999] = round
			allocated += 800000
		}
		if round%20000 == 0 {
			if r := rss(); r > peak {
				peak = r
			}
		}
	}
	sink = list
	return allocated, peak
}

func main() {
	allocated, peak := churn()
	// grow the heap (touching every page), then drop everything and give memory back
	fill(200)
	before := rss()
	if before > peak {
		peak = before
	}
	blocks = nil
	sink = nil
	debug.FreeOSMemory()
	after := rss()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("allocated GB:", allocated>>30)
	fmt.Println("peak RSS under 64 MB:", peak < 64<<20)
	fmt.Println("RSS falls after FreeOSMemory:", after < before-20<<20)
	fmt.Println("collections ran:", m.NumGC > 100)
	fmt.Println("released memory:", m.HeapReleased > 40<<20)
}
