// escgolden -m=2 -l

// The keys and values of a map literal: -m=2 names where an address enters the map
// ("from map[*int]*int{...} (map literal key)" / "(map literal value)"). gc stores every
// pointer put in a map on the heap. The golden is gc's output.

package main

var sink interface{}

func lit() {
	i := 0
	j := 0
	m := map[*int]*int{&i: &j}
	_ = m
}

func strs(a, b string) map[string]*string {
	return map[string]*string{a: &b}
}

func main() {
	lit()
	sink = strs("x", "y")
}
