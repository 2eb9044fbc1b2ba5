// run

package main

import "fmt"

type Celsius float64

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }

type Vec struct{ X, Y int }

func (v Vec) Add(w Vec) Vec    { return Vec{v.X + w.X, v.Y + w.Y} }
func (v Vec) Scale(k int) Vec  { v.X *= k; v.Y *= k; return v }
func (v Vec) String2() string { return fmt.Sprintf("(%d,%d)", v.X, v.Y) }

type Counter int

func (c Counter) Next() Counter { return c + 1 }

func main() {
	var c Celsius = 100
	fmt.Println(c.Fahrenheit(), Celsius(-40).Fahrenheit())
	v := Vec{1, 2}
	w := v.Add(Vec{10, 20}).Scale(3)
	fmt.Println(v, w, w.String2())
	p := &v
	fmt.Println(p.Add(v))
	var k Counter
	fmt.Println(k.Next().Next().Next())
}
