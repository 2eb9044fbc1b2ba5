// errorcheck -0 -m -l

// Escape analysis of pointers to locals: returned, stored globally, kept local.

package escape

var global *int

func retLocal() *int {
	x := 1 // ERROR "moved to heap: x$"
	return &x
}

func storeGlobal() {
	y := 2 // ERROR "moved to heap: y$"
	global = &y
}

func localOnly() int {
	z := 3
	p := &z
	return *p
}

func identity(p *int) *int { // ERROR "leaking param: p to result ~r0 level=0$"
	return p
}

func deref(p *int) int { // ERROR "p does not escape$"
	return *p
}

func leak(p *int) { // ERROR "leaking param: p$"
	global = p
}

func viaIdentity() *int {
	w := 4 // ERROR "moved to heap: w$"
	return identity(&w)
}

func noEscapeCall() int {
	v := 5
	return deref(&v)
}

func ptrToPtr(pp **int) *int { // ERROR "leaking param: pp to result ~r0 level=1$"
	return *pp
}

func storeInto(pp **int, p *int) { // ERROR "pp does not escape$" "leaking param: p$"
	*pp = p
}
