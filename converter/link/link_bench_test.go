package link_test

import (
	"testing"

	"github.com/tddui/tddui/converter/internal/benchdata"
)

// BenchmarkResolve resolves every reference of a generated set (Resolve
// starts each record's links afresh, so it can run again on the same set).
func BenchmarkResolve(b *testing.B) {
	path, rows := benchdata.Generate(b, "set")
	set, rep := benchdata.Resolved(b, path)
	b.ResetTimer()
	for b.Loop() {
		set.Resolve(rep)
	}
	if rep.Errors() > 0 {
		b.Fatalf("%+v", rep.Issues[0])
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
