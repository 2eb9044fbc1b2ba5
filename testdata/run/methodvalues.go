package main

type T struct{ x int }

func (t T) Get() int   { return t.x }
func (t *T) Inc()      { t.x++ }

type I interface{ Get() int }

var sink func() int

func main() {
	t := T{1}
	f := t.Get
	g := t.Inc
	g()
	println(f(), t.x)
	var i I = t
	h := i.Get
	println(h())
	sink = t.Get
	e := T.Get
	p := (*T).Inc
	p(&t)
	println(e(t))
}
