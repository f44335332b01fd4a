package converter_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tddui/tddui/internal/fhirtest"
	"github.com/tddui/tddui/samples"
)

// The Projet personnalisé samples convert to the IG's two PP example
// bundles, element for element. Where an example refers to an instance it
// does not carry, or contradicts itself, the expected set is amended here,
// each time with the reason; the converter is not bent to the example.

func readEntries(t *testing.T, file string) []fhirtest.Entry {
	t.Helper()
	entries, err := fhirtest.ReadBundle(filepath.Join(examples, file))
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// fromSSIADBundle are entries of the SSIAD example bundle, by resource id:
// the PP examples point to them (Organization/tddui-organization-example,
// Practitioner/tddui-practitioner-example) without carrying them.
func fromSSIADBundle(t *testing.T, ids ...string) []fhirtest.Entry {
	t.Helper()
	var out []fhirtest.Entry
	for _, e := range readEntries(t, "Bundle-tddui-bundle-example.json") {
		for _, id := range ids {
			if e.Resource["id"] == id {
				out = append(out, e)
			}
		}
	}
	if len(out) != len(ids) {
		t.Fatalf("SSIAD example: want %v, found %d", ids, len(out))
	}
	return out
}

func normalize(t *testing.T, entries []fhirtest.Entry) map[string]any {
	t.Helper()
	m, err := fhirtest.Normalize(entries)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// igPPIME: the IME example plus the structure its identifiers derive from
// (the converter always carries the usager's structure; the example does
// not) and the signatory of its accord, Practitioner/tddui-practitioner-example,
// whom it names but does not carry — with her role in the structure, which
// the converter always sends with a professional.
func igPPIME(t *testing.T) map[string]any {
	entries := readEntries(t, "Bundle-tddui-pp-ime-bundle-example.json")
	entries = append(entries, fromSSIADBundle(t, "tddui-organization-example", "tddui-practitioner-example",
		"tddui-practitioner-role-example")...)
	return normalize(t, entries)
}

// igPPPA: the PA example, amended.
func igPPPA(t *testing.T) map[string]any {
	var entries []fhirtest.Entry
	for _, e := range readEntries(t, "Bundle-tddui-pp-pa-bundle-example.json") {
		switch e.Resource["resourceType"] {
		case "Task":
			// The six actions are basedOn CarePlan/tddui-pp-ime-careplan-example,
			// the IME child's projet: a copy-paste slip of the example (its
			// moyens, besoins and goals all name the PA projet, and a Task of
			// a projet must be basedOn that projet). The converter ties them
			// to their own projet.
			if e.Resource["basedOn"] != nil {
				e.Resource["basedOn"] = []any{map[string]any{"reference": "CarePlan/tddui-pp-pa-careplan-example"}}
			}
		}
		entries = append(entries, e)
	}
	// The documents' author, Organization/tddui-organization-example, is
	// named but not carried.
	entries = append(entries, fromSSIADBundle(t, "tddui-organization-example")...)
	// The converter sends a professional with their role in the structure.
	entries = append(entries, fhirtest.Entry{FullURL: "urn:test:role-ide", Resource: map[string]any{
		"resourceType": "PractitionerRole",
		"meta":         map[string]any{"profile": []any{"https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-practitioner-role"}},
		"practitioner": map[string]any{"reference": "Practitioner/tddui-pp-pa-practitioner-ide-example"},
		"organization": map[string]any{"reference": "Organization/tddui-organization-example"},
	}, Request: map[string]any{"method": "POST", "url": "TDDUIPractitionerRole"}})
	return normalize(t, entries)
}

func TestPPIMESampleGivesIGExample(t *testing.T) {
	got, _ := convertOne(t, filepath.Join("..", "samples", "pp-ime-exemple-ig.xlsx"))
	assertSame(t, igPPIME(t), got)
}

func TestPPPASampleGivesIGExample(t *testing.T) {
	got, _ := convertOne(t, filepath.Join("..", "samples", "pp-pa-exemple-ig.xlsx"))
	assertSame(t, igPPPA(t), got)
}

// The committed PP samples are what the generator and samples/pp.go make
// today, and their CSV form gives the same bytes.
func TestPPSamplesUpToDateAndCSV(t *testing.T) {
	for name, d := range map[string]samples.Data{"pp-ime-exemple-ig": samples.PPIMEExempleIG, "pp-pa-exemple-ig": samples.PPPAExempleIG} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			linkDocuments(t, dir)
			fresh := filepath.Join(dir, name+".xlsx")
			if err := d.WriteXLSX(fresh); err != nil {
				t.Fatal(err)
			}
			_, a := convertOne(t, fresh)
			_, b := convertOne(t, filepath.Join("..", "samples", name+".xlsx"))
			if string(a) != string(b) {
				t.Fatalf("samples/%s.xlsx is stale: run go run ./samples/mksamples", name)
			}
			csvDir := filepath.Join(dir, "csv")
			if err := d.WriteCSV(csvDir); err != nil {
				t.Fatal(err)
			}
			linkDocuments(t, csvDir)
			if _, c := convertOne(t, csvDir); string(c) != string(b) {
				t.Fatal("CSV and xlsx inputs must give the same bytes")
			}
		})
	}
}

// linkDocuments makes samples/documents visible from dir, where the
// Documents sheet's relative paths point.
func linkDocuments(t *testing.T, dir string) {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("..", "samples", "documents"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(abs, filepath.Join(dir, "documents")); err != nil {
		t.Fatal(err)
	}
}
