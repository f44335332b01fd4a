package main

import (
	"path/filepath"
	"runtime/debug"
	"testing"
)

// --memoire sets Go's soft memory limit for the conversion; GOMEMLIMIT,
// when the user set it, wins.
func TestMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	dir := t.TempDir()
	t.Setenv("GOMEMLIMIT", "")
	if run([]string{"tddui", "convert", sample, "--memoire", "321", "-o", filepath.Join(dir, "a")}) != exitOK {
		t.Fatal("convert --memoire 321")
	}
	if got := debug.SetMemoryLimit(-1); got != 321<<20 {
		t.Fatalf("limit %d, want %d", got, 321<<20)
	}
	t.Setenv("GOMEMLIMIT", "2GiB")
	debug.SetMemoryLimit(before)
	if run([]string{"tddui", "convert", sample, "-o", filepath.Join(dir, "b")}) != exitOK {
		t.Fatal("convert with GOMEMLIMIT")
	}
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Fatalf("GOMEMLIMIT set: the limit was changed to %d", got)
	}
}
