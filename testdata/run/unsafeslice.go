// run

// unsafe.Add and unsafe.Slice, with the panics of unsafe.Slice: a negative length, a
// nil pointer with a non-zero length, and a slice that would wrap the address space.

package main

import (
	"fmt"
	"unsafe"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	a := [4]int32{10, 20, 30, 40}
	p := unsafe.Pointer(&a[1])
	fmt.Println(*(*int32)(unsafe.Add(p, 4)), *(*int32)(unsafe.Add(p, -4)))
	var k uint8 = 8
	fmt.Println(*(*int32)(unsafe.Add(unsafe.Pointer(&a[0]), k)))
	s := unsafe.Slice(&a[1], 3)
	fmt.Println(s, len(s), cap(s), &s[0] == &a[1])
	fmt.Println(unsafe.Slice((*int)(nil), 0) == nil)
	neg := -1
	try("negative:", func() { _ = unsafe.Slice(&a[0], neg) })
	try("nil:", func() { _ = unsafe.Slice((*int)(nil), 1) })
	var big uint64 = 1 << 63
	try("too big:", func() { _ = unsafe.Slice(&a[0], big) })
	last := (*byte)(unsafe.Pointer(^uintptr(0)))
	_ = unsafe.Slice(last, 1)
	try("wraps:", func() { _ = unsafe.Slice(last, 2) })
}
