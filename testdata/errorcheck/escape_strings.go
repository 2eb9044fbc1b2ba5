// errorcheck -0 -m -l

// Escape analysis of strings and byte slices: conversions and concatenations.

package escape

var gs string
var gb []byte

func concatLocal(a, b string) int { // ERROR "a does not escape$" "b does not escape$"
	s := a + b // ERROR "a \+ b does not escape$"
	return len(s)
}

func concatReturned(a, b string) string { // ERROR "a does not escape$" "b does not escape$"
	return a + b // ERROR "a \+ b escapes to heap$"
}

func concatSink(a, b string) { // ERROR "a does not escape$" "b does not escape$"
	gs = a + b // ERROR "a \+ b escapes to heap$"
}

func toBytesLocal(s string) int { // ERROR "s does not escape$"
	b := []byte(s) // ERROR "\(\[\]byte\)\(s\) does not escape$"
	return len(b)
}

func toBytesReturned(s string) []byte { // ERROR "s does not escape$"
	return []byte(s) // ERROR "\(\[\]byte\)\(s\) escapes to heap$"
}

func fromBytes(b []byte) string { // ERROR "b does not escape$"
	return string(b) // ERROR "string\(b\) escapes to heap$"
}

func fromBytesLocal(b []byte) bool { // ERROR "b does not escape$"
	return string(b) == "x" // ERROR "string\(b\) does not escape$"
}

func substr(s string) string { // ERROR "leaking param: s to result ~r0 level=0$"
	return s[1:]
}

func storeStr(s string) { // ERROR "leaking param: s$"
	gs = s
}

func runes(s string) int { // ERROR "s does not escape$"
	r := []rune(s) // ERROR "\(\[\]rune\)\(s\) does not escape$"
	return len(r)
}

func byteSink(s string) { // ERROR "s does not escape$"
	gb = []byte(s) // ERROR "\(\[\]byte\)\(s\) escapes to heap$"
}
