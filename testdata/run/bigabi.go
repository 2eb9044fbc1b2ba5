// run

// Big values (more than 64 bytes) across every kind of call: direct, closure, method,
// method value, interface, deferred, go, recursion, results in loops, phis, ==.
package main

import "fmt"

type Big struct {
	a   [10]int
	s   string
	tag byte
}

type Arr [100]byte

func mk(n int) Big {
	var b Big
	for i := range b.a {
		b.a[i] = n + i
	}
	b.s = fmt.Sprint("big", n)
	b.tag = byte(n)
	return b
}

func sum(b Big) int {
	t := 0
	for _, x := range b.a {
		t += x
	}
	return t + int(b.tag)
}

// the callee changes its copy; the caller's value stays
func scribble(b Big) int {
	b.a[0] = 1000
	return b.a[0]
}

func pair(n int) (Big, error) {
	if n < 0 {
		return Big{}, fmt.Errorf("neg %d", n)
	}
	return mk(n), nil
}

func swap(x, y Big) (Big, Big) { return y, x }

func (b Big) Sum() int { return sum(b) }

func (b Big) With(i int) Big {
	b.a[i] = -1
	return b
}

func (b *Big) Set(i, v int) { b.a[i] = v }

type Summer interface{ Sum() int }

type Wrap struct {
	*Big
}

func rev(a Arr) Arr {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
	return a
}

func fact(n int, a Arr) Arr {
	if n == 0 {
		return a
	}
	a[n] = byte(n)
	return fact(n-1, a)
}

func variadic(bs ...Big) int {
	t := 0
	for _, b := range bs {
		t += sum(b)
	}
	return t
}

func named() (r Big, err error) {
	defer func() {
		if x := recover(); x != nil {
			r.s = "recovered"
			err = fmt.Errorf("%v", x)
		}
	}()
	r = mk(3)
	var p *int
	_ = *p
	return r, nil
}

type Mutator interface{ Get() Big }

func (w Wrap) Get() Big { return *w.Big }

func main() {
	b := mk(1)
	fmt.Println(sum(b), scribble(b), b.a[0], b.s)
	x, err := pair(2)
	fmt.Println(sum(x), err)
	_, err = pair(-1)
	fmt.Println(err)
	p, q := swap(mk(5), mk(6))
	fmt.Println(p.tag, q.tag)

	// closures and func values
	f := func(v Big) Big { v.tag += 10; return v }
	fmt.Println(f(b).tag, b.tag)
	g := sum
	fmt.Println(g(b))
	h := mk
	fmt.Println(h(7).s)
	k := 3
	cl := func(v Big) (Big, int) { v.a[1] = k; return v, k }
	r, kk := cl(b)
	fmt.Println(r.a[1], kk)

	// methods, method values, method expressions, interfaces
	fmt.Println(b.Sum(), b.With(2).a[2], b.a[2])
	mv := b.Sum
	b.a[0] = 100
	fmt.Println(mv(), b.Sum())
	me := Big.With
	fmt.Println(me(b, 3).a[3])
	var s Summer = b
	b.a[0] = 0
	fmt.Println(s.Sum())
	w := Wrap{&Big{}}
	w.Set(0, 42)
	var s2 Summer = w
	fmt.Println(s2.Sum())
	var m Mutator = w
	fmt.Println(m.Get().a[0])
	gm := m.Get
	fmt.Println(gm().a[0])

	// defer and go with big arguments
	func() {
		v := mk(9)
		defer fmt.Println("deferred", sum(v))
		defer func(v Big) { fmt.Println("deferred2", v.s) }(v)
		v.s = "changed"
	}()
	done := 0
	go func(v Big) { done = sum(v) }(mk(2))
	_ = done

	// arrays
	var a Arr
	for i := range a {
		a[i] = byte(i)
	}
	ra := rev(a)
	fmt.Println(ra[0], ra[99], a[0])
	fa := fact(50, Arr{})
	fmt.Println(fa[50], fa[1], fa[51])

	// results in a loop, phis
	acc := mk(0)
	for i := 0; i < 5; i++ {
		prev := acc
		acc = acc.With(i)
		if i%2 == 0 {
			acc = prev
		}
	}
	fmt.Println(acc.a[:5])
	var cur Big
	if len(b.s) > 2 {
		cur = mk(20)
	} else {
		cur = mk(30)
	}
	fmt.Println(cur.tag)

	// comparisons, maps, interfaces holding big values
	fmt.Println(mk(4) == mk(4), mk(4) == mk(5), mk(4) != mk(5))
	mm := map[Big]Arr{}
	mm[mk(1)] = rev(a)
	mm[mk(2)] = a
	fmt.Println(mm[mk(1)][0], mm[mk(2)][0], len(mm))
	for k, v := range mm {
		if k.tag == 1 {
			fmt.Println("range", k.s, v[1])
		}
	}
	var e interface{} = mk(8)
	bb := e.(Big)
	fmt.Println(bb.s, e.(Big).tag)
	if v, ok := e.(Big); ok {
		fmt.Println("ok", v.s)
	}
	fmt.Println(variadic(mk(1), mk(2)), variadic([]Big{mk(3)}...))
	nr, nerr := named()
	fmt.Println(nr.s, nr.a[0], nerr)
	arrs := []Arr{a, rev(a)}
	fmt.Println(arrs[1][0])
	st := struct{ x, y Big }{mk(1), mk(2)}
	fmt.Println(swap(st.x, st.y))

	// literals and field updates of big values kept in SSA form
	var s3 Big
	s3.tag = 1
	t3 := s3
	s3.s = "later"
	fmt.Println(t3.tag, t3.s == "", s3.s, s3.tag)
	lits := [3]Big{mk(1), {tag: 9}, mk(3)}
	fmt.Println(lits[1].tag, lits[2].s, len(lits))
	for i := 0; i < 3; i++ {
		v := Big{s: "x", tag: byte(i)}
		v.a[i] = i
		u := v
		v.tag = 7
		fmt.Println(u.tag, v.tag, u.a[i])
	}
	mv2, ok2 := mm[mk(3)]
	fmt.Println(mv2[0], ok2)
	mv3, ok3 := mm[mk(2)]
	fmt.Println(mv3[5], ok3)
	_, ok4 := e.(Arr)
	zz, ok5 := e.(Arr)
	fmt.Println(ok4, ok5, zz[0])
	var e2 interface{} = a
	if av, ok := e2.(Arr); ok {
		fmt.Println("arr", av[7])
	}
}
