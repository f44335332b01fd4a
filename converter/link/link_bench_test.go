package link_test

import (
	"testing"

	"github.com/tddui/tddui/converter/internal/benchdata"
	"github.com/tddui/tddui/converter/report"
)

// BenchmarkResolve resolves every reference of a generated set, typed
// afresh (untimed) for each run: Resolve adds links and then drops the
// keys' index, so it runs once on a set.
func BenchmarkResolve(b *testing.B) {
	path, rows := benchdata.Generate(b, "set")
	sheets := benchdata.ReadAll(b, path)
	for b.Loop() {
		b.StopTimer()
		rep := &report.Report{}
		set := benchdata.Type(sheets, rep)
		b.StartTimer()
		set.Resolve(rep)
		if rep.Errors() > 0 {
			b.Fatalf("%+v", rep.Issues[0])
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
