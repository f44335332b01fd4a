package record_test

import (
	"testing"

	"github.com/tddui/tddui/converter/internal/benchdata"
	"github.com/tddui/tddui/converter/report"
)

// BenchmarkTyping types the rows of a generated set already read (CSV
// text, as both readers give cells), and indexes them by key.
func BenchmarkTyping(b *testing.B) {
	path, rows := benchdata.Generate(b, "set")
	sheets := benchdata.ReadAll(b, path)
	b.ResetTimer()
	for b.Loop() {
		rep := &report.Report{}
		benchdata.Type(sheets, rep)
		if rep.Errors() > 0 {
			b.Fatalf("%+v", rep.Issues[0])
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
