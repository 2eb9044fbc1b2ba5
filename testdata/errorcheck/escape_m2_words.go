// errorcheck -0 -m=2 -l

// Each function shows one of gc's -m=2 words ("from EXPR (WHY) at POS"), checked as
// errorcheck patterns generated from gc 1.19's output (see testdata/escape/flow_words.go).

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

func id(p *int) *int { return p } // ERROR "parameter p leaks to ~r0 with derefs=0:$" "  flow: ~r0 = p:$" "    from return p \(return\) at escape_m2_words\.go:19:24$" "leaking param: p to result ~r0 level=0$"
func sink(p *int)     { g = p } // ERROR "parameter p leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = p:$" "    from g = p \(assign\) at escape_m2_words\.go:20:27$" "leaking param: p$"

func assign() {
	x := 1 // ERROR "x escapes to heap:$" "  flow: \{heap\} = &x:$" "    from &x \(address-of\) at escape_m2_words\.go:24:6$" "    from g = &x \(assign\) at escape_m2_words\.go:24:4$" "moved to heap: x$"
	g = &x
}

func param(p *int) { // ERROR "parameter p leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = p:$" "    from g = p \(assign\) at escape_m2_words\.go:28:4$" "leaking param: p$"
	g = p
}

func result(p *int) *int { // ERROR "parameter p leaks to ~r0 with derefs=0:$" "  flow: ~r0 = p:$" "    from return p \(return\) at escape_m2_words\.go:32:2$" "leaking param: p to result ~r0 level=0$"
	return p
}

func spill() *T {
	return &T{} // ERROR "&T\{\} escapes to heap:$" "  flow: ~r0 = &\{storage for &T\{\}\}:$" "    from &T\{\} \(spill\) at escape_m2_words\.go:36:9$" "    from return &T\{\} \(return\) at escape_m2_words\.go:36:2$" "&T\{\} escapes to heap$"
}

func indirection(p **int) { // ERROR "parameter p leaks to \{heap\} with derefs=1:$" "  flow: \{heap\} = \*p:$" "    from \*p \(indirection\) at escape_m2_words\.go:40:6$" "    from g = \*p \(assign\) at escape_m2_words\.go:40:4$" "leaking param content: p$"
	g = *p
}

func boxed(v int) {
	gi = v // ERROR "v escapes to heap:$" "  flow: \{heap\} = &\{storage for v\}:$" "    from v \(spill\) at escape_m2_words\.go:44:2$" "    from gi = v \(assign\) at escape_m2_words\.go:44:5$" "v escapes to heap$"
}

func captured() func() int {
	x := 0 // ERROR "captured capturing by ref: x \(addr=false assign=true width=8\)$" "x escapes to heap:$" "  flow: \{storage for func literal\} = &x:$" "    from x \(captured by a closure\) at escape_m2_words\.go:49:22$" "    from x \(reference\) at escape_m2_words\.go:49:22$" "moved to heap: x$"
	return func() int { x++; return x } // ERROR "func literal escapes to heap:$" "  flow: ~r0 = &\{storage for func literal\}:$" "    from func literal \(spill\) at escape_m2_words\.go:49:9$" "    from return func literal \(return\) at escape_m2_words\.go:49:2$" "func literal escapes to heap$"
}

func dotptr(t *T) { g = t.p } // ERROR "parameter t leaks to \{heap\} with derefs=1:$" "  flow: \{heap\} = \*t:$" "    from t\.p \(dot of pointer\) at escape_m2_words\.go:52:26$" "    from g = t\.p \(assign\) at escape_m2_words\.go:52:23$" "leaking param content: t$"
func dot(t T)     { g = t.p } // ERROR "parameter t leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = t:$" "    from t\.p \(dot\) at escape_m2_words\.go:53:26$" "    from g = t\.p \(assign\) at escape_m2_words\.go:53:23$" "leaking param: t$"

