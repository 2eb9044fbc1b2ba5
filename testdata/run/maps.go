package main

import "fmt"

type P struct{ x, y int }

func main() {
	m := make(map[string]int)
	m["a"] = 1
	m["b"] += 5
	m["a"]++
	fmt.Println(len(m), m["a"], m["b"], m["c"])
	v, ok := m["zz"]
	fmt.Println(v, ok)
	if _, ok := m["a"]; ok {
		fmt.Println("has a")
	}
	delete(m, "a")
	fmt.Println(len(m))
	lit := map[int]string{1: "one", 2: "two", 3: "three"}
	sum := 0
	for k, v := range lit {
		sum += k + len(v)
	}
	fmt.Println(sum)
	var nm map[string]int
	fmt.Println(nm["x"], len(nm), nm == nil)
	pm := map[P]*P{{1, 2}: {3, 4}}
	fmt.Println(pm[P{1, 2}].y)
	cnt := map[rune]int{}
	for _, r := range "hello world" {
		cnt[r]++
	}
	fmt.Println(cnt['l'], cnt['o'], len(cnt))
	keys := 0
	for k := range cnt {
		keys += int(k)
	}
	fmt.Println(keys)
	fmt.Println(map[string]bool{"x": true})
	nested := map[string]map[string]int{}
	nested["a"] = map[string]int{"b": 2}
	nested["a"]["c"] = 3
	fmt.Println(nested["a"]["b"] + nested["a"]["c"])
	var ifm = map[interface{}]int{1: 1, "s": 2}
	fmt.Println(ifm[1], ifm["s"])

}
