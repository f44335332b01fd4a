// Package record types the rows of a sheet against its template definition:
// each cell is parsed by its column's kind, and every record remembers its
// file, sheet, row and column, so that any later stage can name the cell.
package record

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/converter/source"
	"github.com/tddui/tddui/internal/terminology"
	"github.com/tddui/tddui/templates"
)

// Record is one typed row. It is kept for the whole conversion (references
// may point to it from anywhere in the file), so it is compact: the raw row
// is dropped once typed, and only the non-empty cells are kept, as their
// normalised text; typed values are parsed again when a builder asks.
type Record struct {
	Sheet  *templates.Sheet
	Row    source.Row // where it came from; Cells is nil once typed
	Key    string     // value of the key column
	Bad    bool       // an error was reported on this row
	layout *layout
	cells  []cellText // non-empty cells, in column order

	links []linkSet // the records the Ref columns name, set by the link stage
}

// linkSet is the records one Ref column names (a slice of these, in column
// order, costs far less than a map per row).
type linkSet struct {
	col int
	to  []*Record
}

// layout is shared by the records of a sheet: where each template column
// sits in the source (-1: absent from the file).
type layout struct {
	src []int // by template column index
}

// cellText is one non-empty cell: its template column and its values'
// normalised text (several values joined by valueSep).
type cellText struct {
	col  int
	text string
}

// valueSep joins the values of a multi-valued cell in memory: a character
// no spreadsheet cell holds.
const valueSep = "\x1f"

// Link is the record a single-valued Ref column names, or nil.
func (r *Record) Link(key string) *Record {
	if l := r.LinksOf(key); len(l) > 0 {
		return l[0]
	}
	return nil
}

// LinksOf are the records a Ref column names.
func (r *Record) LinksOf(key string) []*Record {
	i := r.Sheet.ColumnIndex(key)
	for _, l := range r.links {
		if l.col == i {
			return l.to
		}
	}
	return nil
}

// AddLink adds targets to a Ref column's links, keeping column order.
func (r *Record) AddLink(key string, to ...*Record) {
	i := r.Sheet.ColumnIndex(key)
	if i < 0 {
		panic("record.AddLink: no column " + key + " in " + r.Sheet.Key)
	}
	for k := range r.links {
		if r.links[k].col == i {
			r.links[k].to = append(r.links[k].to, to...)
			return
		}
	}
	at := len(r.links)
	for at > 0 && r.links[at-1].col > i {
		at--
	}
	r.links = append(r.links, linkSet{})
	copy(r.links[at+1:], r.links[at:])
	r.links[at] = linkSet{col: i, to: to}
}

// EachLink calls f for every Ref column with links, in column order.
func (r *Record) EachLink(f func(key string, to []*Record)) {
	for _, l := range r.links {
		f(r.Sheet.Columns[l.col].Key, l.to)
	}
}

// Cell names a column's cell of this record: Usagers!C14.
func (r *Record) Cell(key string) string {
	i := r.Sheet.ColumnIndex(key)
	if i < 0 || r.layout == nil || r.layout.src[i] < 0 { // column absent from the file
		return fmt.Sprintf("%s!%d", r.Row.Sheet, r.Row.Line)
	}
	name, _ := excelize.CoordinatesToCellName(r.layout.src[i]+1, r.Row.Line)
	return r.Row.Sheet + "!" + name
}

// Issue is an issue located at a column of this record.
func (r *Record) Issue(sev report.Severity, key, value, expected, msg string) report.Issue {
	i := report.Issue{Severity: sev, File: r.Row.File, Sheet: r.Row.Sheet, Line: r.Row.Line,
		Cell: r.Cell(key), Value: value, Expected: expected, Message: msg}
	if c := r.Sheet.Column(key); c != nil {
		i.Column = c.Label
	}
	return i
}

// text is the stored text of a column ("" when empty).
func (r *Record) text(key string) (string, *templates.Column) {
	i := r.Sheet.ColumnIndex(key)
	if i < 0 {
		return "", nil
	}
	for _, c := range r.cells {
		if c.col == i {
			return c.text, &r.Sheet.Columns[i]
		}
	}
	return "", &r.Sheet.Columns[i]
}

