// errorcheck

package main

const big = 1 << 100

func main() {
	var a int8 = 128 // ERROR "cannot use 128 \(untyped int constant\) as int8 value in variable declaration \(overflows\)"
	var b uint8 = -1 // ERROR "cannot use -1 \(untyped int constant\) as uint8 value in variable declaration \(overflows\)"
	var c int = big // ERROR "cannot use big \(untyped int constant 1267650600228229401496703205376\) as int value in variable declaration \(overflows\)"
	d := int32(1 << 31) // ERROR "cannot convert 1 << 31 \(untyped int constant 2147483648\) to type int32"
	const e int16 = 40000 // ERROR "cannot use 40000 \(untyped int constant\) as int16 value in constant declaration \(overflows\)"
	const f = uint8(255) + 1 // ERROR "uint8\(255\) \+ 1 \(constant 256 of type uint8\) overflows uint8"
	g := 10 / 0 // ERROR "invalid operation: division by zero"
	var h float32 = 1e50 // ERROR "cannot use 1e50 \(untyped float constant 1e\+50\) as float32 value in variable declaration \(overflows\)"
	_, _, _, _, _, _ = a, b, c, d, g, h
}
