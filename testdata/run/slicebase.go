// run

// A slice expression whose result is empty keeps the old base pointer (gc's rule): s[5:]
// of a 5-element slice, or x[5:] of a 5-byte string, must not point past the end of the
// memory, at whatever object follows it.

package main

import (
	"fmt"
	"unsafe"
)

var (
	hello = "hello"
	bytes = []byte{1, 2, 3, 4, 5}
	five  = 5
)

func base(s []byte) uintptr { return *(*uintptr)(unsafe.Pointer(&s)) }

func sbase(s string) uintptr { return *(*uintptr)(unsafe.Pointer(&s)) }

func main() {
	b0, s0 := base(bytes), sbase(hello)
	fmt.Println(base(bytes[5:])-b0 < 5, base(bytes[five:])-b0 < 5, base(bytes[2:2:2])-b0 < 5)
	fmt.Println(sbase(hello[5:])-s0 < 5, sbase(hello[five:five])-s0 < 5)
	fmt.Println(base(bytes[2:])-b0, sbase(hello[1:3])-s0, len(bytes[five:]), hello[3:])
}
