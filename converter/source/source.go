// Package source reads the user's data: the sheets of an .xlsx workbook
// (excelize's streaming row reader) or a folder of CSV files, one file a
// sheet. Every row carries where it came from, as a record in Miller does, so
// that each later error can name its cell.
package source

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Row is one data row of a sheet, cells as text in column order.
type Row struct {
	File  string   // the workbook or CSV file
	Sheet string   // tab name, or CSV file name without extension
	Line  int      // 1-based row number in the sheet (the header is usually 1)
	Cells []string // raw cell text; dates of xlsx files come as Excel serial numbers
}

// Sheet streams the rows of one sheet.
type Sheet interface {
	Name() string
	File() string
	// Header returns the header cells and the header's row number.
	Header() ([]string, int, error)
	// Next returns the next non-empty data row, or io.EOF.
	Next() (Row, error)
	Close() error
}

// Source is an opened input: its sheets, read one at a time.
type Source interface {
	Sheets() []string
	Open(sheet string) (Sheet, error)
	Close() error
}

// Options tunes the readers.
type Options struct {
	Encoding string // CSV: "" (detect), "utf-8", "windows-1252"
	Comma    rune   // CSV: 0 (detect ',' or ';')
}

// Open picks the reader for a path: a .xlsx file, or a folder of .csv files
// (a single .csv file is taken as a folder of one).
func Open(path string, opt Options) (Source, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	switch {
	case st.IsDir():
		return openCSVDir(path, opt)
	case strings.EqualFold(filepath.Ext(path), ".xlsx"):
		return openXLSX(path)
	case strings.EqualFold(filepath.Ext(path), ".csv"):
		return openCSVFiles([]string{path}, opt)
	}
	return nil, fmt.Errorf("%s : format non reconnu (classeur .xlsx ou dossier de fichiers .csv attendu)", path)
}
