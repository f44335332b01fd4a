package generate

import (
	"fmt"
	"strings"

	"github.com/tddui/tddui/internal/terminology"
	"github.com/tddui/tddui/templates"
	"github.com/xuri/excelize/v2"
)

// ListEntry is a value as the dropdown offers it: "CODE - Libellé", or the
// bare code when the label adds nothing (no label, or the code itself, as in
// oui/non). Readers accept the code alone or this form.
func ListEntry(c terminology.Concept) string {
	if c.Display == "" || strings.EqualFold(c.Display, c.Code) {
		return c.Code
	}
	return c.Code + " - " + c.Display
}

// writeLists fills the hidden lists sheet, one column per value set used by
// the template, and returns for each value set URL the absolute range its
// dropdowns point at. Excel caps an inline list at 255 characters (the
// event-type and relationship lists are longer), a range has no such cap.
// Value sets with no known code get no column and no dropdown.
func writeLists(f *excelize.File, t *templates.Template, lang string) (map[string]string, error) {
	name := ListsSheetName(lang)
	if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	ranges := map[string]string{}
	for _, s := range t.Sheets {
		for i := range s.Columns {
			vs := s.Columns[i].ValueSetData()
			if vs == nil || len(vs.Concepts) == 0 || ranges[vs.URL] != "" {
				continue
			}
			col, err := excelize.ColumnNumberToName(len(ranges) + 1)
			if err != nil {
				return nil, err
			}
			if err := writeList(f, name, col, vs); err != nil {
				return nil, err
			}
			ranges[vs.URL] = fmt.Sprintf("'%s'!$%s$2:$%s$%d", name, col, col, len(vs.Concepts)+1)
		}
	}
	// Hidden, not deleted: the dropdowns need it, the user does not.
	return ranges, f.SetSheetVisible(name, false)
}

func writeList(f *excelize.File, sheet, col string, vs *terminology.ValueSet) error {
	values := make([]any, 0, len(vs.Concepts)+1)
	values = append(values, vs.Title)
	width := len([]rune(vs.Title))
	for _, c := range vs.Concepts {
		e := ListEntry(c)
		values = append(values, e)
		width = max(width, len([]rune(e)))
	}
	if err := f.SetSheetCol(sheet, col+"1", &values); err != nil {
		return err
	}
	return f.SetColWidth(sheet, col, col, float64(min(width, 80)+2))
}

// addDropdown offers the value list of a coded column on its data rows. A
// complete list rejects other values. A partial list only warns, since the
// code may be real but unknown to us; so does a multi-valued column, whose
// "A | B" cells are never a single entry of the list.
func addDropdown(f *excelize.File, sheet string, n int, c *templates.Column, lang string, ranges map[string]string) error {
	vs := c.ValueSetData()
	if vs == nil || ranges[vs.URL] == "" || (c.Kind != templates.Code && c.Kind != templates.Bool) {
		return nil
	}
	col, err := excelize.ColumnNumberToName(n)
	if err != nil {
		return err
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, DataRows)
	dv.SetSqrefDropList(ranges[vs.URL])
	title := txtListTitle.in(lang)
	switch {
	case c.Multi:
		dv.SetError(excelize.DataValidationErrorStyleInformation, title,
			fmt.Sprintf(txtListMulti.in(lang), templates.Separator, vs.Title))
	case vs.Partial:
		dv.SetError(excelize.DataValidationErrorStyleWarning, title, fmt.Sprintf(txtListWarn.in(lang), vs.Title))
	default:
		dv.SetError(excelize.DataValidationErrorStyleStop, title, fmt.Sprintf(txtListStop.in(lang), vs.Title))
	}
	return f.AddDataValidation(sheet, dv)
}
