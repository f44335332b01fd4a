package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

// startProfiles writes Go profiles when the environment asks for them:
// TDDUI_PROFIL_CPU=FILE (CPU, the whole run) and TDDUI_PROFIL_MEMOIRE=FILE
// (heap, at its peak). They are how the figures of scripts/bench.sh are
// explained: `go tool pprof tddui FILE`. The returned func stops them.
func startProfiles() func() {
	stop := func() {}
	if f := os.Getenv("TDDUI_PROFIL_CPU"); f != "" {
		out, err := os.Create(f)
		if err == nil {
			err = pprof.StartCPUProfile(out)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "tddui : profil CPU :", err)
		} else {
			stop = func() { pprof.StopCPUProfile(); out.Close() }
		}
	}
	if f := os.Getenv("TDDUI_PROFIL_MEMOIRE"); f != "" {
		done := make(chan struct{})
		go watchHeap(f, done)
		cpu := stop
		stop = func() { close(done); cpu() }
	}
	return stop
}

// watchHeap writes the heap profile each time the live heap passes its
// previous peak (checked twice a second): the file ends up describing the
// peak, which is what RSS is made of.
func watchHeap(file string, done chan struct{}) {
	var peak uint64
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case <-tick.C:
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if m.HeapInuse <= peak+peak/10 {
			continue
		}
		peak = m.HeapInuse
		out, err := os.Create(file)
		if err == nil {
			err = pprof.Lookup("heap").WriteTo(out, 0)
			out.Close()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "tddui : profil mémoire :", err)
			return
		}
	}
}
