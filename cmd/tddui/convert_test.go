package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
)

var sample = filepath.Join("..", "..", "samples", "ssiad-exemple-ig.xlsx")

func TestConvertExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := samples.Data{Template: templates.SSIAD, Sheets: map[string][]samples.Row{}}
	for k, v := range samples.SSIADExempleIG.Sheets {
		bad.Sheets[k] = v
	}
	bad.Sheets[templates.SheetSejours] = []samples.Row{{"ref": "1012", "usager": "194704032", "statut": "in-progress", "date_entree": "hier"}}
	badFile := filepath.Join(dir, "bad.xlsx")
	if err := bad.WriteXLSX(badFile); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		want int
	}{
		{"sample converts, flags after the input", []string{"convert", sample, "-o", filepath.Join(dir, "a")}, exitOK},
		{"rejected rows", []string{"convert", badFile, "-o", filepath.Join(dir, "b")}, exitRejected},
		{"missing input", []string{"convert", filepath.Join(dir, "absent.xlsx"), "-o", filepath.Join(dir, "c")}, exitUsage},
		{"no input", []string{"convert"}, exitUsage},
		{"window over five weeks", []string{"convert", sample, "--du", "01/01/2023", "--au", "28/02/2023", "-o", filepath.Join(dir, "d")}, exitUsage},
		{"bad request-url", []string{"convert", sample, "--request-url", "x", "-o", filepath.Join(dir, "e")}, exitUsage},
		{"english", []string{"--lang", "en", "convert", sample, "-o", filepath.Join(dir, "f")}, exitOK},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := run(append([]string{"tddui"}, c.args...)); got != c.want {
				t.Fatalf("exit %d, want %d", got, c.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "a", "ssiad-194704032.json")); err != nil {
		t.Fatal("the sample's bundle must be written under -o")
	}
	if _, err := os.Stat(filepath.Join(dir, "b", "rapport.json")); err != nil {
		t.Fatal("a run with rejected rows still writes its report")
	}
	compact, _ := os.ReadFile(filepath.Join(dir, "a", "ssiad-194704032.json"))
	if run([]string{"tddui", "convert", sample, "--indente", "-o", filepath.Join(dir, "g")}) != exitOK {
		t.Fatal("--indente")
	}
	indented, _ := os.ReadFile(filepath.Join(dir, "g", "ssiad-194704032.json"))
	var a, b any
	if json.Unmarshal(compact, &a) != nil || json.Unmarshal(indented, &b) != nil || !reflect.DeepEqual(a, b) ||
		bytes.Count(compact, []byte("\n")) != 1 || bytes.Count(indented, []byte("\n  ")) < 100 {
		t.Fatal("bundles are compact by default, indented with --indente, and the same JSON")
	}
}
