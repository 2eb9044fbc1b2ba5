// run

// strings.Builder (static and interface calls, copy check) and the bytes subset.
package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

func write(w io.Writer, s string) { fmt.Fprintf(w, "<%s>", s) }

func main() {
	var sb strings.Builder
	sb.WriteString("hello")
	sb.WriteByte(' ')
	sb.WriteRune('☺')
	sb.Write([]byte("!"))
	fmt.Println(sb.String(), sb.Len())
	write(&sb, "x")
	var w io.Writer = &sb
	w.Write([]byte("y"))
	fmt.Println(sb.String(), sb.Len(), sb.Cap() >= sb.Len())
	sb.Reset()
	sb.Grow(10)
	fmt.Println(sb.Len(), sb.Cap())
	b := &strings.Builder{}
	for i := 0; i < 5; i++ {
		fmt.Fprintf(b, "%d,", i)
	}
	fmt.Println(b.String())
	fmt.Println(bytes.Equal([]byte("a"), []byte("a")), bytes.Compare([]byte("a"), []byte("b")), bytes.Index([]byte("hello"), []byte("ll")), bytes.IndexByte([]byte("abc"), 'c'), bytes.Contains([]byte("abc"), []byte("bc")), bytes.Count([]byte("cheese"), []byte("e")), bytes.HasPrefix([]byte("go"), []byte("g")), bytes.HasSuffix([]byte("go"), []byte("o")), bytes.LastIndex([]byte("go go"), []byte("go")))
	c := sb
	defer func() { fmt.Println("recovered:", recover()) }()
	c.WriteString("boom")
}
