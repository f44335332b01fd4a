package sink

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tddui/tddui/converter/report"
)

// Annotate writes a copy of the user's workbook in which every cell with a
// problem is filled in colour (red for errors, orange for warnings) and
// carries a comment saying what is wrong and what was expected: the way an
// ESSMS secretary fixes a file. Returns the copy's file name.
func Annotate(input, outDir string, issues []report.Issue) (string, error) {
	f, err := excelize.OpenFile(input)
	if err != nil {
		return "", fmt.Errorf("annotation : %w", err)
	}
	defer f.Close()
	styles, err := annotationStyles(f)
	if err != nil {
		return "", err
	}
	notes := map[string][]report.Issue{}
	var order []string
	for _, is := range issues {
		if !strings.Contains(is.Cell, "!") {
			continue // not a cell of this workbook (a CSV line, a whole sheet)
		}
		if _, ok := notes[is.Cell]; !ok {
			order = append(order, is.Cell)
		}
		notes[is.Cell] = append(notes[is.Cell], is)
	}
	for _, c := range order {
		if err := annotateCell(f, c, notes[c], styles); err != nil {
			return "", err
		}
	}
	name := strings.TrimSuffix(filepath.Base(input), filepath.Ext(input)) + "-annote.xlsx"
	// excelize picks the format from the extension: the temp name keeps it
	tmp, err := os.CreateTemp(outDir, "."+strings.TrimSuffix(name, ".xlsx")+".*.xlsx")
	if err != nil {
		return "", err
	}
	tmp.Close()
	defer os.Remove(tmp.Name())
	if err := f.SaveAs(tmp.Name()); err != nil {
		return "", fmt.Errorf("annotation : %w", err)
	}
	return name, os.Rename(tmp.Name(), filepath.Join(outDir, name))
}

func annotationStyles(f *excelize.File) (map[report.Severity]int, error) {
	out := map[report.Severity]int{}
	for sev, colour := range map[report.Severity]string{report.Error: "FFC7CE", report.Warning: "FFE699"} {
		id, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}})
		if err != nil {
			return nil, err
		}
		out[sev] = id
	}
	return out, nil
}

func annotateCell(f *excelize.File, ref string, issues []report.Issue, styles map[report.Severity]int) error {
	i := strings.LastIndex(ref, "!")
	sheet, cell := ref[:i], ref[i+1:]
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		return nil
	}
	if _, _, err := excelize.CellNameToCoordinates(cell); err != nil {
		return nil // a row reference (Sheet!14): nothing to colour
	}
	sev := report.Warning
	var text []string
	for _, is := range issues {
		if is.Severity == report.Error {
			sev = report.Error
		}
		t := is.Message
		if is.Expected != "" {
			t += " — attendu : " + is.Expected
		}
		text = append(text, t)
	}
	if err := f.SetCellStyle(sheet, cell, cell, styles[sev]); err != nil {
		return err
	}
	f.DeleteComment(sheet, cell)
	return f.AddComment(sheet, excelize.Comment{Cell: cell, Author: "tddui", Text: strings.Join(text, "\n")})
}