// values parses a column's values again from their normalised text: they
// were checked when the row was typed, so parsing cannot fail here.
func (r *Record) values(key string) []Value {
	t, c := r.text(key)
	if t == "" {
		return nil
	}
	kind := c.Kind
	if c.Item {
		kind = templates.Text
	}
	var out []Value
	for _, p := range strings.Split(t, valueSep) {
		v, _ := parsers[kind](c, p)
		out = append(out, v)
	}
	return out
}

func (r *Record) first(key string) (Value, bool) {
	v := r.values(key)
	if len(v) == 0 {
		return Value{}, false
	}
	return v[0], true
}

// Has says whether the column holds a value.
func (r *Record) Has(key string) bool { return len(r.values(key)) > 0 }

// Str is the text of a column ("" when empty; codes: the code).
func (r *Record) Str(key string) string {
	t, c := r.text(key)
	if c != nil && (c.Kind == templates.Text || c.Kind == templates.Ref || c.Kind == templates.File || c.Item) {
		t, _, _ = strings.Cut(t, valueSep)
		return t
	}
	v, _ := r.first(key)
	return v.Text
}

// Strs are the texts of a multi-valued column.
func (r *Record) Strs(key string) []string {
	var out []string
	for _, v := range r.values(key) {
		out = append(out, v.Text)
	}
	return out
}

// Date is a Date / DateTime column in FHIR form ("" when empty).
func (r *Record) Date(key string) string {
	v, ok := r.first(key)
	if !ok {
		return ""
	}
	return v.FHIRDate()
}

// Time is the instant of a Date / DateTime column.
func (r *Record) Time(key string) (time.Time, bool) { v, ok := r.first(key); return v.Time, ok }

// Code is the concept of a Code column.
func (r *Record) Code(key string) (terminology.Concept, bool) {
	v, ok := r.first(key)
	return v.Concept, ok
}

// Codes are the concepts of a multi-valued Code column.
func (r *Record) Codes(key string) []terminology.Concept {
	var out []terminology.Concept
	for _, v := range r.values(key) {
		out = append(out, v.Concept)
	}
	return out
}

// Bool is a Bool column; ok is false when empty.
func (r *Record) Bool(key string) (b, ok bool) { v, ok := r.first(key); return v.Bool, ok }

// Int is an Integer column.
func (r *Record) Int(key string) (int, bool) { v, ok := r.first(key); return v.Int, ok }

// Num is a Decimal / Integer column as a JSON number ("" when empty).
func (r *Record) Num(key string) string { v, _ := r.first(key); return v.Num }

// Typer turns the rows of one sheet into records.
type Typer struct {
	sheet   *templates.Sheet
	columns []*templates.Column // by source column index; nil = ignored
	layout  *layout
	rep     *report.Report
}

// NewTyper maps a sheet's header cells to the template's columns. Unknown
// headers are reported as warnings (ignored, never silently), missing
// required columns as errors at the header row.
func NewTyper(s *templates.Sheet, src source.Sheet, header []string, line int, rep *report.Report) *Typer {
	t := &Typer{sheet: s, columns: make([]*templates.Column, len(header)), rep: rep,
		layout: &layout{src: make([]int, len(s.Columns))}}
	for i := range t.layout.src {
		t.layout.src[i] = -1
	}
	seen := map[string]bool{}
	for i, h := range header {
		if strings.TrimSpace(h) == "" {
			continue
		}
		name, _ := excelize.CoordinatesToCellName(i+1, line)
		c := s.MatchColumn(h)
		switch {
		case c == nil:
			rep.Add(report.Issue{Severity: report.Warning, File: src.File(), Sheet: src.Name(), Line: line,
				Cell: src.Name() + "!" + name, Value: h, Message: unknownColumn(s)})
		case seen[c.Key]:
			rep.Add(report.Issue{Severity: report.Error, File: src.File(), Sheet: src.Name(), Line: line,
				Cell: src.Name() + "!" + name, Value: h, Message: "colonne en double, la seconde est ignorée"})
		default:
			seen[c.Key], t.columns[i] = true, c
			t.layout.src[s.ColumnIndex(c.Key)] = i
		}
	}
	for i := range s.Columns {
		if c := &s.Columns[i]; c.Required && !seen[c.Key] {
			rep.Add(report.Issue{Severity: report.Error, File: src.File(), Sheet: src.Name(), Line: line,
				Value: c.Header("fr"), Message: "colonne obligatoire absente de l'en-tête"})
		}
	}
	return t
}

