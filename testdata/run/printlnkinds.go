// run

package main

func main() {
	println(1, -2, "three", true, false)
	println(1.5, -0.25, 1e21, float32(3.25))
	var i8 int8 = -8
	var u64 uint64 = 18446744073709551615
	var b byte = 'x'
	var r rune = 'y'
	println(i8, u64, b, r)
	print("no newline", 1, 2, "\n")
	print(3, "\n")
	var p *int
	println(p)
	println()
	println("")
	var s []int
	println(len(s), cap(s))
	println("a", "b")
	var f float64
	println(f, -f)
}
