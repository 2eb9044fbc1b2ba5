// run

// Package time's subset: Duration (its units, arithmetic and String, also through fmt
// and interfaces), Now, Since, Sub, Sleep. Sleep and runtime.Gosched are yield points: a
// finalizer queued by an automatic collection runs there (Go's finalizer goroutine would
// run while main sleeps).

package main

import (
	"fmt"
	"runtime"
	"time"
)

type obj struct{ buf [64]byte }

var finalized int

//go:noinline
func mk() {
	o := new(obj)
	runtime.SetFinalizer(o, func(*obj) { finalized++ })
}

var sink []byte

func main() {
	for _, d := range []time.Duration{0, 7, 1500, 2 * time.Millisecond, 90 * time.Second,
		-3*time.Hour - 25*time.Minute, 1<<63 - 1} {
		fmt.Println(d, d.Seconds(), d.Milliseconds(), d.Hours() > 1)
	}
	var s fmt.Stringer = time.Minute + 30*time.Second
	fmt.Printf("%v %s %d %T\n", s, s.String(), time.Millisecond, time.Second)

	t0 := time.Now()
	time.Sleep(15 * time.Millisecond)
	el := time.Since(t0)
	fmt.Println(el >= 15*time.Millisecond, el < 5*time.Second, time.Now().Sub(t0) >= el)

	mk()
	for i := 0; i < 2000; i++ {
		sink = make([]byte, 64<<10) // 128 MB of garbage: automatic collections
	}
	n := 0
	for i := 0; i < 100 && finalized == 0; i++ {
		runtime.Gosched()
		time.Sleep(time.Millisecond)
		n++
	}
	fmt.Println("finalized while sleeping:", finalized)
}