func arrayindex(a [2]*int) { g = a[1] } // ERROR "parameter a leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = a:$" "    from a\[1\] \(fixed-array-index-of\) at escape_m2_words\.go:55:35$" "    from g = a\[1\] \(assign\) at escape_m2_words\.go:55:32$" "leaking param: a$"
func sliceindex(s []*int)  { g = s[1] } // ERROR "parameter s leaks to \{heap\} with derefs=1:$" "  flow: \{heap\} = \*s:$" "    from s\[1\] \(dot of pointer\) at escape_m2_words\.go:56:35$" "    from g = s\[1\] \(assign\) at escape_m2_words\.go:56:32$" "leaking param content: s$"
func slice(s []*int)       { gs = s[1:] } // ERROR "parameter s leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = s:$" "    from s\[1:\] \(slice\) at escape_m2_words\.go:57:36$" "    from gs = s\[1:\] \(assign\) at escape_m2_words\.go:57:33$" "leaking param: s$"

func callparam(p *int) { g = id(p) } // ERROR "parameter p leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = p:$" "    from id\(p\) \(call parameter\) at escape_m2_words\.go:59:32$" "    from g = id\(p\) \(assign\) at escape_m2_words\.go:59:28$" "leaking param: p$"
func callonly(p *int)  { sink(p) } // ERROR "parameter p leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = p:$" "    from sink\(p\) \(call parameter\) at escape_m2_words\.go:60:30$" "leaking param: p$"

func structlit(x int)  { gi = &T{p: &x} } // ERROR "&T\{\.\.\.\} escapes to heap:$" "  flow: \{heap\} = &\{storage for &T\{\.\.\.\}\}:$" "    from &T\{\.\.\.\} \(spill\) at escape_m2_words\.go:62:31$" "    from &T\{\.\.\.\} \(interface-converted\) at escape_m2_words\.go:62:26$" "    from gi = &T\{\.\.\.\} \(assign\) at escape_m2_words\.go:62:29$" "x escapes to heap:$" "  flow: \{storage for &T\{\.\.\.\}\} = &x:$" "    from &x \(address-of\) at escape_m2_words\.go:62:37$" "    from T\{\.\.\.\} \(struct literal element\) at escape_m2_words\.go:62:33$" "moved to heap: x$" "&T\{\.\.\.\} escapes to heap$"
func slicelit(p *int)  { gs = []*int{p} } // ERROR "\[\]\*int\{\.\.\.\} escapes to heap:$" "  flow: \{heap\} = &\{storage for \[\]\*int\{\.\.\.\}\}:$" "    from \[\]\*int\{\.\.\.\} \(spill\) at escape_m2_words\.go:63:37$" "    from gs = \[\]\*int\{\.\.\.\} \(assign\) at escape_m2_words\.go:63:29$" "parameter p leaks to \{storage for \[\]\*int\{\.\.\.\}\} with derefs=0:$" "  flow: \{storage for \[\]\*int\{\.\.\.\}\} = p:$" "    from \[\]\*int\{\.\.\.\} \(slice-literal-element\) at escape_m2_words\.go:63:37$" "leaking param: p$" "\[\]\*int\{\.\.\.\} escapes to heap$"
func arraylit(p *int)  { gt = T{a: [2]*int{p, nil}} } // ERROR "parameter p leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = p:$" "    from \[2\]\*int\{\.\.\.\} \(array literal element\) at escape_m2_words\.go:64:43$" "    from T\{\.\.\.\} \(struct literal element\) at escape_m2_words\.go:64:32$" "    from gt = T\{\.\.\.\} \(assign\) at escape_m2_words\.go:64:29$" "leaking param: p$"
func appendee(p *int)  { gs = append(gs, p) } // ERROR "parameter p leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = p:$" "    from append\(gs, p\) \(call parameter\) at escape_m2_words\.go:65:37$" "leaking param: p$"
func appended(s []*int) { gs = append(gs, s...) } // ERROR "parameter s leaks to \{heap\} with derefs=1:$" "  flow: \{heap\} = \*s:$" "    from append\(gs, s\.\.\.\) \(call parameter\) at escape_m2_words\.go:66:38$" "    from append\(gs, s\.\.\.\) \(appended slice\.\.\.\) at escape_m2_words\.go:66:38$" "leaking param content: s$"
func copied(s []*int)  { copy(gs, s) } // ERROR "parameter s leaks to \{heap\} with derefs=1:$" "  flow: \{heap\} = \*s:$" "    from copy\(gs, s\) \(call parameter\) at escape_m2_words\.go:67:30$" "    from copy\(gs, s\) \(copied slice\) at escape_m2_words\.go:67:30$" "leaking param content: s$"

