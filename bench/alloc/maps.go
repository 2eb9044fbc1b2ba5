// maps.go: a map-heavy program: maps of strings to slices and of ints to structs, filled,
// updated, deleted and rebuilt. Usage: maps [rounds] (default 20). Last line: mallocs.

package main

import (
	"fmt"
	"os"
	"runtime"
)

type rec struct {
	id    int
	name  string
	links []int
}

func main() {
	rounds := 20
	if len(os.Args) > 1 {
		if v := atoi(os.Args[1]); v >= 0 {
			rounds = v
		}
	}
	sum := 0
	for r := 0; r < rounds; r++ {
		byName := make(map[string][]int)
		byID := make(map[int]*rec)
		for i := 0; i < 50000; i++ {
			k := "k" + itoa(i%20000)
			byName[k] = append(byName[k], i)
			byID[i] = &rec{id: i, name: k, links: []int{i, r}}
		}
		for i := 0; i < 50000; i += 3 {
			delete(byID, i)
		}
		for k, v := range byName {
			sum += len(v) + len(k)
		}
		for id, p := range byID {
			sum += id - p.id + len(p.links)
		}
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

// itoa formats a non-negative int.
func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return string(b[i:])
}
