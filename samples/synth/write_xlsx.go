package synth

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
)

// docDate stands in for excelize's creation and modification times, so
// that a seed gives the same bytes.
const docDate = "2025-01-01T00:00:00Z"

// Number formats of the date cells, the template's (generate/styles.go).
const (
	numFmtDate     = "dd/mm/yyyy"
	numFmtDateTime = "dd/mm/yyyy hh:mm"
)

// writeXLSX streams every sheet with excelize's StreamWriter: rows go to
// a temporary file as they come, never a whole sheet in memory. Tabs and
// headers are the template's (French); styles and dropdowns are left out
// but for the date formats, which tell a spreadsheet the serial numbers
// are dates.
func writeXLSX(g *Generator, path string) ([]SheetCount, error) {
	f := excelize.NewFile()
	defer f.Close()
	styles := map[templates.Kind]int{}
	for _, s := range []struct { // a slice: style ids in a fixed order
		kind   templates.Kind
		format string
	}{{templates.Date, numFmtDate}, {templates.DateTime, numFmtDateTime}} {
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &s.format})
		if err != nil {
			return nil, err
		}
		styles[s.kind] = id
	}
	var counts []SheetCount
	for i, sh := range g.opt.Template.Sheets {
		if err := addSheet(f, i, sh.Name); err != nil {
			return nil, err
		}
		n, err := streamSheet(g, f, sh, styles)
		if err != nil {
			return nil, err
		}
		counts = append(counts, SheetCount{sh.Name, n})
	}
	if err := f.SetDocProps(&excelize.DocProperties{Created: docDate, Modified: docDate, Creator: "tddui samples",
		LastModifiedBy: "tddui samples", Language: "fr-FR"}); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer() // excelize zips in memory whatever the call
	if err != nil {
		return nil, err
	}
	out, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := sortedZip(out, buf.Bytes()); err != nil {
		out.Close()
		return nil, err
	}
	return counts, out.Close()
}

// sortedZip copies a zip archive with its entries in name order, still
// compressed. excelize writes the streamed sheets in map order, which
// changes from run to run; the entries' bytes and dates do not.
func sortedZip(w io.Writer, b []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return err
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(x, y *zip.File) int { return strings.Compare(x.Name, y.Name) })
	zw := zip.NewWriter(w)
	for _, f := range files {
		if err := zw.Copy(f); err != nil {
			return err
		}
	}
	return zw.Close()
}

// addSheet names the new file's first sheet, or adds the next one.
func addSheet(f *excelize.File, i int, name string) error {
	if i == 0 {
		return f.SetSheetName(f.GetSheetName(0), name)
	}
	_, err := f.NewSheet(name)
	return err
}

func streamSheet(g *Generator, f *excelize.File, sh *templates.Sheet, styles map[templates.Kind]int) (int, error) {
	sw, err := f.NewStreamWriter(sh.Name)
	if err != nil {
		return 0, err
	}
	header := make([]any, len(sh.Columns))
	for i := range sh.Columns {
		header[i] = sh.Columns[i].Header("fr")
	}
	if err := sw.SetRow("A1", header); err != nil {
		return 0, err
	}
	line, buf := 1, make([]any, 0, len(sh.Columns))
	err = g.Rows(sh, func(row samples.Row) error {
		line++
		buf = cells(sh, row, buf)
		for i, v := range buf {
			if t, ok := v.(time.Time); ok {
				buf[i] = excelize.Cell{StyleID: styles[sh.Columns[i].Kind], Value: t}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, line)
		return sw.SetRow(cell, buf)
	})
	if err != nil {
		return 0, err
	}
	return line - 1, sw.Flush()
}
