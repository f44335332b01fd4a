// Package sink writes what the converter produces. Every file is written to
// a temporary file in the same folder and renamed into place once complete,
// so a crash or a full disk never leaves a half-written bundle.
package sink

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// WriteFile writes data to dir/name atomically.
func WriteFile(dir, name string, data []byte) error {
	return WriteWith(dir, name, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteWith writes dir/name atomically with what write gives, for a file
// too large to be held whole (rapport.json at a million rows).
func WriteWith(dir, name string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return fmt.Errorf("écriture de %s : %w", name, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("écriture de %s : %w", name, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("écriture de %s : %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("écriture de %s : %w", name, err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, name)); err != nil {
		return fmt.Errorf("écriture de %s : %w", name, err)
	}
	return nil
}

// Writer writes files with WriteFile on several goroutines: each file is
// synced to disk before its rename, and a sync waits on the disk (~1 ms
// here), not on the CPU; one after the other, 20,000 bundles would wait
// 20 s. Write hands a file over; Close waits for all and gives the first
// error. A Writer serves one goroutine.
type Writer struct {
	dir     string
	release func([]byte) // given each file's data once written (a pool's)
	files   chan file
	done    sync.WaitGroup
	mu      sync.Mutex
	err     error
}

type file struct {
	name string
	data []byte
}

// NewWriter starts n writers into dir (at most 2n files wait their turn,
// which bounds the memory they hold); release, if not nil, is given each
// file's data once written or failed.
func NewWriter(dir string, n int, release func([]byte)) *Writer {
	w := &Writer{dir: dir, release: release, files: make(chan file, 2*n)}
	for range n {
		w.done.Go(func() {
			for f := range w.files {
				if err := WriteFile(w.dir, f.name, f.data); err != nil {
					w.mu.Lock()
					if w.err == nil {
						w.err = err
					}
					w.mu.Unlock()
				}
				if w.release != nil {
					w.release(f.data)
				}
			}
		})
	}
	return w
}

// Write queues a file; it returns an earlier write's error, if any, so
// that the caller stops producing.
func (w *Writer) Write(name string, data []byte) error {
	w.mu.Lock()
	err := w.err
	w.mu.Unlock()
	if err != nil {
		return err
	}
	w.files <- file{name, data}
	return nil
}

// Close waits for the queued files and returns the first error.
func (w *Writer) Close() error {
	close(w.files)
	w.done.Wait()
	return w.err
}
