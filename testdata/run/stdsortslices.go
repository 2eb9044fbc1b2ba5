// run

// sort.IntSlice/StringSlice/Float64Slice as sort.Interface, *strconv.NumError's methods.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
)

func main() {
	a := []int{3, 1, 2, 5, 4}
	sort.Sort(sort.Reverse(sort.IntSlice(a)))
	fmt.Println(a)
	s := []string{"b", "c", "a"}
	sort.Sort(sort.StringSlice(s))
	fmt.Println(s, sort.StringSlice(s).Len(), sort.IsSorted(sort.StringSlice(s)))
	f := []float64{2, 1, 3}
	sort.Stable(sort.Reverse(sort.Float64Slice(f)))
	fmt.Println(f)
	var x sort.Interface = sort.IntSlice(a)
	fmt.Printf("%T %v %d\n", x, x, x.Len())
	_, err := strconv.Atoi("q")
	var ne *strconv.NumError
	if errors.As(err, &ne) {
		fmt.Println(ne.Error(), ne.Unwrap(), ne.Func)
	}
}
