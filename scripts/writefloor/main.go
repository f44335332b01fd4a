// Command writefloor times writing a conversion's output again, the way
// `tddui convert` writes it (converter/sink: 8 writers, each file synced,
// then renamed into place), from bytes already in memory. It is the floor
// under the conversion's own time: what putting those bytes on this
// machine's disk costs, before any reading, building, encoding or
// validation. The bundles are read first (held in memory: 2.3 GB at a
// million rows), then written to a temporary folder beside them, timed,
// and removed.
//
//	go run ./scripts/writefloor OUTDIR
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/tddui/tddui/converter/sink"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: writefloor OUTDIR")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "writefloor:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return err
	}
	files := make(map[string][]byte, len(names))
	var size int
	for _, n := range names {
		if strings.HasPrefix(filepath.Base(n), "rapport") {
			continue
		}
		b, err := os.ReadFile(n)
		if err != nil {
			return err
		}
		files[filepath.Base(n)], size = b, size+len(b)
	}
	out, err := os.MkdirTemp(filepath.Dir(filepath.Clean(dir)), "writefloor-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(out)
	cpu0, start := processCPU(), time.Now()
	w := sink.NewWriter(out, 8, nil)
	for name, b := range files {
		if err := w.Write(name, b); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	s := time.Since(start).Seconds()
	fmt.Printf("files=%d MB=%.1f seconds=%.3f cpu_seconds=%.3f MB_per_s=%.0f\n", len(files),
		float64(size)/1e6, s, (processCPU() - cpu0).Seconds(), float64(size)/1e6/s)
	return nil
}

// processCPU is the process's user and system time: the kernel's share of
// writing is most of it.
func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
