package synth

import (
	"bufio"
	"encoding/csv"
	"os"
	"path/filepath"

	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates/generate"
)

// writeCSV writes one <sheet key>.csv a sheet, as the CSV template does
// (UTF-8 with a BOM, ';', CRLF), each row as soon as it is made.
func writeCSV(g *Generator, dir string) ([]SheetCount, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var counts []SheetCount
	for _, sh := range g.opt.Template.Sheets {
		f, err := os.Create(filepath.Join(dir, sh.Key+".csv"))
		if err != nil {
			return nil, err
		}
		bw := bufio.NewWriterSize(f, 1<<16)
		bw.WriteString("\ufeff")
		w := csv.NewWriter(bw)
		w.Comma, w.UseCRLF = generate.CSVComma, true
		rec := make([]string, len(sh.Columns))
		for i := range sh.Columns {
			rec[i] = sh.Columns[i].Header("fr")
		}
		w.Write(rec)
		n := 0
		err = g.Rows(sh, func(row samples.Row) error {
			for i := range sh.Columns {
				rec[i] = text(&sh.Columns[i], row[sh.Columns[i].Key])
			}
			n++
			return w.Write(rec)
		})
		if err == nil {
			w.Flush()
			err = w.Error()
		}
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
		counts = append(counts, SheetCount{sh.Name, n})
	}
	return counts, nil
}
