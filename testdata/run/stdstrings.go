// run

// The strings package subset (std_strings.c).
package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func main() {
	s := "Hello, World! Héllo, wörld!"
	fmt.Println(strings.Index(s, "llo"), strings.LastIndex(s, "llo"), strings.Index(s, ""), strings.LastIndex(s, ""))
	fmt.Println(strings.IndexByte(s, 'W'), strings.LastIndexByte(s, 'l'), strings.IndexRune(s, 'ö'), strings.IndexRune(s, 'z'))
	fmt.Println(strings.IndexRune("a\xffb", utf8.RuneError), strings.IndexRune("a\uFFFDb", utf8.RuneError), strings.IndexRune("ab", -1))
	fmt.Println(strings.IndexAny(s, "xyz!"), strings.LastIndexAny(s, "lH"), strings.IndexAny(s, ""), strings.IndexFunc(s, func(r rune) bool { return r > 127 }))
	fmt.Println(strings.Contains(s, "World"), strings.Contains(s, "world"), strings.ContainsRune(s, 'é'), strings.ContainsAny(s, "qz"), strings.Contains("", ""))
	fmt.Println(strings.HasPrefix(s, "Hell"), strings.HasSuffix(s, "ld!"), strings.HasPrefix("a", "ab"), strings.HasSuffix(s, ""))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.Count("ééé", ""), strings.Count("aaaa", "aa"))
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("héllo", "HÉLLO"), strings.EqualFold("a", "ab"))

	show := func(xs []string) { fmt.Printf("%q len=%d cap=%d\n", xs, len(xs), cap(xs)) }
	show(strings.Split("a,b,c", ","))
	show(strings.Split("a,b,,c,", ","))
	show(strings.Split("abc", ""))
	show(strings.Split("héllo", ""))
	show(strings.Split("", ","))
	show(strings.Split("", ""))
	show(strings.Split("a\xffb", ""))
	show(strings.SplitN("a,b,c,d", ",", 2))
	show(strings.SplitN("a,b,c,d", ",", 0))
	show(strings.SplitN("a,b,c,d", ",", -1))
	show(strings.SplitN("abcd", "", 2))
	show(strings.SplitAfter("a,b,c", ","))
	show(strings.SplitAfterN("a,b,c", ",", 2))
	show(strings.Fields("  foo bar\tbaz\n\u00a0qux\u2003 "))
	show(strings.Fields(""))
	show(strings.Fields("   "))
	show(strings.FieldsFunc("a1b22c333", func(r rune) bool { return r >= '0' && r <= '9' }))
	fmt.Printf("%q %q %q\n", strings.Join([]string{"a", "b", "c"}, "--"), strings.Join(nil, ","), strings.Join([]string{"x"}, ","))

	fmt.Printf("%q %q %q\n", strings.TrimSpace("  \t hi there \n "), strings.TrimSpace("   "), strings.TrimSpace("\u2000x\u3000"))
	fmt.Printf("%q %q %q %q\n", strings.Trim("xxhixx", "x"), strings.Trim("¡¡hola!!", "!¡"), strings.Trim("abc", ""), strings.Trim("aaa", "a"))
	fmt.Printf("%q %q\n", strings.TrimLeft("xxhixx", "x"), strings.TrimRight("xxhixx", "x"))
	fmt.Printf("%q %q %q\n", strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("body.go", ".go"), strings.TrimSuffix("body.go", ".c"))
	isDigit := func(r rune) bool { return r >= '0' && r <= '9' }
	fmt.Printf("%q %q %q\n", strings.TrimFunc("123abc456", isDigit), strings.TrimLeftFunc("123abc456", isDigit), strings.TrimRightFunc("123abc456", isDigit))

	fmt.Println(strings.ToUpper("hello, wörld ß"), strings.ToLower("HELLO, WÖRLD Σ"), strings.ToUpper("abc\xffdef"))
	up := "ALREADY"
	fmt.Println(strings.ToUpper(up) == up, strings.ToLower("ÀÉÎ"))
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'a' {
			return 'A'
		}
		if r == 'x' {
			return -1
		}
		return r
	}, "banana xyz"))

	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.Replace("oink oink oink", "oink", "moo", -1))
	fmt.Println(strings.ReplaceAll("aaa", "a", "bb"), strings.Replace("abc", "", "-", -1), strings.Replace("héllo", "", "|", 3))
	fmt.Println(strings.Replace("abc", "x", "y", -1), strings.Replace("abc", "b", "b", -1), strings.Replace("abc", "b", "x", 0))

	fmt.Println(strings.Repeat("ab", 3), strings.Repeat("", 5), len(strings.Repeat("x", 0)))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	before, after, found = strings.Cut("novalue", "=")
	fmt.Printf("%q %q %v\n", before, after, found)

	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(strings.Repeat("x", -1))
}
