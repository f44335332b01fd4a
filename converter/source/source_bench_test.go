package source_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/tddui/tddui/converter/internal/benchdata"
	"github.com/tddui/tddui/converter/source"
)

// readAll streams every row of every sheet, keeping none.
func readAll(b *testing.B, path string) int {
	src, err := source.Open(path, source.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	n := 0
	for _, name := range src.Sheets() {
		in, err := src.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := in.Header(); err == nil {
			for _, err = in.Next(); err == nil; _, err = in.Next() {
				n++
			}
		}
		if err != nil && !errors.Is(err, io.EOF) {
			b.Fatal(err)
		}
		in.Close()
	}
	return n
}

func benchRead(b *testing.B, name string) {
	path, rows := benchdata.Generate(b, name)
	b.SetBytes(size(b, path))
	b.ResetTimer()
	for b.Loop() {
		if n := readAll(b, path); n < rows {
			b.Fatalf("read %d rows of %d", n, rows)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkReadXLSX(b *testing.B) { benchRead(b, "set.xlsx") }
func BenchmarkReadCSV(b *testing.B)  { benchRead(b, "set") }

// size is a file's or a folder's bytes: the input the MB/s refer to.
func size(b *testing.B, path string) int64 {
	var n int64
	err := filepath.Walk(path, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}
