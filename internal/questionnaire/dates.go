package questionnaire

import (
	"regexp"
	"strconv"
	"time"
	_ "time/tzdata" // dates without offset are French local time, wherever the tool runs
)

// paris is the time zone of a date and time written without offset: FHIR
// requires one as soon as a time is given.
var paris = mustLocation("Europe/Paris")

func mustLocation(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

// fhirDate is a FHIR date, possibly partial (year, year-month).
var fhirDate = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// excelSerial is a date cell of an .xlsx file read raw: days since
// 1899-12-30, with the time of day as the fraction.
var excelSerial = regexp.MustCompile(`^\d{5}(\.\d+)?$`)

func excelTime(cell string) (time.Time, bool) {
	f, err := strconv.ParseFloat(cell, 64)
	if err != nil {
		return time.Time{}, false
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, paris)
	days := int(f)
	secs := int((f-float64(days))*86400 + 0.5)
	return base.AddDate(0, 0, days).Add(time.Duration(secs) * time.Second), true
}

func parseDate(_ *Item, cell string) (answer, bool) {
	s, ok := "", false
	switch {
	case fhirDate.MatchString(cell):
		s, ok = cell, validDate(cell)
	case excelSerial.MatchString(cell):
		var t time.Time
		t, ok = excelTime(cell)
		s = t.Format(time.DateOnly)
	default:
		var t time.Time
		t, ok = parseIn(cell, "02/01/2006", "2/1/2006")
		s = t.Format(time.DateOnly)
	}
	return answer{ValueDate: &s}, ok
}

// validDate rejects full dates that do not exist (2023-02-30).
func validDate(s string) bool {
	if len(s) < len(time.DateOnly) {
		return true
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// dateTimeLayouts are the local forms of a date and time, read in Paris time.
var dateTimeLayouts = []string{
	"02/01/2006 15:04", "02/01/2006 15:04:05", "2/1/2006 15:04", "2006-01-02T15:04", "2006-01-02T15:04:05",
	"2006-01-02 15:04", "2006-01-02 15:04:05",
}

func parseDateTime(it *Item, cell string) (answer, bool) {
	if fhirDate.MatchString(cell) {
		// A FHIR dateTime may be a bare (partial) date.
		return answer{ValueDateTime: &cell}, validDate(cell)
	}
	t, err := time.Parse(time.RFC3339, cell)
	ok := err == nil
	if !ok && excelSerial.MatchString(cell) {
		t, ok = excelTime(cell)
	}
	if !ok {
		t, ok = parseIn(cell, dateTimeLayouts...)
	}
	s := t.Format(time.RFC3339)
	return answer{ValueDateTime: &s}, ok
}

func parseIn(cell string, layouts ...string) (time.Time, bool) {
	for _, l := range layouts {
		if t, err := time.ParseInLocation(l, cell, paris); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func parseTime(_ *Item, cell string) (answer, bool) {
	for _, l := range []string{"15:04:05", "15:04"} {
		if t, err := time.Parse(l, cell); err == nil {
			s := t.Format("15:04:05")
			return answer{ValueTime: &s}, true
		}
	}
	return answer{}, false
}
