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
