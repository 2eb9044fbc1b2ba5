// compile

// Two blank labels in a row once made the builder reuse one block for both and
// jump from it to itself (Go test fixedbugs/issue52278.go).

package main

func main() {
_:
_:
}
