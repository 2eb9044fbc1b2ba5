// run

// The collector's API: runtime.GC, ReadMemStats, SetFinalizer, KeepAlive,
// debug.SetGCPercent and debug.FreeOSMemory, with the results that do not depend on the
// collector's timing.

package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

type res struct {
	id   int
	data []int
}

var finalized int
var ids [100]bool

// mk makes n objects with finalizers and drops them. It recurses so that no temporary
// of it stays in main's frame (gosub scans stacks conservatively).
func mk(n int) {
	if n == 0 {
		return
	}
	r := &res{id: n - 1, data: make([]int, 10)}
	runtime.SetFinalizer(r, func(r *res) {
		finalized++
		ids[r.id] = true
	})
	mk(n - 1)
}

var kept *res

func main() {
	fmt.Println("old GOGC:", debug.SetGCPercent(50))
	fmt.Println("old GOGC:", debug.SetGCPercent(-1))
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	n0 := m.NumGC
	for i := 0; i < 1000; i++ {
		_ = make([]byte, 100000)
	}
	runtime.ReadMemStats(&m)
	fmt.Println("no collection with GOGC off:", m.NumGC == n0)
	fmt.Println("old GOGC:", debug.SetGCPercent(100))

	kept = &res{id: 1000}
	runtime.SetFinalizer(kept, func(r *res) { panic("finalizer of a reachable object ran") })
	mk(100)
	for i := 0; i < 1000 && finalized < 100; i++ {
		runtime.GC()
		runtime.Gosched()
	}
	all := true
	for _, b := range ids {
		all = all && b
	}
	fmt.Println("finalizers ran:", finalized, all)
	runtime.KeepAlive(kept)

	runtime.GC()
	runtime.ReadMemStats(&m)
	fmt.Println("NumGC counts forced collections:", m.NumForcedGC > 0 && m.NumGC >= m.NumForcedGC)
	fmt.Println("HeapIdle+HeapInuse == HeapSys:", m.HeapIdle+m.HeapInuse == m.HeapSys)
	fmt.Println("HeapAlloc == Alloc:", m.HeapAlloc == m.Alloc)
	fmt.Println("HeapObjects == Mallocs-Frees:", m.HeapObjects == m.Mallocs-m.Frees)
	fmt.Println("TotalAlloc >= Alloc:", m.TotalAlloc >= m.Alloc)
	fmt.Println("Sys >= HeapSys:", m.Sys >= m.HeapSys)
	fmt.Println("PauseTotalNs > 0:", m.PauseTotalNs > 0, m.PauseNs[(m.NumGC+255)%256] > 0)
	fmt.Println("LastGC set:", m.LastGC > 1600000000000000000)
	fmt.Println("NextGC at least 4 MB:", m.NextGC >= 4<<20)
	fmt.Println("EnableGC:", m.EnableGC, "DebugGC:", m.DebugGC)
	fmt.Println("BySize[1]:", m.BySize[1].Size, m.BySize[1].Mallocs >= m.BySize[1].Frees)
	fmt.Println("BySize[60]:", m.BySize[60].Size)
	debug.FreeOSMemory()
	runtime.ReadMemStats(&m)
	fmt.Println("released after FreeOSMemory:", m.HeapReleased > 0)
}
