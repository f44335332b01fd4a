package main

import (
	"os"
	"runtime/debug"
)

// defaultMemoryMB is the soft memory limit of a conversion. Without one,
// Go lets the heap grow to twice what is live before collecting: a
// million-row migration holds ~0.5 GB of rows and would reach 2–3 GB of
// RSS. Soft: when the rows alone need more, Go collects more often (it
// gives the collector at most half the CPU), it never fails for it.
const defaultMemoryMB = 900

// limitMemory sets the soft limit, unless GOMEMLIMIT already did.
func limitMemory(mb int) {
	if mb <= 0 || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(int64(mb) << 20)
}
