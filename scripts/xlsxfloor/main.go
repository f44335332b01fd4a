// Command xlsxfloor times excelize's bare streaming read of a workbook:
// every row of every sheet, raw cell values, nothing kept. It is the floor
// under `tddui convert` on the same file: what reading alone costs, before
// any typing, linking or building. It is a separate program, not a tddui
// subcommand, so that the shipped binary carries no debug command and the
// floor does not count tddui's own start-up.
//
//	go run ./scripts/xlsxfloor FILE.xlsx
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: xlsxfloor FILE.xlsx")
		os.Exit(2)
	}
	start := time.Now()
	rows, cells, err := readAll(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "xlsxfloor:", err)
		os.Exit(1)
	}
	s := time.Since(start).Seconds()
	fmt.Printf("rows=%d cells=%d seconds=%.3f rows_per_s=%.0f\n", rows, cells, s, float64(rows)/s)
}

func readAll(path string) (rows, cells int, err error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	for _, name := range f.GetSheetList() {
		it, err := f.Rows(name)
		if err != nil {
			return 0, 0, err
		}
		for it.Next() {
			row, err := it.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				return 0, 0, err
			}
			rows, cells = rows+1, cells+len(row)
		}
		if err := it.Close(); err != nil {
			return 0, 0, err
		}
	}
	return rows, cells, nil
}
