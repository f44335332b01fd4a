// Package generate writes the empty workbooks users fill: an Excel workbook
// (instructions, one tab per template sheet, dropdowns) or one CSV file per
// sheet. Everything comes from the template definitions (package templates),
// so a new template needs no code here.
package generate

import (
	"fmt"
	"io"
	"strings"

	"github.com/tddui/tddui/templates"
	"github.com/xuri/excelize/v2"
)

// DataRows is the last row that gets the date formats and the dropdowns:
// room for a year of events of a small service without bloating the file.
// Rows beyond keep the column formats but lose the dropdowns.
const DataRows = 5000

// WriteXLSX writes the workbook of template t to path, labels in lang
// ("fr" or "en"). The file appears complete or not at all.
func WriteXLSX(t *templates.Template, path, lang string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := buildWorkbook(f, t, lang); err != nil {
		return fmt.Errorf(txtWriting.in(lang), path, err)
	}
	return writeAtomic(path, lang, func(w io.Writer) error {
		_, err := f.WriteTo(w)
		return err
	})
}

// buildWorkbook lays the tabs out in reading order: instructions, the
// template sheets, then the hidden lists.
func buildWorkbook(f *excelize.File, t *templates.Template, lang string) error {
	if err := f.SetSheetName(f.GetSheetName(0), ReadmeSheetName(lang)); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for _, s := range t.Sheets {
		if _, err := f.NewSheet(sheetName(s, lang)); err != nil {
			return err
		}
	}
	ranges, err := writeLists(f, t, lang)
	if err != nil {
		return err
	}
	for _, s := range t.Sheets {
		if err := writeSheet(f, t, s, lang, st, ranges); err != nil {
			return fmt.Errorf("%s : %w", s.Name, err)
		}
	}
	f.SetActiveSheet(0)
	return writeReadme(f, t, lang, st)
}

// writeSheet writes one template sheet. Column styles come first: setting
// a column's style restyles every cell already in it, so doing it after the
// date cells exist would create thousands of cells per column.
func writeSheet(f *excelize.File, t *templates.Template, s *templates.Sheet, lang string, st *styles, ranges map[string]string) error {
	name := sheetName(s, lang)
	for _, step := range []func(n int, c *templates.Column) error{
		func(n int, c *templates.Column) error { return formatColumn(f, name, n, c, st) },
		func(n int, c *templates.Column) error { return formatDates(f, name, n, c, st) },
		func(n int, c *templates.Column) error { return writeHeader(f, t, name, n, c, lang, st) },
		func(n int, c *templates.Column) error { return addDropdown(f, name, n, c, lang, ranges) },
	} {
		for i := range s.Columns {
			if err := step(i+1, &s.Columns[i]); err != nil {
				return err
			}
		}
	}
	if s.Key == templates.SheetParametres {
		if err := prefill(f, name, parametresRows(t)); err != nil {
			return err
		}
	}
	return f.SetPanes(name, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	})
}

// formatColumn sets the column's width, and the text format of text-like
// columns as a column style (every row, no cost per cell).
func formatColumn(f *excelize.File, sheet string, n int, c *templates.Column, st *styles) error {
	col, err := excelize.ColumnNumberToName(n)
	if err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, col, col, columnWidth(c)); err != nil {
		return err
	}
	switch c.Kind {
	case templates.Text, templates.Code, templates.Ref, templates.File:
		return f.SetColStyle(sheet, col, st.text)
	}
	return nil
}

// formatDates gives date columns a column style, so that a typed date shows
// and reads back as JJ/MM/AAAA (HH:MM) whatever the regional settings of
// the spreadsheet program. A column style costs nothing per row, where
// formatting DataRows cells one by one made every workbook seconds slower
// and a megabyte larger; Excel, LibreOffice and excelize all apply it to
// the cells typed later.
func formatDates(f *excelize.File, sheet string, n int, c *templates.Column, st *styles) error {
	style := map[templates.Kind]int{templates.Date: st.date, templates.DateTime: st.dateTime}[c.Kind]
	if style == 0 {
		return nil
	}
	col, err := excelize.ColumnNumberToName(n)
	if err != nil {
		return err
	}
	return f.SetColStyle(sheet, col, style)
}

// columnWidth fits the header and the example, within bounds that keep a
// sheet readable on a laptop screen.
func columnWidth(c *templates.Column) float64 {
	w := max(len([]rune(c.Header("fr"))), len([]rune(c.LabelEN))+2) + 4
	w = max(w, len([]rune(c.Example))+2, 12)
	if c.Kind == templates.DateTime {
		w = max(w, 18)
	}
	return float64(min(w, 45))
}

func writeHeader(f *excelize.File, t *templates.Template, sheet string, n int, c *templates.Column, lang string, st *styles) error {
	cell, err := excelize.CoordinatesToCellName(n, 1)
	if err != nil {
		return err
	}
	if err := f.SetCellStr(sheet, cell, c.Header(lang)); err != nil {
		return err
	}
	style := st.header
	if c.Required {
		style = st.required
	}
	if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
		return err
	}
	return f.AddComment(sheet, headerComment(cell, describe(t, c, lang), lang))
}

// headerComment sizes the box to its text: Excel does not grow comment
// boxes, and a cut comment hides the format or the example.
func headerComment(cell string, fa facts, lang string) excelize.Comment {
	lines := fa.commentLines(lang)
	rows := 1
	for _, l := range lines {
		rows += 1 + len([]rune(l))/55
	}
	return excelize.Comment{
		Cell: cell, Author: txtCommentBy.in(lang), Width: 380, Height: uint(min(rows*16+12, 600)),
		Paragraph: []excelize.RichTextRun{
			{Text: fa.header + "\n", Font: &excelize.Font{Bold: true}},
			{Text: strings.Join(lines, "\n")},
		},
	}
}

func prefill(f *excelize.File, sheet string, rows [][]string) error {
	for i, r := range rows {
		if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+2), &r); err != nil {
			return err
		}
	}
	return nil
}
