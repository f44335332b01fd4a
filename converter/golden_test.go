package converter_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tddui/tddui/converter"
	"github.com/tddui/tddui/converter/bundle"
	"github.com/tddui/tddui/internal/fhirtest"
	"github.com/tddui/tddui/samples"
)

// examples is the IG's own example folder (shared reference material).
var examples = filepath.Join("..", "..", "shared", "tddui", "examples")

// igSSIAD is the IG's SSIAD example bundle plus the Location and
// RelatedPerson examples it refers to but does not carry.
func igSSIAD(t *testing.T) map[string]any {
	t.Helper()
	entries, err := fhirtest.ReadBundle(filepath.Join(examples, "Bundle-tddui-bundle-example.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct{ file, url string }{
		{"Location-tddui-event-location-example.json", "Location"},
		{"RelatedPerson-tddui-related-person-contact-example.json", "TDDUIRelatedPersonContact"},
	} {
		e, err := fhirtest.ReadResource(filepath.Join(examples, x.file))
		if err != nil {
			t.Fatal(err)
		}
		e.Request = map[string]any{"method": "POST", "url": x.url}
		entries = append(entries, e)
	}
	want, err := fhirtest.Normalize(entries)
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// convertOne converts an input and returns its only bundle, normalised.
func convertOne(t *testing.T, input string) (map[string]any, []byte) {
	t.Helper()
	out := t.TempDir()
	rep, err := converter.Convert(converter.Options{Input: input, OutDir: out, RequestURL: bundle.ByProfile})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Errors() != 0 || len(rep.Bundles) != 1 {
		t.Fatalf("want 1 bundle and no error, got %d bundles, issues %+v", len(rep.Bundles), rep.Issues)
	}
	path := filepath.Join(out, rep.Bundles[0].File)
	entries, err := fhirtest.ReadBundle(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := fhirtest.Normalize(entries)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	return got, raw
}

func assertSame(t *testing.T, want, got map[string]any) {
	t.Helper()
	for _, d := range fhirtest.Diff(want, got) {
		t.Error(d)
	}
}

// The bundled sample converts to the IG example, element for element.
func TestSampleWorkbookGivesIGExample(t *testing.T) {
	got, _ := convertOne(t, filepath.Join("..", "samples", "ssiad-exemple-ig.xlsx"))
	assertSame(t, igSSIAD(t), got)
}

// The committed sample is what the generator and the sample data make
// today: regenerating it gives the same bundle bytes.
func TestSampleWorkbookUpToDate(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "ssiad.xlsx")
	if err := samples.SSIADExempleIG.WriteXLSX(fresh); err != nil {
		t.Fatal(err)
	}
	_, a := convertOne(t, fresh)
	_, b := convertOne(t, filepath.Join("..", "samples", "ssiad-exemple-ig.xlsx"))
	if string(a) != string(b) {
		t.Fatal("samples/ssiad-exemple-ig.xlsx is stale: run go run ./samples/mksamples")
	}
}

// The same data as CSV files (';', as French Excel saves them) gives the
// same bundle, byte for byte.
func TestSampleAsCSVGivesSameBundle(t *testing.T) {
	dir := t.TempDir()
	if err := samples.SSIADExempleIG.WriteCSV(dir); err != nil {
		t.Fatal(err)
	}
	got, rawCSV := convertOne(t, dir)
	assertSame(t, igSSIAD(t), got)
	_, rawXLSX := convertOne(t, filepath.Join("..", "samples", "ssiad-exemple-ig.xlsx"))
	if string(rawCSV) != string(rawXLSX) {
		t.Fatal("CSV and xlsx inputs must give the same bytes")
	}
}

// Two runs on the same input give byte-identical bundles and reports.
func TestDeterministic(t *testing.T) {
	in := filepath.Join("..", "samples", "ssiad-exemple-ig.xlsx")
	var outs [2]string
	for i := range outs {
		outs[i] = t.TempDir()
		if _, err := converter.Convert(converter.Options{Input: in, OutDir: outs[i]}); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(outs[0], "*.json"))
	if len(files) < 2 {
		t.Fatalf("want a bundle and a report, got %v", files)
	}
	for _, f := range files {
		a, _ := os.ReadFile(f)
		b, err := os.ReadFile(filepath.Join(outs[1], filepath.Base(f)))
		if err != nil || string(a) != string(b) {
			t.Errorf("%s differs between two runs", filepath.Base(f))
		}
	}
}
