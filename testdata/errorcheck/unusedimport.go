// errorcheck

package main

import (
	"fmt"
	"os" // ERROR "imported and not used: \x22os\x22$"
	str "strings" // ERROR "imported and not used: \x22strings\x22 as str$"
)

func main() {
	fmt.Println("hi")
}
