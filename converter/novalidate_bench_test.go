package converter

import (
	"path/filepath"
	"testing"

	"github.com/tddui/tddui/converter/internal/benchdata"
)

// BenchmarkConvertCSVNoValidate is BenchmarkConvertCSV without the TDDUI
// validation (--sans-validation): the difference of the two is what
// validation costs a run.
func BenchmarkConvertCSVNoValidate(b *testing.B) {
	path, rows := benchdata.Generate(b, "set")
	out := b.TempDir()
	b.ResetTimer()
	for b.Loop() {
		rep, err := Convert(Options{Input: path, OutDir: filepath.Join(out, "bundles"), NoValidate: true})
		if err != nil {
			b.Fatal(err)
		}
		if rep.Errors() > 0 || rep.Rejected() > 0 {
			b.Fatalf("%d errors, %d rejected", rep.Errors(), rep.Rejected())
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
