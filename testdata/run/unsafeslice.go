// run

// unsafe.Add and unsafe.Slice, also with both operands from one multi-value call, and
// the panics of unsafe.Slice: a negative length, a nil pointer with a non-zero length,
// and a slice that would wrap the address space.

package main

import (
	"fmt"
	"unsafe"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

var arr = [4]int32{1, 2, 3, 4}

func addArgs() (unsafe.Pointer, uint8) { return unsafe.Pointer(&arr[0]), 8 }

func sliceArgs() (*int32, int64) { return &arr[1], 2 }

func main() {
	fmt.Println(*(*int32)(unsafe.Add(addArgs())), unsafe.Slice(sliceArgs()))
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