func assertdot(x interface{}) { g = x.(*int) } // ERROR "parameter x leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = x:$" "    from x\.\(\*int\) \(dot\) at escape_m2_words\.go:69:38$" "    from g = x\.\(\*int\) \(assign\) at escape_m2_words\.go:69:35$" "leaking param: x$"
func panicked(p *int)         { panic(p) } // ERROR "parameter p leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = p:$" "    from p \(interface-converted\) at escape_m2_words\.go:70:39$" "    from panic\(p\) \(call parameter\) at escape_m2_words\.go:70:38$" "leaking param: p$"

func mapput(m map[*int]*int, k, v *int) { m[k] = v } // ERROR "parameter v leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = v:$" "    from m\[k\] = v \(assign\) at escape_m2_words\.go:72:48$" "parameter k leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = k:$" "    from m\[k\] \(key of map put\) at escape_m2_words\.go:72:44$" "m does not escape$" "leaking param: k$" "leaking param: v$"

func rangederef(s []*int) { // ERROR "parameter s leaks to \{heap\} with derefs=1:$" "  flow: \{temp\} = s:$" "  flow: v = \*\{temp\}:$" "    from for loop \(range-deref\) at escape_m2_words\.go:75:14$" "  flow: \{heap\} = v:$" "    from g = v \(assign\) at escape_m2_words\.go:76:5$" "leaking param content: s$"
	for _, v := range s {
		g = v
	}
}

func rangearray(a [3]*int) { // ERROR "parameter a leaks to \{heap\} with derefs=0:$" "  flow: \{temp\} = a:$" "  flow: v = \{temp\}:$" "    from for loop \(range\) at escape_m2_words\.go:81:14$" "  flow: \{heap\} = v:$" "    from g = v \(assign\) at escape_m2_words\.go:82:5$" "leaking param: a$"
	for _, v := range a {
		g = v
	}
}

func switchcase(x interface{}) { // ERROR "parameter x leaks to \{heap\} with derefs=0:$" "  flow: y = x:$" "    from case \*int: g = y \(switch case\) at escape_m2_words\.go:88:2$" "  flow: \{heap\} = y:$" "    from g = y \(assign\) at escape_m2_words\.go:89:5$" "leaking param: x$"
	switch y := x.(type) {
	case *int:
		g = y
	}
}

func pair(p *int) { // ERROR "parameter p leaks to \{heap\} with derefs=0:$" "  flow: b = p:$" "    from a, b := p, p \(assign-pair\) at escape_m2_words\.go:94:7$" "  flow: \{heap\} = b:$" "    from g = b \(assign\) at escape_m2_words\.go:96:4$" "leaking param: p$"
	a, b := p, p
	g = a
	g = b
}

func vardecl(p *int) { // ERROR "parameter p leaks to \{heap\} with derefs=0:$" "  flow: q = p:$" "    from q = p \(assign\) at escape_m2_words\.go:100:6$" "  flow: \{heap\} = q:$" "    from g = q \(assign\) at escape_m2_words\.go:101:4$" "leaking param: p$"
	var q *int = p
	g = q
}

