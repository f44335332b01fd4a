// Package sink writes what the converter produces. Every file is written to
// a temporary file in the same folder and renamed into place once complete,
// so a crash or a full disk never leaves a half-written bundle.
package sink

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFile writes data to dir/name atomically.
func WriteFile(dir, name string, data []byte) error {
	tmp, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return fmt.Errorf("écriture de %s : %w", name, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
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
