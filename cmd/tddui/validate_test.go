package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestValidateExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{"), 0o644)
	var m struct {
		Resource json.RawMessage `json:"resource"`
	}
	b, err := os.ReadFile("../../internal/validation/testdata/mutations/consent-datetime.json")
	if err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(b, &m)
	broken := filepath.Join(dir, "broken.json")
	os.WriteFile(broken, m.Resource, 0o644)
	examples := "../../internal/validation/testdata/examples"
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"validate", "--donnees-test", examples}, exitOK},
		{[]string{"validate", examples}, exitRejected}, // the example INS key is wrong
		{[]string{"--lang", "en", "validate", "--format", "json", broken}, exitRejected},
		{[]string{"validate", bad}, exitUsage},
		{[]string{"validate", filepath.Join(dir, "absent.json")}, exitUsage},
	} {
		if got := run(append([]string{"tddui"}, c.args...)); got != c.want {
			t.Errorf("%v: exit %d, want %d", c.args, got, c.want)
		}
	}
}

// A conversion's output folder validates as it was converted: its bundles
// are checked, its rapport.json (not FHIR) is not, unless named alone.
func TestValidateConversionFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sortie")
	if got := run([]string{"tddui", "convert", "../../samples/ssiad-exemple-ig.xlsx", "-o", out}); got != exitOK {
		t.Fatalf("convert: exit %d", got)
	}
	files, err := jsonFiles([]string{out})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || filepath.Base(files[0]) == "rapport.json" {
		t.Fatalf("files to validate: %v, want the one bundle", files)
	}
	if got := run([]string{"tddui", "validate", "--donnees-test", out}); got != exitOK {
		t.Errorf("validate --donnees-test %s: exit %d, want %d", out, got, exitOK)
	}
	if got := run([]string{"tddui", "validate", filepath.Join(out, "rapport.json")}); got != exitRejected {
		t.Errorf("validate rapport.json named alone: exit %d, want %d (not a FHIR resource)", got, exitRejected)
	}
}
