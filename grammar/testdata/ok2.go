// Semicolon insertion and composite literals in statement headers.
package main

type P struct{ x int }

func g() bool { return true } /* a
comment */ var v = 1

func main() {
	if p := (P{1}); p.x == 1 {
	}
	for _, q := range []P{{1}, {2}} {
		_ = q
	}
	if g := func() bool { if true { return true }; return false }(); g {
	}
	switch x := struct{ a int }{1}; x.a {
	}
	_ = P{
		x: 1,
	}
	_ = map[string]int{
		"a": 1,
	}
}
