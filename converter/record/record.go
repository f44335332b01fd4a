// Package record types the rows of a sheet against its template definition:
// each cell is parsed by its column's kind, and every record remembers its
// file, sheet, row and column, so that any later stage can name the cell.
package record

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
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
// is dropped once typed, the non-empty cells are packed into one string
// (their normalised text), the links into two flat slices; typed values are
// parsed again when a builder asks. A million rows must fit in a few
// hundred megabytes.
type Record struct {
	Sheet *templates.Sheet
	Row   Place  // where it came from
	Key   string // value of the key column
	Bad   bool   // an error was reported on this row
	// Sent and Reached are the writer's: the row is in a written bundle,
	// the row was needed by some usager's bundle. Flags here rather than
	// sets of a million pointers beside.
	Sent, Reached bool
	data          string // non-empty cells in column order: uvarint column, uvarint length, text

	// the records the Ref columns name, set by the link stage: links[k]
	// is named by column linkCols[k]; columns ascending, a column's
	// targets in the order they were added. Flat, so that LinksOf is a
	// sub-slice and a row with three links costs two small arrays.
	links    []*Record
	linkCols []uint16
}

// Place is where a record came from: its sheet's origin (shared by all the
// records of the sheet) and its row number.
type Place struct {
	*Origin
	Line int // 1-based row number in the sheet
}

// Origin is shared by the records of a sheet: file and tab names, and
// where each template column sits in the source.
type Origin struct {
	File  string // the workbook or CSV file
	Sheet string // tab name, or CSV file name without extension
	src   []int  // source column by template column index (-1: absent from the file)
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

// LinksOf are the records a Ref column names (not to be appended to).
func (r *Record) LinksOf(key string) []*Record {
	i := r.Sheet.ColumnIndex(key)
	a, b := -1, -1
	for k, c := range r.linkCols {
		if int(c) == i {
			if a < 0 {
				a = k
			}
			b = k + 1
		}
	}
	if a < 0 {
		return nil
	}
	return r.links[a:b:b]
}

// AddLink adds targets to a Ref column's links, keeping column order.
func (r *Record) AddLink(key string, to ...*Record) {
	i := r.Sheet.ColumnIndex(key)
	if i < 0 {
		panic("record.AddLink: no column " + key + " in " + r.Sheet.Key)
	}
	at := len(r.linkCols)
	for at > 0 && int(r.linkCols[at-1]) > i {
		at--
	}
	r.links = slices.Insert(r.links, at, to...)
	for range to {
		r.linkCols = slices.Insert(r.linkCols, at, uint16(i))
	}
}

// EachLink calls f for every Ref column with links, in column order.
func (r *Record) EachLink(f func(key string, to []*Record)) {
	for a := 0; a < len(r.linkCols); {
		b := a + 1
		for b < len(r.linkCols) && r.linkCols[b] == r.linkCols[a] {
			b++
		}
		f(r.Sheet.Columns[r.linkCols[a]].Key, r.links[a:b:b])
		a = b
	}
}

// Cell names a column's cell of this record: Usagers!C14.
func (r *Record) Cell(key string) string {
	i := r.Sheet.ColumnIndex(key)
	if i < 0 || r.Row.src[i] < 0 { // column absent from the file
		return fmt.Sprintf("%s!%d", r.Row.Sheet, r.Row.Line)
	}
	name, _ := excelize.CoordinatesToCellName(r.Row.src[i]+1, r.Row.Line)
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
	return cellOf(r.data, i), &r.Sheet.Columns[i]
}

// packCell appends a cell to a record's packed data.
func packCell(buf []byte, col int, text string) []byte {
	buf = binary.AppendUvarint(buf, uint64(col))
	buf = binary.AppendUvarint(buf, uint64(len(text)))
	return append(buf, text...)
}

// cellOf finds a column's text in packed data ("" when absent): a scan of
// a dozen cells at most, cheaper than any index kept per row.
func cellOf(data string, col int) string {
	for len(data) > 0 {
		// column and length below 128 (nearly every cell): one byte each
		c, l, n := int(data[0]), int(data[1]), 2
		if c|l >= 0x80 {
			c, l, n = cellHead(data)
		}
		data = data[n:]
		if c == col {
			return data[:l]
		}
		data = data[l:]
	}
	return ""
}

// cellHead reads a packed cell's column and length when either takes more
// than a byte; n is how many bytes they take.
func cellHead(data string) (col, length, n int) {
	c, n := uvarint(data)
	l, m := uvarint(data[n:])
	return int(c), int(l), n + m
}

// uvarint is binary.Uvarint on a string, without copying it to bytes.
func uvarint(s string) (uint64, int) {
	var x uint64
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		b := s[i]
		x |= uint64(b&0x7f) << (7 * i)
		if b < 0x80 {
			return x, i + 1
		}
	}
	panic("record: corrupt packed cells")
}

// values parses a column's values again from their normalised text: they
// were checked when the row was typed, so parsing cannot fail here.
func (r *Record) values(key string) []Value {
	t, c := r.text(key)
	if t == "" {
		return nil
	}
	var out []Value
	for _, p := range strings.Split(t, valueSep) {
		out = append(out, parseKept(c, p))
	}
	return out
}

// first is the first value, parsed alone: builders ask for single values
// far more often than for lists.
func (r *Record) first(key string) (Value, bool) {
	t, c := r.text(key)
	if t == "" {
		return Value{}, false
	}
	t, _, _ = strings.Cut(t, valueSep)
	return parseKept(c, t), true
}

