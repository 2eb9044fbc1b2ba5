package main

import (

	"fmt"
)

type T struct{ n int }

func (t *T) inc()      { t.n++ }
func (t T) show(s string) { fmt.Println(s, t.n) }

func named() (r int) {
	defer func() { r *= 2 }()
	r = 5
	return r + 1
}

func order() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println("body")
}

func safediv(a, b int) (q int, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = e.(error)
		}
	}()
	return a / b, nil
}

func idx(s []int, i int) (v int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("caught:", r)
			v = -1
		}
	}()
	return s[i]
}

func custom() (err error) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			err = e
		}
	}()
	panic(myerr{})
}

func methods() {
	t := &T{1}
	defer t.show("show")
	defer t.inc()
	t.n = 10
}

func nested() {
	defer func() {
		fmt.Println("outer recover:", recover())
	}()
	func() {
		defer func() {
			fmt.Println("inner defer")
		}()
		panic("boom")
	}()
	fmt.Println("not reached")
}

func main() {
	fmt.Println(named())
	order()
	fmt.Println(safediv(7, 2))
	fmt.Println(safediv(7, 0))
	fmt.Println(idx([]int{1, 2}, 1), idx([]int{1, 2}, 5))
	fmt.Println(custom())
	methods()
	nested()
	defer println("last")
	var m map[string]int
	defer func() {
		recover()
		fmt.Println("recovered nil map")
	}()
	m["x"] = 1
}

type myerr struct{}

func (myerr) Error() string { return "custom error" }
