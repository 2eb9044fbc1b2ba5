// run

// A value method called through an interface holding a nil *T panics with gc's panicwrap
// message ("value method ... called using nil *T pointer"); one promoted through a nil
// embedded pointer is a nil dereference instead, and so is a method value or a call
// p.F() on a nil p (here inside closures, where p is captured by value). The last call
// is devirtualized by gc (and by gosub): the nil *T is dereferenced before F, an
// uncaught nil dereference, status 2.

package main

import "fmt"

type T int

func (t T) F() int { return int(t) }

type I interface{ F() int }

type Outer struct{ *T }

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	var p *T
	var i I = p
	try(func() { i.F() })
	o := Outer{}
	var j I = o
	try(func() { j.F() })
	var k I = &o
	try(func() { k.F() })
	try(func() { _ = p.F })
	try(func() { p.F() })
	i.F()
}
