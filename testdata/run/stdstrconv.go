// run

// The strconv package subset (std_strconv.c): gc's *NumError messages and values.
package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	for _, s := range []string{"0", "-0", "+12", "123456789012345678", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "", "-", "+", "1_000", "12a", " 1", "0x10", "99999999999999999999x"} {
		n, err := strconv.Atoi(s)
		fmt.Println("Atoi", strconv.Quote(s), n, err)
	}
	type pi struct {
		s         string
		base, bit int
	}
	for _, c := range []pi{{"127", 10, 8}, {"128", 10, 8}, {"-128", 10, 8}, {"-129", 10, 8}, {"0x1F", 0, 64}, {"0b101", 0, 0}, {"0o17", 0, 0}, {"017", 0, 0}, {"1_000", 0, 0}, {"1__0", 0, 0}, {"_1", 0, 0}, {"1_", 0, 0}, {"1_000", 10, 0}, {"zz", 36, 0}, {"12", 1, 0}, {"12", 37, 0}, {"12", 10, 65}, {"-0x80", 0, 8}, {"0x", 0, 0}, {"08", 0, 0}} {
		n, err := strconv.ParseInt(c.s, c.base, c.bit)
		fmt.Println("ParseInt", c.s, c.base, c.bit, n, err)
		u, err := strconv.ParseUint(c.s, c.base, c.bit)
		fmt.Println("ParseUint", c.s, c.base, c.bit, u, err)
	}
	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False", "yes", ""} {
		b, err := strconv.ParseBool(s)
		fmt.Println("ParseBool", s, b, err)
	}
	for _, s := range []string{"3.14", "-0", "1e10", "1E-5", ".5", "5.", "1_000.5", "0x1p-2", "0x1.8p1", "0x1", "inf", "-Inf", "+infinity", "NaN", "nan", "+nan", "1e400", "-1e400", "1e-400", "abc", "1.5x", "", ".", "e5", "1e", "1e+", "0.1", "123456789012345678901234567890", "2.2250738585072011e-308", "4.9e-324", "1.7976931348623157e308", "1.7976931348623159e308"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println("ParseFloat", s, f, err)
		g, err := strconv.ParseFloat(s, 32)
		fmt.Println("ParseFloat32", s, g, err)
	}
	fmt.Println(strconv.Itoa(0), strconv.Itoa(-45), strconv.Itoa(math.MaxInt64), strconv.Itoa(math.MinInt64))
	fmt.Println(strconv.FormatInt(-255, 16), strconv.FormatInt(35, 36), strconv.FormatInt(5, 2), strconv.FormatUint(math.MaxUint64, 10), strconv.FormatUint(255, 8))
	fmt.Println(strconv.FormatBool(true), strconv.FormatBool(false))
	for _, f := range []float64{0, 1, -1.5, 3.14159, 1e21, 1e-7, 123456789, math.Inf(1), math.NaN(), 0.1, 100} {
		fmt.Println(strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'f', 2, 64), strconv.FormatFloat(f, 'e', 3, 64), strconv.FormatFloat(f, 'G', 4, 64), strconv.FormatFloat(f, 'f', -1, 32), strconv.FormatFloat(f, 'b', -1, 64), strconv.FormatFloat(f, 'x', -1, 64), strconv.FormatFloat(f, 'z', -1, 64))
	}
	for _, s := range []string{"", "hello", "tab\there", "quote\"back\\", "\x00\x07\x7f", "héllo☺", "\xff\xfe", "\u2028", "\U0001F600", "\u00ad"} {
		fmt.Println(strconv.Quote(s), strconv.QuoteToASCII(s))
	}
	for _, r := range []rune{'a', '\'', '"', '\n', '☺', 0x7f, 0xD800, -1, 0x110000, '\U0001F600', 0xad} {
		fmt.Println(strconv.QuoteRune(r), strconv.QuoteRuneToASCII(r), strconv.IsPrint(r))
	}
	for _, s := range []string{`"hello"`, `"tab\there"`, "`raw\\n`", "`a\rb`", `'a'`, `'ab'`, `''`, `'\''`, `"\x41\u00e9\U0001F600\101"`, `"bad`, `"\q"`, `"a"b"`, `'\"'`, `"\'"`, `x`, `""`, `"\xff"`, "\"a\nb\"", `"\400"`, `'☺'`, `"☺"`} {
		u, err := strconv.Unquote(s)
		fmt.Printf("Unquote %s %q %v\n", s, u, err)
	}
	b := []byte("n=")
	b = strconv.AppendInt(b, -42, 10)
	b = strconv.AppendInt(b, 255, 16)
	fmt.Println(string(b))
	var nilb []byte
	fmt.Println(string(strconv.AppendInt(nilb, 7, 2)))
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(strconv.FormatInt(1, 1))
}
