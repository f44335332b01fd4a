package synth

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
)

// SheetCount is how many data rows a sheet got.
type SheetCount struct {
	Sheet string // tab name
	Rows  int
}

// Write writes the data set: an .xlsx workbook, or else a folder of one
// CSV file a sheet. It returns the row counts in template order.
func Write(g *Generator, out string) ([]SheetCount, error) {
	if strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return writeXLSX(g, out)
	}
	return writeCSV(g, out)
}

// cells puts a row's values in the sheet's column order (nil: an empty
// cell).
func cells(sh *templates.Sheet, row samples.Row, out []any) []any {
	out = out[:0]
	for i := range sh.Columns {
		out = append(out, row[sh.Columns[i].Key])
	}
	return out
}

// text is a cell as a French user's "save as CSV" writes it: dates
// JJ/MM/AAAA [HH:MM], decimal comma.
func text(c *templates.Column, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case time.Time:
		if c.Kind == templates.DateTime {
			return x.Format("02/01/2006 15:04")
		}
		return x.Format("02/01/2006")
	case int:
		return strconv.Itoa(x)
	case float64:
		return strings.Replace(strconv.FormatFloat(x, 'f', -1, 64), ".", ",", 1)
	}
	return fmt.Sprint(v)
}
