// escgolden -m=2 -l

// Each function shows one of gc's -m=2 words ("from EXPR (WHY) at POS"). Two goldens,
// both gc 1.19's output byte for byte: flow_words.golden (-m=2) and flow_words.json
// (the -json=0,DIR escape events).

package p

type T struct {
	p *int
	a [2]*int
	s []*int
}

var g *int
var gi interface{}
var gs []*int
var gt T

func id(p *int) *int { return p }
func sink(p *int)     { g = p }

func assign() {
	x := 1
	g = &x
}

func param(p *int) {
	g = p
}

func result(p *int) *int {
	return p
}

func spill() *T {
	return &T{}
}

func indirection(p **int) {
	g = *p
}

func boxed(v int) {
	gi = v
}

func captured() func() int {
	x := 0
	return func() int { x++; return x }
}

func dotptr(t *T) { g = t.p }
func dot(t T)     { g = t.p }

func arrayindex(a [2]*int) { g = a[1] }
func sliceindex(s []*int)  { g = s[1] }
func slice(s []*int)       { gs = s[1:] }

func callparam(p *int) { g = id(p) }
func callonly(p *int)  { sink(p) }

func structlit(x int)  { gi = &T{p: &x} }
func slicelit(p *int)  { gs = []*int{p} }
func arraylit(p *int)  { gt = T{a: [2]*int{p, nil}} }
func appendee(p *int)  { gs = append(gs, p) }
func appended(s []*int) { gs = append(gs, s...) }
func copied(s []*int)  { copy(gs, s) }

func assertdot(x interface{}) { g = x.(*int) }
func panicked(p *int)         { panic(p) }

func mapput(m map[*int]*int, k, v *int) { m[k] = v }

func rangederef(s []*int) {
	for _, v := range s {
		g = v
	}
}

func rangearray(a [3]*int) {
	for _, v := range a {
		g = v
	}
}

func switchcase(x interface{}) {
	switch y := x.(type) {
	case *int:
		g = y
	}
}

func pair(p *int) {
	a, b := p, p
	g = a
	g = b
}

func vardecl(p *int) {
	var q *int = p
	g = q
}

func explicitconv(p *int) { gi = interface{}(p) }
func explicitbox(x int)   { gi = interface{}(x) }

func nonconst(n int) { gs = make([]*int, n) }

func calledclosure(p *int) {
	f := func() { g = p }
	f()
}

func loadvar(p **int) {
	x := *p
	g = x
}

func bytesconv(s string) { gi = []byte(s) }
func concat(x, y string) { gi = x + y }
