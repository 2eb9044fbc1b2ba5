// escgolden -m=2 -l

// append passes its first operand through a temporary: the leak of the appendee's
// elements is two flows in -m=2, "{temp} = vals" (call parameter) and "{heap} = *{temp}"
// (appendee slice). The golden is gc's output.

package main

func grow(x *int, vals ...*int) int {
	vals = append(vals, x)
	return len(vals)
}

func grow2(s []*string, t *string) []*string {
	return append(s, t)
}

func main() {
	n := 1
	println(grow(&n))
	str := "a"
	println(len(grow2(nil, &str)))
}
