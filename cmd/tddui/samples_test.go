package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Flags after the template name are applied (interspersedArgs): 4 usagers
// give a 5-line usagers.csv (header + 4). One run per process: urfave/cli
// adds its help flag to the command on each run.
func TestSamplesCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "jeu")
	if code := run([]string{"tddui", "samples", "ssiad", "--usagers", "4", "--semaines", "1", "-o", dir}); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	b, err := os.ReadFile(filepath.Join(dir, "usagers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), "\r\n"); n != 5 {
		t.Errorf("usagers.csv has %d lines, want 5", n)
	}
}
