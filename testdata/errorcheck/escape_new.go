// errorcheck -0 -m -l

// Escape analysis of new(T) and &T{} with nested composite literals.

package escape

type Inner struct {
	N int
}

type Outer struct {
	In  *Inner
	Arr [2]*Inner
	S   []*Inner
}

var gOuter *Outer
var gInner *Inner

func nestedLocal() int {
	o := &Outer{In: &Inner{1}} // ERROR "&Outer{...} does not escape$" "&Inner{...} does not escape$"
	return o.In.N
}

func nestedEscapes() *Outer {
	return &Outer{In: &Inner{2}} // ERROR "&Outer{...} escapes to heap$" "&Inner{...} escapes to heap$"
}

func innerOnly() *Inner {
	o := Outer{In: &Inner{3}} // ERROR "&Inner{...} escapes to heap$"
	return o.In
}

func newStruct() *Inner {
	p := new(Inner) // ERROR "new\(Inner\) escapes to heap$"
	p.N = 4
	return p
}

func newStructLocal() int {
	p := new(Inner) // ERROR "new\(Inner\) does not escape$"
	p.N = 5
	return p.N
}

func sliceOfPtrs() int {
	s := []*Inner{&Inner{6}, new(Inner)} // ERROR "\[\]\*Inner{...} does not escape$" "&Inner{...} does not escape$" "new\(Inner\) does not escape$"
	return s[0].N + s[1].N
}

func sliceOfPtrsSink() {
	gOuter = &Outer{S: []*Inner{{7}}} // ERROR "&Outer{...} escapes to heap$" "\[\]\*Inner{...} escapes to heap$" "&Inner{...} escapes to heap$"
}

func arrField() *Inner {
	o := &Outer{} // ERROR "&Outer\{\} does not escape$"
	o.Arr[0] = &Inner{8} // ERROR "&Inner{...} escapes to heap$"
	return o.Arr[0]
}

func newPtrPtr() **Inner {
	pp := new(*Inner) // ERROR "new\(\*Inner\) escapes to heap$"
	*pp = &Inner{9} // ERROR "&Inner{...} escapes to heap$"
	return pp
}

func assignGlobal() {
	var in Inner // ERROR "moved to heap: in$"
	gInner = &in
}
