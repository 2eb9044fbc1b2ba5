// errorcheck -0 -m=2 -l

// -m=2 explains each escape with the flow that forces it: the leak or move line comes
// with "flow:" and "from ... at file:line:col" lines, as gc prints them.

package escape

type T struct {
	p *int
}

var sink *int
var sinkT *T

func leak(p *int) { // ERROR "parameter p leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = p:$" "    from sink = p \(assign\) at LINE+1:7$" "leaking param: p$"
	sink = p
}

func ret() *int {
	x := 1 // ERROR "x escapes to heap:$" "  flow: ~r0 = &x:$" "    from &x \(address-of\) at LINE+1:9$" "    from return &x \(return\) at LINE+1:2$" "moved to heap: x$"
	return &x
}

func local() int {
	y := 2
	p := &y
	return *p
}

func toResult(p *int) *int { // ERROR "parameter p leaks to ~r0 with derefs=0:$" "  flow: ~r0 = p:$" "    from return p \(return\) at LINE+1:2$" "leaking param: p to result ~r0 level=0$"
	return p
}

func viaField(t *T) { // ERROR "parameter t leaks to \{heap\} with derefs=1:$" "  flow: \{heap\} = \*t:$" "    from t\.p \(dot of pointer\) at LINE+1:10$" "    from sink = t\.p \(assign\) at LINE+1:7$" "leaking param content: t$"
	sink = t.p
}

func lit(v int) {
	sinkT = &T{} // ERROR "&T\{\} escapes to heap:$" "  flow: \{heap\} = &\{storage for &T\{\}\}:$" "    from &T\{\} \(spill\) at LINE:10$" "    from sinkT = &T\{\} \(assign\) at LINE:8$" "&T\{\} escapes to heap$"
}

func chain() *int {
	z := 3 // ERROR "z escapes to heap:$" "  flow: q = &z:$" "    from &z \(address-of\) at LINE+1:7$" "    from q := &z \(assign\) at LINE+1:4$" "  flow: r = q:$" "    from r := q \(assign\) at LINE+2:4$" "  flow: ~r0 = r:$" "    from return r \(return\) at LINE+3:2$" "moved to heap: z$"
	q := &z
	r := q
	return r
}
