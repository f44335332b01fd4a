package converter

import (
	"path/filepath"
	"testing"

	"github.com/tddui/tddui/converter/internal/benchdata"
)

// The whole conversion of a generated ~10,000-row set, validation
// included, as `tddui convert` runs it.
func benchConvert(b *testing.B, name string) {
	path, rows := benchdata.Generate(b, name)
	out := b.TempDir()
	b.ResetTimer()
	for b.Loop() {
		rep, err := Convert(Options{Input: path, OutDir: filepath.Join(out, "bundles")})
		if err != nil {
			b.Fatal(err)
		}
		if rep.Errors() > 0 || rep.Rejected() > 0 {
			b.Fatalf("%d errors, %d rejected", rep.Errors(), rep.Rejected())
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkConvertCSV(b *testing.B)  { benchConvert(b, "set") }
func BenchmarkConvertXLSX(b *testing.B) { benchConvert(b, "set.xlsx") }
