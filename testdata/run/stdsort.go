// run

// The sort package subset (std_sort.c): Go 1.19's pdqsort and SymMerge orders.
package main

import (
	"fmt"
	"sort"
)

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

func gen(n int, seed uint32) []int {
	xs := make([]int, n)
	for i := range xs {
		seed = seed*1664525 + 1013904223
		xs[i] = int(seed>>20) % 50
	}
	return xs
}

func main() {
	xs := []int{5, 2, 8, 1, 9, 3}
	sort.Ints(xs)
	fmt.Println(xs, sort.IntsAreSorted(xs), sort.SearchInts(xs, 8), sort.SearchInts(xs, 4), sort.SearchInts(xs, 100))
	ss := []string{"pear", "apple", "fig", "banana", ""}
	sort.Strings(ss)
	fmt.Printf("%q %v %d\n", ss, sort.StringsAreSorted(ss), sort.SearchStrings(ss, "fig"))
	nan := 0.0
	nan = nan / nan
	fs := []float64{2.5, -1, nan, 0, 3, nan, -7.25}
	sort.Float64s(fs)
	fmt.Println(fs, sort.Float64sAreSorted(fs), sort.SearchFloat64s([]float64{1, 2, 3}, 2.5))

	// Ties: the unstable sort's order is pdqsort's.
	people := []person{}
	names := "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	ages := gen(len(names), 7)
	for i := range names {
		people = append(people, person{names[i : i+1], ages[i] % 7})
	}
	p1 := append([]person(nil), people...)
	sort.Slice(p1, func(i, j int) bool { return p1[i].age < p1[j].age })
	fmt.Println(p1)
	p2 := append([]person(nil), people...)
	sort.SliceStable(p2, func(i, j int) bool { return p2[i].age < p2[j].age })
	fmt.Println(p2)
	p3 := append([]person(nil), people...)
	sort.Sort(byAge(p3))
	fmt.Println(p3)
	p4 := append([]person(nil), people...)
	sort.Stable(byAge(p4))
	fmt.Println(p4, sort.IsSorted(byAge(p4)))
	p5 := append([]person(nil), people...)
	sort.Sort(sort.Reverse(byAge(p5)))
	fmt.Println(p5)
	fmt.Println(sort.SliceIsSorted(p5, func(i, j int) bool { return p5[i].age > p5[j].age }))

	for _, n := range []int{0, 1, 12, 13, 50, 51, 200, 1000} {
		a := gen(n, uint32(n))
		b := append([]int(nil), a...)
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(i, j int) bool { return b[idx[i]] < b[idx[j]] })
		sum := 0
		for i, v := range idx {
			sum = (sum*31 + v*7 + i) % 1000003
		}
		sort.Ints(a)
		fmt.Println(n, sort.IntsAreSorted(a), sum)
	}
	// Already sorted, reversed and equal inputs take pdqsort's other paths.
	big := make([]int, 300)
	for i := range big {
		big[i] = 300 - i
	}
	idx := make([]int, 300)
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(i, j int) bool { return big[idx[i]]/10 < big[idx[j]]/10 })
	fmt.Println(idx[:20])
	fmt.Println(sort.Search(100, func(i int) bool { return i*i >= 50 }))
	var iface interface{} = 42
	defer func() { fmt.Println("recovered:", recover()) }()
	sort.Slice(iface, func(i, j int) bool { return false })
}
