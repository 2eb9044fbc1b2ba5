// run

package main

import "fmt"

type Stack struct {
	items []int
}

func (s *Stack) Push(x int) { s.items = append(s.items, x) }

func (s *Stack) Pop() int {
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x
}

func (s Stack) Len() int { return len(s.items) }

type Acc struct{ n int }

func (a *Acc) Add(k int) *Acc { a.n += k; return a }
func (a Acc) Get() int        { return a.n }

func main() {
	var s Stack
	for i := 0; i < 5; i++ {
		s.Push(i * i)
	}
	fmt.Println(s.Len(), s.Pop(), s.Pop(), s.Len())
	ps := &s
	ps.Push(100)
	fmt.Println(ps.Len(), s.items)
	var a Acc
	a.Add(1).Add(2).Add(3)
	fmt.Println(a.Get(), (&a).Get())
	arr := []Acc{{1}, {2}}
	arr[0].Add(10)
	fmt.Println(arr[0].n, arr[1].n)
}