// unknownColumn says what an unknown header costs: on an evaluation sheet
// it is likely an answer to a question the grid (this version) lacks.
func unknownColumn(s *templates.Sheet) string {
	if s.Questionnaire != "" {
		return "colonne inconnue du modèle, ignorée : ce n'est pas une question de la grille " + s.Questionnaire +
			" ; ses réponses ne sont pas envoyées"
	}
	return "colonne inconnue du modèle, ignorée"
}

// Record types one row; problems go to the report and mark the record Bad.
func (t *Typer) Record(row source.Row) *Record {
	r := &Record{Sheet: t.sheet, Row: row, layout: t.layout}
	texts := make([]string, len(t.sheet.Columns))
	for i, c := range t.columns {
		if c != nil && i < len(row.Cells) {
			texts[t.sheet.ColumnIndex(c.Key)] = strings.TrimSpace(row.Cells[i])
		}
	}
	r.Row.Cells = nil // typed: the raw text is not needed any more
	n := 0
	for i := range texts {
		if texts[i] != "" || t.sheet.Columns[i].Default != "" {
			n++
		}
	}
	r.cells = make([]cellText, 0, n) // exact size: kept for the whole run
	for i := range t.sheet.Columns {
		c := &t.sheet.Columns[i]
		if texts[i] == "" {
			texts[i] = c.Default
		}
		if c.Compact {
			texts[i] = strings.Join(strings.Fields(texts[i]), "")
		}
		if texts[i] != "" {
			t.typeCell(r, i, c, texts[i])
		}
		// Item cells are checked by the questionnaire engine, which knows
		// when a required item is due (not under an unanswered question).
		if c.Required && !c.Item && !r.Has(c.Key) {
			t.reject(r, r.Issue(report.Error, c.Key, "", describe(c), "cellule obligatoire vide"))
		}
	}
	r.Key = r.Str(t.sheet.KeyColumn().Key)
	return r
}

// typeCell checks a cell's values and keeps their normalised text.
func (t *Typer) typeCell(r *Record, i int, c *templates.Column, text string) {
	parts := []string{text}
	if c.Multi {
		parts = strings.Split(text, templates.Separator)
	}
	var kept []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		kind := c.Kind
		if c.Item { // typed by internal/questionnaire.Build, reported once there
			kind = templates.Text
		}
		v, expected := parsers[kind](c, p)
		switch expected {
		case "":
		case partialWarning:
			t.rep.Add(r.Issue(report.Warning, c.Key, p, "",
				"code absent de la liste embarquée (incomplète) « "+c.ValueSetData().Title+" » : envoyé sans libellé, vérifiez-le"))
		default:
			t.reject(r, r.Issue(report.Error, c.Key, p, expected, "valeur invalide"))
			continue
		}
		kept = append(kept, normalised(kind, p, v))
	}
	if len(kept) > 0 {
		r.cells = append(r.cells, cellText{col: i, text: strings.Join(kept, valueSep)})
	}
}

// normalised is the text kept for a value, from which parsing gives the
// same value again: the code for codes (the label is not needed).
func normalised(k templates.Kind, raw string, v Value) string {
	switch {
	case k == templates.Code:
		return v.Concept.Code
	case (k == templates.Date || k == templates.DateTime) && v.HasTime:
		return v.Time.Format(time.RFC3339) // read back first try
	case k == templates.Date || k == templates.DateTime:
		return v.Time.Format("2006-01-02")
	}
	return raw
}

func (t *Typer) reject(r *Record, i report.Issue) {
	r.Bad = true
	t.rep.Add(i)
}

// Reject reports an error found by a later stage on this record.
func (r *Record) Reject(rep *report.Report, key, value, expected, msg string) {
	r.Bad = true
	rep.Add(r.Issue(report.Error, key, value, expected, msg))
}

// Warn reports a warning found by a later stage on this record.
func (r *Record) Warn(rep *report.Report, key, value, msg string) {
	rep.Add(r.Issue(report.Warning, key, value, "", msg))
}
