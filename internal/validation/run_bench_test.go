package validation_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tddui/tddui/converter"
	"github.com/tddui/tddui/internal/validation"
	"github.com/tddui/tddui/samples/synth"
	"github.com/tddui/tddui/templates"
)

// runBundles converts a generated SSIAD set of n usagers (without
// validation) and returns its bundles: what a real run validates, each
// bundle carrying one usager's resources plus the structure, its team and
// places, the same bytes in every bundle.
func runBundles(tb testing.TB, n int) [][]byte {
	tb.Helper()
	g, err := synth.New(synth.Options{Template: templates.SSIAD, Usagers: n, Weeks: 5, Seed: 1})
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	in := filepath.Join(dir, "set")
	if _, err := synth.Write(g, in); err != nil {
		tb.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if _, err := converter.Convert(converter.Options{Input: in, OutDir: out, NoValidate: true}); err != nil {
		tb.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(out, "ssiad-*.json"))
	if len(files) < n {
		tb.Fatalf("%d bundles for %d usagers", len(files), n)
	}
	var bundles [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		bundles = append(bundles, b)
	}
	return bundles
}

// BenchmarkRun100 validates the 100 bundles of a run with one Validator,
// as the converter does: one op is the whole run.
func BenchmarkRun100(b *testing.B) {
	bundles := runBundles(b, 100)
	size := 0
	for _, raw := range bundles {
		size += len(raw)
	}
	b.SetBytes(int64(size))
	cpu := validation.StartCPU(b)
	for b.Loop() {
		v := validation.New(validation.Options{TestData: true})
		for _, raw := range bundles {
			v.Bundle(raw)
		}
	}
	cpu.Report(b)
}

// The bundles of a generated run are valid, bundle after bundle, through
// one Validator (whatever it remembers from the previous ones).
func TestRunBundlesAreValid(t *testing.T) {
	if testing.Short() {
		t.Skip("converts a generated set")
	}
	v := validation.New(validation.Options{TestData: true})
	for i, raw := range runBundles(t, 20) {
		if issues := v.Bundle(raw); validation.HasErrors(issues) {
			t.Fatalf("bundle %d: %+v", i, issues)
		}
	}
}
