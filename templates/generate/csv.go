package generate

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/tddui/tddui/templates"
)

// CSVComma is the delimiter French Excel uses and opens directly (its list
// separator is ';' since ',' is the decimal comma).
const CSVComma = ';'

// utf8BOM makes Excel read the file as UTF-8; without it accents are shown
// as Windows-1252 mojibake.
const utf8BOM = "\ufeff"

// WriteCSV writes one CSV file per sheet of template t into dir (created if
// missing), named <sheet key>.csv: the header row, plus the pre-filled
// settings. Each file appears complete or not at all.
func WriteCSV(t *templates.Template, dir, lang string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf(txtWriting.in(lang), dir, err)
	}
	for _, s := range t.Sheets {
		rows := [][]string{headers(s, lang)}
		if s.Key == templates.SheetParametres {
			rows = append(rows, parametresRows(t)...)
		}
		path := filepath.Join(dir, s.Key+".csv")
		if err := writeAtomic(path, lang, func(w io.Writer) error { return writeCSV(w, rows) }); err != nil {
			return err
		}
	}
	return nil
}

func headers(s *templates.Sheet, lang string) []string {
	out := make([]string, len(s.Columns))
	for i := range s.Columns {
		out[i] = s.Columns[i].Header(lang)
	}
	return out
}

func writeCSV(w io.Writer, rows [][]string) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = CSVComma
	cw.UseCRLF = true // what Excel writes, and what Windows Notepad expects
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}
