// errorcheck -0 -m -l

// Parameter leak summaries: to heap, to results (levels), content, multiple results.

package escape

type T struct {
	p *int
	q **int
}

var sinkp *int
var sinkT *T

func toHeap(p *int) { // ERROR "leaking param: p$"
	sinkp = p
}

func toResult(p *int) *int { // ERROR "leaking param: p to result ~r0 level=0$"
	return p
}

func toSecond(a, b *int) (*int, *int) { // ERROR "a does not escape$" "leaking param: b to result ~r1 level=0$"
	return nil, b
}

func level1(t *T) *int { // ERROR "leaking param: t to result ~r0 level=1$"
	return t.p
}

func level2(t *T) *int { // ERROR "leaking param: t to result ~r0 level=2$"
	return *t.q
}

func contentToHeap(t *T) { // ERROR "leaking param content: t$"
	sinkp = t.p
}

func whole(t *T) { // ERROR "leaking param: t$"
	sinkT = t
}

func noLeak(t *T) int { // ERROR "t does not escape$"
	return *t.p
}

func both(p *int) *int { // ERROR "leaking param: p$"
	sinkp = p
	return p
}

func selfAssign(t *T) { // ERROR "leaking param content: t$"
	t.p = *t.q
}

func loop(p *int, n int) *int { // ERROR "leaking param: p to result ~r0 level=0$"
	for i := 0; i < n; i++ {
		p = toResult(p)
	}
	return p
}

func callsHeap() {
	x := 0 // ERROR "moved to heap: x$"
	toHeap(&x)
}

func callsResult() int {
	y := 0
	r := toResult(&y)
	return *r
}

func multiple(a *int, b *int, c *int) *int { // ERROR "leaking param: a$" "leaking param: b to result ~r0 level=0$" "c does not escape$"
	sinkp = a
	if *c > 0 {
		return b
	}
	return nil
}

func structParam(t T) *int { // ERROR "leaking param: t to result ~r0 level=0$"
	return t.p
}

func newT(p *int) *T { // ERROR "leaking param: p$"
	return &T{p: p} // ERROR "&T{...} escapes to heap$"
}

func localT() int {
	v := 1
	t := T{p: &v}
	return *t.p
}
