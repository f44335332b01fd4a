package validation

import (
	"syscall"
	"testing"
	"time"
)

// CPUTimer reports the process's CPU time (user and system, GC workers
// included) per op as "cpu-ns/op": on a shared machine, wall time per op
// also counts the other programs' turns. Exported for run_bench_test.go.
type CPUTimer struct{ start time.Duration }

func StartCPU(b *testing.B) CPUTimer {
	b.ResetTimer()
	return CPUTimer{processCPU()}
}

func (t CPUTimer) Report(b *testing.B) {
	b.ReportMetric(float64(processCPU()-t.start)/float64(b.N), "cpu-ns/op")
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
