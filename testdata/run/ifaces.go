package main

import "fmt"

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ w, h float64 }
type Circle struct{ r float64 }
type Named string

func (r Rect) Area() float64    { return r.w * r.h }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return 3 * c.r * c.r }
func (c *Circle) Name() string  { return "circle" }
func (n Named) String() string  { return "named:" + string(n) }

type Stringer interface{ String() string }

type Inner struct{ x int }

func (i Inner) Name() string     { return fmt.Sprint("inner", i.x) }
func (i *Inner) Area() float64   { return float64(i.x) }

type Outer struct {
	*Inner
	y int
}

type E struct{ msg string }

func (e *E) Error() string { return "E:" + e.msg }

func mayfail(b bool) error {
	if b {
		return &E{"bad"}
	}
	return nil
}

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprint("int ", v+1)
	case string, float64:
		return fmt.Sprint("string or float ", v)
	case Shape:
		return "shape " + v.Name()
	case error:
		return "error " + v.Error()
	default:
		return "other"
	}
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}, Outer{&Inner{7}, 1}}
	total := 0.0
	for _, s := range shapes {
		fmt.Println(s.Name(), s.Area())
		total += s.Area()
	}
	fmt.Println(total)
	var s Stringer = Named("x")
	fmt.Println(s.String())
	fmt.Println(s)
	var a interface{} = s
	if st, ok := a.(Stringer); ok {
		fmt.Println("ok", st.String())
	}
	if _, ok := a.(Shape); !ok {
		fmt.Println("not a shape")
	}
	n := a.(Named)
	fmt.Println(n)
	fmt.Println(describe(nil), describe(3), describe("s"), describe(2.5), describe(Rect{1, 1}), describe(mayfail(true)), describe([]int{}))
	err := mayfail(false)
	fmt.Println(err == nil, mayfail(true) != nil)
	err = mayfail(true)
	fmt.Println(err)
	var sh Shape = Rect{1, 2}
	var sh2 Shape = Rect{1, 2}
	fmt.Println(sh == sh2, sh != Shape(&Circle{2}))
	var e interface{} = sh
	r := e.(Rect)
	fmt.Println(r.w, r.h)

}

func defer1() {
	var x interface{} = 5
	s := x.(string)
	fmt.Println(s)
}
