// run

// os.Getenv, os.Stdout/Stderr and fmt.Fprint* (std_os.c).
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

type upper struct{ n int }

func (u *upper) Write(p []byte) (int, error) {
	u.n += len(p)
	os.Stdout.WriteString(strings.ToUpper(string(p)))
	return len(p), nil
}

func emit(w io.Writer, s string) {
	fmt.Fprintf(w, "[%s]\n", s)
}

func main() {
	fmt.Println(os.Getenv("GOSUB_SURELY_UNSET_VAR") == "", len(os.Getenv("PATH")) > 0)
	v, ok := os.LookupEnv("GOSUB_SURELY_UNSET_VAR")
	fmt.Printf("%q %v\n", v, ok)
	n, err := fmt.Fprintln(os.Stdout, "hello", 42)
	fmt.Println(n, err)
	fmt.Fprint(os.Stdout, "a", "b", 1, 2, "\n")
	fmt.Fprintf(os.Stdout, "%d-%s\n", 7, "x")
	os.Stdout.Write([]byte("raw bytes\n"))
	os.Stdout.WriteString("raw string\n")
	fmt.Println(os.Stdout.Name(), os.Stderr.Name())
	u := &upper{}
	emit(u, "shout")
	emit(os.Stdout, "plain")
	var w io.Writer = os.Stdout
	w.Write([]byte("through io.Writer\n"))
	if sw, ok := w.(io.StringWriter); ok {
		sw.WriteString("through io.StringWriter\n")
	}
	fmt.Fprintln(u, "counted")
	fmt.Println(u.n)
	_, isFile := w.(*os.File)
	fmt.Println(isFile, w == os.Stdout)
	fmt.Println(io.EOF, io.EOF == io.EOF)

	r, size := utf8.DecodeRuneInString("héllo"[1:])
	fmt.Println(r, size, utf8.RuneLen('é'), utf8.RuneLen(-1), utf8.RuneCountInString("héllo"), utf8.ValidString("a\xff"))
	r, size = utf8.DecodeLastRuneInString("héllo☺")
	fmt.Println(r, size, utf8.FullRune([]byte{0xe2, 0x98}), utf8.FullRuneInString("\xe2\x98\xba"), utf8.RuneStart(0x98))
	r, size = utf8.DecodeRune(nil)
	fmt.Println(r, size, utf8.RuneCount([]byte("☺☺")), utf8.Valid([]byte("ok")), utf8.ValidRune(0xD800))
	buf := make([]byte, 4)
	fmt.Println(utf8.EncodeRune(buf, '☺'), buf, string(utf8.AppendRune([]byte("x"), 'é')))
	fmt.Fprintln(os.Stderr, "to stderr")
}
