// Package clause, imports, every declaration form.
package main

import (
	"fmt"
	m "math"
	. "strings"
	_ "os"
)

const (
	A = iota
	B
	C, D = iota * 2, iota * 3
	E, F
)

type (
	T  struct{ a, b int; c string "tag"; *U; fmt.Stringer }
	U  = T
	I  interface{ M(x int) (int, error); fmt.Stringer }
	Fn func(a, b int, c ...string) (r int)
	Ch <-chan chan<- int
)

var x, y int = 1, 2
var z = []int{1, 2, 3}
var mp = map[string][]int{"a": {1}, "b": nil}

func (t *T) M(x int) (int, error) { return x, nil }

func f(int, string) {}

func main() {
	var p *T = &T{a: 1}
	s := make([]int, 0, 10)
	s = append(s, 1, 2)
	for i := 0; i < len(s); i++ {
		s[i] += i << 2
	}
	for _, v := range []int{1, 2} {
		_ = v
	}
	for k := range mp {
		_ = k
	}
	if v, ok := mp["a"]; ok && len(v) > 0 {
	} else if x := (T{}); x.a == 0 {
	} else {
	}
	switch q := interface{}(p).(type) {
	case *T, nil:
		_ = q
	default:
	}
	switch {
	case x > 1:
		fallthrough
	default:
	}
	ch := make(chan int, 1)
	select {
	case v := <-ch:
		_ = v
	case ch <- 1:
	default:
	}
	go func() {}()
	defer fmt.Println(m.Pi, Index("ab", "b"))
L:
	for {
		break L
	}
	_ = s[1:2:3]
	_ = func(x int) int { return x * 2 }(3)
	var iface interface{} = p
	_ = iface.(*T)
	x++
	goto E
E:
}
