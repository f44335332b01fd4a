package record

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Paris on machines without zoneinfo

	"github.com/tddui/tddui/internal/terminology"
	"github.com/tddui/tddui/templates"
)

// Paris is the time zone of spreadsheet dates and times: they carry none.
var Paris = mustLoad("Europe/Paris")

func mustLoad(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

// Value is one typed cell value.
type Value struct {
	Text    string              // trimmed text as read (codes: the code)
	Time    time.Time           // Date, DateTime
	HasTime bool                // DateTime given with a time of day
	Concept terminology.Concept // Code, Bool
	Bool    bool                // Bool
	Int     int                 // Integer
	Num     string              // Integer, Decimal: normalised JSON number
}

// parser turns one cell value into a Value, or says what was expected.
type parser func(c *templates.Column, s string) (Value, string)

var parsers = map[templates.Kind]parser{
	templates.Text:     func(_ *templates.Column, s string) (Value, string) { return Value{Text: s}, "" },
	templates.Ref:      func(_ *templates.Column, s string) (Value, string) { return Value{Text: s}, "" },
	templates.File:     func(_ *templates.Column, s string) (Value, string) { return Value{Text: s}, "" },
	templates.Integer:  parseInteger,
	templates.Decimal:  parseDecimal,
	templates.Date:     parseDate,
	templates.DateTime: parseDate,
	templates.Bool:     parseBool,
	templates.Code:     parseCode,
}

func parseInteger(_ *templates.Column, s string) (Value, string) {
	n, err := strconv.Atoi(strings.TrimSuffix(s, ".0"))
	if err != nil {
		return Value{}, "un nombre entier, par exemple 1"
	}
	return Value{Text: s, Int: n, Num: strconv.Itoa(n)}, ""
}

func parseDecimal(_ *templates.Column, s string) (Value, string) {
	t := strings.ReplaceAll(strings.ReplaceAll(s, "\u00a0", ""), " ", "")
	t = strings.Replace(t, ",", ".", 1)
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return Value{}, "un nombre, par exemple 2,5"
	}
	return Value{Text: s, Num: strconv.FormatFloat(f, 'f', -1, 64)}, ""
}

var boolWords = map[string]bool{
	"oui": true, "o": true, "vrai": true, "true": true, "1": true, "yes": true, "x": true,
	"non": false, "n": false, "faux": false, "false": false, "0": false, "no": false,
}

func parseBool(c *templates.Column, s string) (Value, string) {
	code := strings.ToLower(codePart(s))
	b, ok := boolWords[code]
	if !ok {
		return Value{}, "oui ou non"
	}
	v := Value{Text: s, Bool: b}
	if c.ValueSet != "" {
		v.Concept, _ = c.ValueSetData().Lookup(map[bool]string{true: "oui", false: "non"}[b])
	}
	return v, ""
}

// codePart takes "CODE - Libellé", as the dropdowns offer, down to CODE.
func codePart(s string) string {
	if i := strings.Index(s, " - "); i > 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}

func parseCode(c *templates.Column, s string) (Value, string) {
	vs := c.ValueSetData()
	code := codePart(s)
	if con, ok := vs.Lookup(code); ok {
		return Value{Text: con.Code, Concept: con}, ""
	}
	for _, con := range vs.Concepts { // the label alone
		if templates.Fold(con.Display) == templates.Fold(s) && con.Display != "" {
			return Value{Text: con.Code, Concept: con}, ""
		}
	}
	if vs.Partial && code != "" && !strings.ContainsAny(code, " \t") {
		return Value{Text: code, Concept: terminology.Concept{System: vs.System(), Code: code}}, partialWarning
	}
	return Value{}, "un code de la liste « " + vs.Title + " »" + examples(vs)
}

// partialWarning marks a code accepted from an incomplete list.
const partialWarning = "\x00partial"

func examples(vs *terminology.ValueSet) string {
	var codes []string
	for i, c := range vs.Concepts {
		if i == 5 {
			codes = append(codes, "…")
			break
		}
		codes = append(codes, c.Code)
	}
	if len(codes) == 0 {
		return ""
	}
	return " (" + strings.Join(codes, ", ") + ")"
}

// Date layouts accepted as text, besides Excel serial numbers.
var dateLayouts = []struct {
	layout  string
	hasTime bool
}{
	{"02/01/2006", false}, {"2/1/2006", false}, {"2006-01-02", false},
	{"02/01/2006 15:04", true}, {"02/01/2006 15:04:05", true}, {"2/1/2006 15:04", true},
	{"2006-01-02 15:04", true}, {"2006-01-02 15:04:05", true}, {"2006-01-02T15:04", true}, {"2006-01-02T15:04:05", true},
}

func parseDate(c *templates.Column, s string) (Value, string) {
	expected := "une date JJ/MM/AAAA"
	if c.Kind == templates.DateTime {
		expected = "une date et heure JJ/MM/AAAA HH:MM"
	}
	if len(s) == 10 && s[4] == '-' { // ISO date, as records keep them
		if t, err := time.ParseInLocation("2006-01-02", s, Paris); err == nil {
			return Value{Text: s, Time: t}, ""
		}
	}
	if len(s) >= 20 && s[10] == 'T' { // RFC 3339, as records keep date-times
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return Value{Text: s, Time: t.In(Paris), HasTime: true}, ""
		}
	}
	for _, l := range dateLayouts {
		if !sameShape(l.layout, s) {
			continue // a failed time.Parse allocates its error: a million rows try many
		}
		if t, err := time.ParseInLocation(l.layout, s, Paris); err == nil {
			if l.hasTime && c.Kind == templates.Date {
				return Value{}, expected + " (sans heure)"
			}
			return Value{Text: s, Time: t, HasTime: l.hasTime}, ""
		}
	}
	if t, hasTime, ok := excelSerial(s); ok {
		if hasTime && c.Kind == templates.Date {
			return Value{}, expected + " (sans heure)"
		}
		return Value{Text: s, Time: t, HasTime: hasTime}, ""
	}
	return Value{}, expected
}

// sameShape says whether a date text may be in a layout: same separators,
// as many colons.
func sameShape(layout, s string) bool {
	for _, sep := range "/-T" {
		if strings.ContainsRune(layout, sep) != strings.ContainsRune(s, sep) {
			return false
		}
	}
	return strings.Count(layout, ":") == strings.Count(s, ":")
}

// excelSerial reads an Excel date serial (days since 1899-12-30, the
// fraction being the time of day) as a Paris wall-clock time.
func excelSerial(s string) (time.Time, bool, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 1 || f > 2958465 {
		return time.Time{}, false, false
	}
	days := math.Floor(f)
	secs := int(math.Round((f - days) * 86400))
	d := time.Date(1899, 12, 30, 0, 0, 0, 0, Paris).AddDate(0, 0, int(days))
	t := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, secs, 0, Paris)
	return t, secs != 0, true
}

// FHIRDate renders a date (Date) or a dateTime with the Paris offset.
func (v Value) FHIRDate() string {
	if !v.HasTime {
		return v.Time.Format("2006-01-02")
	}
	return v.Time.In(Paris).Format("2006-01-02T15:04:05-07:00")
}

func describe(c *templates.Column) string {
	return fmt.Sprintf("%s (%s)", c.Label, c.Kind)
}
