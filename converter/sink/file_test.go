package sink

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Every queued file is on disk, whole, once Close returns, and no
// temporary file is left behind.
func TestWriterWritesAll(t *testing.T) {
	dir := t.TempDir()
	var mu sync.Mutex
	released := 0
	w := NewWriter(dir, 4, func([]byte) { mu.Lock(); released++; mu.Unlock() })
	for i := range 100 {
		if err := w.Write(fmt.Sprintf("b%03d.json", i), []byte(fmt.Sprintf(`{"n":%d}`, i))); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if released != 100 {
		t.Fatalf("%d files released, want 100", released)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 100 {
		t.Fatalf("%d files, want 100", len(entries))
	}
	for i := range 100 {
		data, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("b%03d.json", i)))
		if err != nil || string(data) != fmt.Sprintf(`{"n":%d}`, i) {
			t.Fatalf("b%03d.json: %q, %v", i, data, err)
		}
	}
}

// A write that fails is reported by Close, and by the Writes after it, so
// that the producer stops.
func TestWriterReportsErrors(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "absent")
	w := NewWriter(dir, 2, nil)
	var werr error
	for i := 0; i < 50 && werr == nil; i++ {
		werr = w.Write(fmt.Sprintf("b%d.json", i), []byte("{}"))
	}
	if err := w.Close(); err == nil {
		t.Fatal("Close: no error writing into a missing folder")
	}
	if werr == nil {
		t.Fatal("Write kept accepting files after a failure")
	}
}
