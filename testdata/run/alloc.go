// run

package main

import "fmt"

type Obj struct {
	id   int
	data [8]int
	next *Obj
}

func mk(i int) *Obj { return &Obj{id: i} }

func main() {
	var keep *Obj
	total := 0
	for i := 0; i < 200000; i++ {
		o := mk(i)
		o.data[i%8] = i
		total += o.data[i%8]
		if i%1000 == 0 {
			o.next = keep
			keep = o
		}
	}
	n := 0
	for o := keep; o != nil; o = o.next {
		n++
	}
	fmt.Println(total, n, keep.id)
	var ss [][]byte
	for i := 0; i < 1000; i++ {
		ss = append(ss, make([]byte, i))
	}
	sum := 0
	for _, s := range ss {
		sum += len(s)
	}
	fmt.Println(sum)
	str := ""
	for i := 0; i < 100; i++ {
		str += "ab"
	}
	fmt.Println(len(str))
}
