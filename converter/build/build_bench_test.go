package build_test

import (
	"testing"

	"github.com/tddui/tddui/converter/internal/benchdata"
)

// BenchmarkBuild builds the resources of every record of a generated set.
func BenchmarkBuild(b *testing.B) {
	path, rows := benchdata.Generate(b, "set")
	set, rep := benchdata.Resolved(b, path)
	b.ResetTimer()
	for b.Loop() {
		ctx := benchdata.Context(set, rep)
		for _, sh := range set.Template.Sheets {
			for _, r := range set.Sheets[sh.Key] {
				ctx.Build(r)
			}
		}
	}
	if rep.Errors() > 0 {
		b.Fatalf("%+v", rep.Issues[0])
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
