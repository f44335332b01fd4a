package envoi

import (
	"maps"
	"path/filepath"
	"testing"

	"github.com/tddui/tddui/converter"
)

// The bundles tddui itself converts from the bundled samples (SSIAD,
// evaluations, both projets personnalisés) are accepted by a real FHIR
// engine, which creates exactly their resources and rewrites every
// urn:uuid reference to the ids it assigned.
func TestPostConvertedSamples(t *testing.T) {
	needMedplum(t)
	out := t.TempDir()
	for _, name := range []string{"ssiad-exemple-ig", "ssiad-evaluations-exemple-ig", "pp-pa-exemple-ig", "pp-ime-exemple-ig"} {
		rep, err := converter.Convert(converter.Options{Input: filepath.Join("..", "..", "samples", name+".xlsx"), OutDir: out})
		if err != nil || rep.Errors() != 0 {
			t.Fatalf("%s : %v %+v", name, err, rep.Issues)
		}
	}
	files, err := BundleFiles([]string{out})
	if err != nil || len(files) < 4 {
		t.Fatalf("bundles : %v %v", files, err)
	}
	var bs []*bundle
	for _, f := range files {
		b, err := readBundle(f)
		if err != nil {
			t.Fatal(err)
		}
		bs = append(bs, b)
	}
	sum := sendOK(t, files, medplumOptions(out))
	if got, want := serverState(t, sampleTypes(bs)), expectedState(bs); !maps.Equal(got, want) {
		t.Fatalf("état du serveur :\n got %v\nwant %v", got, want)
	}
	for i, b := range bs {
		checkReferences(t, b, sum.Results[i].Entries)
	}
}
