package source

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxSource reads a workbook sheet by sheet with excelize's streaming row
// iterator: a sheet is never loaded whole, so a million-row export stays in
// bounded memory.
type xlsxSource struct {
	path string
	f    *excelize.File
}

func openXLSX(path string) (Source, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s : classeur illisible : %w", path, err)
	}
	return &xlsxSource{path: path, f: f}, nil
}

func (s *xlsxSource) Sheets() []string { return s.f.GetSheetList() }
func (s *xlsxSource) Close() error     { return s.f.Close() }

func (s *xlsxSource) Open(sheet string) (Sheet, error) {
	rows, err := s.f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%s : onglet %q illisible : %w", s.path, sheet, err)
	}
	return &xlsxSheet{file: s.path, name: sheet, rows: rows}, nil
}

type xlsxSheet struct {
	file, name string
	rows       *excelize.Rows
	line       int
	header     []string
	headerLine int
	headerErr  error
	read       bool
}

func (s *xlsxSheet) Name() string { return s.name }
func (s *xlsxSheet) File() string { return s.file }
func (s *xlsxSheet) Close() error { return s.rows.Close() }

// next returns the next row's cells; raw values, so that a date comes as its
// serial number whatever display format the user's spreadsheet gave it.
func (s *xlsxSheet) next() ([]string, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, fmt.Errorf("%s!%d : %w", s.name, s.line+1, err)
		}
		return nil, io.EOF
	}
	s.line++
	return s.rows.Columns(excelize.Options{RawCellValue: true})
}

// Header is the first non-empty row.
func (s *xlsxSheet) Header() ([]string, int, error) {
	if !s.read {
		s.read = true
		for {
			cells, err := s.next()
			if err != nil {
				s.headerErr = err
				break
			}
			if !blank(cells) {
				s.header, s.headerLine = cells, s.line
				break
			}
		}
	}
	return s.header, s.headerLine, s.headerErr
}

func (s *xlsxSheet) Next() (Row, error) {
	if _, _, err := s.Header(); err != nil {
		return Row{}, err
	}
	for {
		cells, err := s.next()
		if err != nil {
			return Row{}, err
		}
		if !blank(cells) {
			return Row{File: s.file, Sheet: s.name, Line: s.line, Cells: cells}, nil
		}
	}
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
