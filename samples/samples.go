// Package samples holds the data of the bundled sample workbooks and the
// code that writes them: each sample is made by the template generator, then
// filled cell by cell as a user would, so the samples always match the
// templates. `go run ./samples/mksamples` rewrites the files.
package samples

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tddui/tddui/templates"
	"github.com/tddui/tddui/templates/generate"
)

// Row is one row of a sheet: column key → value (string, int, float64 or
// time.Time, as a user would type it).
type Row map[string]any

// Data is a workbook's content: sheet key → rows.
type Data struct {
	Template *templates.Template
	Sheets   map[string][]Row
}

// paris: sample times are French wall-clock times.
var paris, _ = time.LoadLocation("Europe/Paris")

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func dateTime(y, m, d, h, mi int) time.Time {
	return time.Date(y, time.Month(m), d, h, mi, 0, 0, time.UTC)
}

// Clone is a deep copy that a test may change without touching the sample.
func (d Data) Clone() Data {
	c := Data{Template: d.Template, Sheets: map[string][]Row{}}
	for k, rows := range d.Sheets {
		for _, r := range rows {
			n := Row{}
			for col, v := range r {
				n[col] = v
			}
			c.Sheets[k] = append(c.Sheets[k], n)
		}
	}
	return c
}

// WriteXLSX generates the template and fills it.
func (d Data) WriteXLSX(path string) error {
	if err := generate.WriteXLSX(d.Template, path, "fr"); err != nil {
		return err
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, sh := range d.Template.Sheets {
		for i, row := range d.Sheets[sh.Key] {
			if err := fillRow(f, sh, i+2, row); err != nil {
				return err
			}
		}
	}
	return f.Save()
}

func fillRow(f *excelize.File, sh *templates.Sheet, line int, row Row) error {
	for key, v := range row {
		idx := columnIndex(sh, key)
		if idx < 0 {
			return fmt.Errorf("%s: no column %s", sh.Key, key)
		}
		cell, _ := excelize.CoordinatesToCellName(idx+1, line)
		if err := f.SetCellValue(sh.Name, cell, v); err != nil {
			return err
		}
	}
	return nil
}

// columnIndex: the generator writes the template's columns in order.
func columnIndex(sh *templates.Sheet, key string) int {
	for i, c := range sh.Columns {
		if c.Key == key {
			return i
		}
	}
	return -1
}

// WriteCSV writes the same data as one CSV file a sheet, as a user's
// "save as CSV" would: dates as JJ/MM/AAAA [HH:MM].
func (d Data) WriteCSV(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, sh := range d.Template.Sheets {
		rows := d.Sheets[sh.Key]
		if len(rows) == 0 {
			continue
		}
		var recs [][]string
		header := make([]string, len(sh.Columns))
		for i := range sh.Columns {
			header[i] = sh.Columns[i].Header("fr")
		}
		recs = append(recs, header)
		for _, row := range rows {
			rec := make([]string, len(sh.Columns))
			for i, c := range sh.Columns {
				if v, ok := row[c.Key]; ok {
					rec[i] = text(c, v)
				}
			}
			recs = append(recs, rec)
		}
		f, err := os.Create(filepath.Join(dir, sh.Key+".csv"))
		if err != nil {
			return err
		}
		w := csv.NewWriter(f)
		w.Comma = ';'
		w.WriteAll(recs)
		if err := w.Error(); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

func text(c templates.Column, v any) string {
	switch x := v.(type) {
	case time.Time:
		if c.Kind == templates.DateTime {
			return x.Format("02/01/2006 15:04")
		}
		return x.Format("02/01/2006")
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// All are the bundled samples, by file name (without .xlsx).
var All = map[string]Data{
	"ssiad-exemple-ig":  SSIADExempleIG,
	"pp-ime-exemple-ig": PPIMEExempleIG,
	"pp-pa-exemple-ig":  PPPAExempleIG,

	"ssiad-evaluations-exemple-ig": SSIADEvaluationsExempleIG,
}
