package bundle_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/tddui/tddui/converter/bundle"
	"github.com/tddui/tddui/internal/fhirx"
)

// BenchmarkEncode gathers each usager's rows (Members) and encodes its
// bundle, from resources already built.
func BenchmarkEncode(b *testing.B) {
	set := buildSet(b)
	encode := func() int64 {
		var n int64
		for _, u := range set.usagers {
			entries := set.entries(u)
			data, err := bundle.Encode(entries, bundle.ByType, false)
			if err != nil {
				b.Fatal(err)
			}
			n += int64(len(data))
			bundle.Recycle(data) // as the conversion does once a bundle is written
		}
		return n
	}
	// sonic, as a large conversion encodes (a small one keeps encoding/json)
	fhirx.UseSonic()
	// once untimed: what the encoder sets up per type on first use
	// (encoding/json's cache, sonic's JIT) is paid once per process, not
	// per op; a small conversion measures it
	encode()
	b.ResetTimer()
	cpu0 := processCPU()
	var bytes int64
	for b.Loop() {
		bytes += encode()
	}
	b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(set.rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(bytes)/float64(b.N)/1e6, "MB-out/op")
}

// processCPU is the process's CPU time, user and system, GC workers
// included: reported per op as "cpu-ns/op", steadier than wall time on a
// machine shared with other programs, which also counts their turns.
func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
