package generate

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// writeAtomic writes through write to a temporary file next to path, then
// renames it over path: a crash or an error never leaves a half-written
// workbook that a user could open and fill. Same folder, so the rename stays
// on one file system and is atomic.
func writeAtomic(path, lang string, write func(io.Writer) error) (err error) {
	fail := func(err error) error { return fmt.Errorf(txtWriting.in(lang), path, err) }
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fail(err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := bufio.NewWriter(tmp)
	if err = write(w); err != nil {
		return fail(err)
	}
	if err = w.Flush(); err == nil {
		err = tmp.Sync()
	}
	if err != nil {
		return fail(err)
	}
	if err = tmp.Close(); err != nil {
		return fail(err)
	}
	// CreateTemp makes the file private (0600); an output file is an
	// ordinary document.
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fail(err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fail(err)
	}
	return nil
}