// parseKept parses one normalised value of a column.
func parseKept(c *templates.Column, s string) Value {
	kind := c.Kind
	if c.Item {
		kind = templates.Text
	}
	if kind == templates.Date || kind == templates.DateTime {
		if t, hasTime, ok := readKeptDate(s); ok {
			v := Value{Time: t, HasTime: hasTime}
			v.Text = v.FHIRDate()
			return v
		}
	}
	v, _ := parsers[kind](c, s)
	return v
}

// Len is the number of values of a column.
func (r *Record) Len(key string) int {
	t, _ := r.text(key)
	if t == "" {
		return 0
	}
	return strings.Count(t, valueSep) + 1
}

// Has says whether the column holds a value (a kept text is never empty).
func (r *Record) Has(key string) bool { t, _ := r.text(key); return t != "" }

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
	t, c := r.text(key)
	if t != "" && (c.Kind == templates.Text || c.Kind == templates.Ref || c.Kind == templates.File || c.Item) {
		// kept as typed: split, not parsed (the link stage reads every
		// reference of a million rows this way)
		return strings.Split(t, valueSep)
	}
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
	return v.Text // parseKept's text of a date: its FHIR form
}

// Time is the instant of a Date / DateTime column.
func (r *Record) Time(key string) (time.Time, bool) {
	t, c := r.text(key)
	if t == "" {
		return time.Time{}, false
	}
	t, _, _ = strings.Cut(t, valueSep)
	if tm, _, ok := readKeptDate(t); ok && (c.Kind == templates.Date || c.Kind == templates.DateTime) {
		return tm, true // without formatting its text
	}
	return parseKept(c, t).Time, true
}

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
	origin  *Origin
	rep     *report.Report
	texts   []string // by template column: scratch of one row
	buf     []byte   // packed cells: scratch of one row
}

// NewTyper maps a sheet's header cells to the template's columns. Unknown
// headers are reported as warnings (ignored, never silently), missing
// required columns as errors at the header row.
func NewTyper(s *templates.Sheet, src source.Sheet, header []string, line int, rep *report.Report) *Typer {
	t := &Typer{sheet: s, columns: make([]*templates.Column, len(header)), rep: rep,
		origin: &Origin{File: src.File(), Sheet: src.Name(), src: make([]int, len(s.Columns))},
		texts:  make([]string, len(s.Columns))}
	for i := range t.origin.src {
		t.origin.src[i] = -1
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
			t.origin.src[s.ColumnIndex(c.Key)] = i
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
// A Typer serves one goroutine: it reuses its scratch buffers.
func (t *Typer) Record(row source.Row) *Record {
	r := &Record{Sheet: t.sheet, Row: Place{Origin: t.origin, Line: row.Line}}
	texts := t.texts
	clear(texts)
	for i, c := range t.columns {
		if c != nil && i < len(row.Cells) {
			texts[t.sheet.ColumnIndex(c.Key)] = strings.TrimSpace(row.Cells[i])
		}
	}
	t.buf = t.buf[:0]
	for i := range t.sheet.Columns {
		c := &t.sheet.Columns[i]
		if texts[i] == "" {
			texts[i] = c.Default
		}
		if c.Compact {
			texts[i] = strings.Join(strings.Fields(texts[i]), "")
		}
		kept := texts[i] != "" && t.typeCell(r, i, c, texts[i])
		// Item cells are checked by the questionnaire engine, which knows
		// when a required item is due (not under an unanswered question).
		if c.Required && !c.Item && !kept {
			t.reject(r, r.Issue(report.Error, c.Key, "", describe(c), "cellule obligatoire vide"))
		}
	}
	r.data = string(t.buf) // one exact copy: the source row can go
	r.Key = r.Str(t.sheet.KeyColumn().Key)
	return r
}

// typeCell checks a cell's values and packs their normalised text; it
// says whether any value was kept.
func (t *Typer) typeCell(r *Record, i int, c *templates.Column, text string) bool {
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
	if len(kept) == 0 {
		return false
	}
	t.buf = packCell(t.buf, i, strings.Join(kept, valueSep))
	return true
}

// normalised is the text kept for a value, from which parsing gives the
// same value again: the code for codes (the label is not needed).
func normalised(k templates.Kind, raw string, v Value) string {
	switch {
	case k == templates.Code:
		return v.Concept.Code
	case k == templates.Date || k == templates.DateTime:
		return keptDate(v)
	}
	return raw
}

// keptDate is how a record keeps a date: D or T (with a time of day) and
// the Unix seconds. Ten bytes where RFC 3339 took 25, and read back by
// ParseInt, not time.Parse: builders read every date several times, a
// million rows hold three each.
func keptDate(v Value) string {
	flag := "D"
	if v.HasTime {
		flag = "T"
	}
	return flag + strconv.FormatInt(v.Time.Unix(), 10)
}

// readKeptDate reads keptDate's form back, in Paris time.
func readKeptDate(s string) (t time.Time, hasTime, ok bool) {
	if len(s) < 2 || (s[0] != 'D' && s[0] != 'T') {
		return time.Time{}, false, false
	}
	n, err := strconv.ParseInt(s[1:], 10, 64)
	if err != nil {
		return time.Time{}, false, false
	}
	return time.Unix(n, 0).In(Paris), s[0] == 'T', true
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
