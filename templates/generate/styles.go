package generate

import "github.com/xuri/excelize/v2"

// Number formats of date cells: what a French user types and reads, and
// what the reader expects back from a formatted cell.
const (
	numFmtDate     = "dd/mm/yyyy"
	numFmtDateTime = "dd/mm/yyyy hh:mm"
	numFmtText     = 49 // "@": keeps FINESS, codes and keys such as 01000 or 3.2.4 as typed
)

// requiredFill marks required headers; a pale orange that stays readable
// when printed in grey.
const requiredFill = "FCE4D6"

// styles are the workbook's cell style ids.
type styles struct {
	header, required     int // header cells
	text, date, dateTime int // data columns
	title, section, para int // Read me
	tableHead, tableCell int
}

func newStyles(f *excelize.File) (*styles, error) {
	bold := &excelize.Font{Bold: true}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{requiredFill}}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	dateFmt, dateTimeFmt := numFmtDate, numFmtDateTime
	st := &styles{}
	defs := []struct {
		id    *int
		style excelize.Style
	}{
		{&st.header, excelize.Style{Font: bold}},
		{&st.required, excelize.Style{Font: bold, Fill: fill}},
		{&st.text, excelize.Style{NumFmt: numFmtText}},
		{&st.date, excelize.Style{CustomNumFmt: &dateFmt}},
		{&st.dateTime, excelize.Style{CustomNumFmt: &dateTimeFmt}},
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&st.section, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}}},
		{&st.para, excelize.Style{}},
		{&st.tableHead, excelize.Style{Font: bold, Fill: fill, Alignment: top}},
		{&st.tableCell, excelize.Style{Alignment: top}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	return st, nil
}
