// run

// Two methods named _ on one type were both emitted as main.T._, an internal error in
// codegen ("defined twice"); gc never compiles blank functions (Go test blank.go).

package main

import "fmt"

type T struct{ x int }

func (T) _() {
	fmt.Println("never called")
}

func (T) _() {
	func() { fmt.Println("never called either") }()
}

func _() {}

func _() {}

func main() {
	fmt.Println(T{1}.x)
}
