// run

// Complex division where Smith's algorithm alone gives NaN+NaNi: a non-NaN dividend over
// zero is infinite, an infinite dividend over a finite divisor is infinite, a finite
// dividend over an infinite divisor is zero (C99 Annex G.5.1, as Go does).

package main

import (
	"fmt"
	"math"
)

func main() {
	inf, nan := math.Inf(1), math.NaN()
	zero := 0.0
	cases := [][2]complex128{
		{complex(1, 2), complex(zero, zero)},
		{complex(-1, 0), complex(-zero, zero)},
		{complex(inf, 1), complex(2, 3)},
		{complex(1, -inf), complex(2, -3)},
		{complex(1, 2), complex(inf, 0)},
		{complex(-1, 2), complex(0, -inf)},
		{complex(nan, nan), complex(0, 0)},
		{complex(0, 0), complex(nan, inf)},
		{complex(3, 4), complex(1, 2)},
	}
	for _, c := range cases {
		fmt.Println(c[0], "/", c[1], "=", c[0]/c[1])
	}
	var a complex64 = complex(float32(inf), 1)
	var b complex64 = 2
	fmt.Println(a / b)
}