func explicitconv(p *int) { gi = interface{}(p) } // ERROR "parameter p leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = p:$" "    from \(interface \{\}\)\(p\) \(interface-converted\) at escape_m2_words\.go:104:45$" "    from gi = \(interface \{\}\)\(p\) \(assign\) at escape_m2_words\.go:104:32$" "leaking param: p$"
func explicitbox(x int)   { gi = interface{}(x) } // ERROR "\(interface \{\}\)\(x\) escapes to heap:$" "  flow: \{heap\} = &\{storage for \(interface \{\}\)\(x\)\}:$" "    from \(interface \{\}\)\(x\) \(spill\) at escape_m2_words\.go:105:45$" "    from gi = \(interface \{\}\)\(x\) \(assign\) at escape_m2_words\.go:105:32$" "\(interface \{\}\)\(x\) escapes to heap$"

func nonconst(n int) { gs = make([]*int, n) } // ERROR "make\(\[\]\*int, n\) escapes to heap:$" "  flow: \{heap\} = &\{storage for make\(\[\]\*int, n\)\}:$" "    from make\(\[\]\*int, n\) \(spill\) at escape_m2_words\.go:107:33$" "    from gs = make\(\[\]\*int, n\) \(assign\) at escape_m2_words\.go:107:27$" "    from make\(\[\]\*int, n\) \(non-constant size\) at escape_m2_words\.go:107:33$" "make\(\[\]\*int, n\) escapes to heap$"

func calledclosure(p *int) { // ERROR "calledclosure capturing by value: p \(addr=false assign=false width=8\)$" "parameter p leaks to \{heap\} with derefs=0:$" "  flow: \{heap\} = p:$" "    from g = p \(assign\) at escape_m2_words\.go:110:18$" "leaking param: p$"
	f := func() { g = p } // ERROR "func literal does not escape$"
	f()
}

func loadvar(p **int) { // ERROR "parameter p leaks to \{heap\} with derefs=1:$" "  flow: x = \*p:$" "    from \*p \(indirection\) at escape_m2_words\.go:115:7$" "    from x := \*p \(assign\) at escape_m2_words\.go:115:4$" "  flow: \{heap\} = x:$" "    from g = x \(assign\) at escape_m2_words\.go:116:4$" "leaking param content: p$"
	x := *p
	g = x
}

func bytesconv(s string) { gi = []byte(s) } // ERROR "\(\[\]byte\)\(s\) escapes to heap:$" "  flow: \{heap\} = &\{storage for \(\[\]byte\)\(s\)\}:$" "    from \(\[\]byte\)\(s\) \(spill\) at escape_m2_words\.go:119:28$" "    from gi = \(\[\]byte\)\(s\) \(assign\) at escape_m2_words\.go:119:31$" "  flow: \{storage for \(\[\]byte\)\(s\)\} = &\{storage for \(\[\]byte\)\(s\)\}:$" "    from \(\[\]byte\)\(s\) \(spill\) at escape_m2_words\.go:119:39$" "    from \(\[\]byte\)\(s\) \(interface-converted\) at escape_m2_words\.go:119:28$" "s does not escape$" "\(\[\]byte\)\(s\) escapes to heap$"
func concat(x, y string) { gi = x + y } // ERROR "x \+ y escapes to heap:$" "  flow: \{heap\} = &\{storage for x \+ y\}:$" "    from x \+ y \(spill\) at escape_m2_words\.go:120:28$" "    from gi = x \+ y \(assign\) at escape_m2_words\.go:120:31$" "  flow: \{storage for x \+ y\} = &\{storage for x \+ y\}:$" "    from x \+ y \(spill\) at escape_m2_words\.go:120:35$" "    from x \+ y \(interface-converted\) at escape_m2_words\.go:120:28$" "x does not escape$" "y does not escape$" "x \+ y escapes to heap$"
