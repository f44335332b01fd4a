package questionnaire

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"
	"github.com/tddui/tddui/internal/terminology"
)

// answer is a typed QuestionnaireResponse answer.
type answer = fhir.QuestionnaireResponseItemAnswer

// kind says, for one Questionnaire item type, how a cell becomes an answer.
// parse reports false when the cell does not fit; expected then says, in
// French, what would have. Which spreadsheet column an item type becomes is
// the templates' business (templates/evaluations.go).
type kind struct {
	parse    func(it *Item, cell string) (answer, bool)
	expected func(it *Item) string
	failure  ErrorKind
}

// kinds maps Questionnaire.item.type to its kind. Types absent here (and not
// group/display) make Load fail, so that a new grid using them is noticed.
// "coding" is the R5 name of choice.
var kinds = map[string]kind{
	"boolean":     {parseBool, fixed("oui ou non"), ErrType},
	"integer":     {parseInteger, fixed("un nombre entier"), ErrType},
	"decimal":     {parseDecimal, fixed("un nombre"), ErrType},
	"date":        {parseDate, fixed("une date (JJ/MM/AAAA ou AAAA-MM-JJ)"), ErrType},
	"dateTime":    {parseDateTime, fixed("une date et heure (JJ/MM/AAAA HH:MM ou ISO 8601)"), ErrType},
	"time":        {parseTime, fixed("une heure (HH:MM ou HH:MM:SS)"), ErrType},
	"string":      {parseString, fixed("un texte"), ErrType},
	"text":        {parseString, fixed("un texte"), ErrType},
	"url":         {parseURL, fixed("une adresse (URL)"), ErrType},
	"choice":      {parseChoice, optionList, ErrOption},
	"coding":      {parseChoice, optionList, ErrOption},
	"open-choice": {parseOpenChoice, optionList, ErrOption},
}

func fixed(s string) func(*Item) string { return func(*Item) string { return s } }

// booleans are the spellings of a yes/no cell; "oui"/"non" is what the
// templates' oui-non list offers.
var booleans = map[string]bool{
	"oui": true, "o": true, "vrai": true, "true": true, "yes": true, "y": true, "1": true, "x": true,
	"non": false, "n": false, "faux": false, "false": false, "no": false, "0": false,
}

func parseBool(_ *Item, cell string) (answer, bool) {
	b, ok := booleans[terminology.Fold(cell)]
	return answer{ValueBoolean: &b}, ok
}

func parseInteger(_ *Item, cell string) (answer, bool) {
	n, err := strconv.Atoi(strings.TrimPrefix(cell, "+"))
	return answer{ValueInteger: &n}, err == nil
}

// parseDecimal keeps the cell's digits (FHIR decimals carry their
// precision) and accepts the French decimal comma.
func parseDecimal(_ *Item, cell string) (answer, bool) {
	s := strings.Replace(cell, ",", ".", 1)
	if _, err := strconv.ParseFloat(s, 64); err != nil || strings.ContainsAny(s, "eEinfINFxX_") {
		return answer{}, false
	}
	n := json.Number(jsonDecimal(s))
	return answer{ValueDecimal: &n}, true
}

// jsonDecimal writes a decimal Go parses (+01.50, .5, 5.) as a JSON number,
// keeping the digits typed after the point (FHIR decimals keep their
// precision): no plus sign, no leading zero, no bare point. Left as typed,
// "01,5" made the whole bundle fail to encode.
func jsonDecimal(s string) string {
	sign := ""
	switch {
	case strings.HasPrefix(s, "-"):
		sign, s = "-", s[1:]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	if frac != "" {
		whole += "." + frac
	}
	return sign + whole
}

func parseString(_ *Item, cell string) (answer, bool) { return answer{ValueString: &cell}, true }

func parseURL(_ *Item, cell string) (answer, bool) {
	return answer{ValueUri: &cell}, !strings.ContainsAny(cell, " \t\n")
}

func parseChoice(it *Item, cell string) (answer, bool) {
	c, ok := matchOption(it.Options, cell)
	return answer{ValueCoding: coding(c)}, ok
}

// parseOpenChoice falls back to free text, which open-choice allows.
func parseOpenChoice(it *Item, cell string) (answer, bool) {
	if c, ok := matchOption(it.Options, cell); ok {
		return answer{ValueCoding: coding(c)}, true
	}
	return answer{ValueString: &cell}, true
}

// coding copies the option as the questionnaire states it: an empty field
// stays absent rather than becoming "".
func coding(c terminology.Concept) *fhir.Coding {
	out := &fhir.Coding{}
	for _, f := range []struct {
		dst **string
		v   string
	}{{&out.System, c.System}, {&out.Code, c.Code}, {&out.Display, c.Display}} {
		if f.v != "" {
			v := f.v
			*f.dst = &v
		}
	}
	return out
}

// matchOption finds the option a cell names: its code, "CODE - Libellé" as
// the templates' drop-down lists show, or its display; exact first, then
// ignoring case and accents.
func matchOption(opts []terminology.Concept, cell string) (terminology.Concept, bool) {
	tries := []string{cell}
	if code, _, ok := strings.Cut(cell, " - "); ok {
		tries = append(tries, strings.TrimSpace(code))
	}
	for _, exact := range []bool{true, false} {
		for _, t := range tries {
			for _, o := range opts {
				if same(o.Code, t, exact) || same(o.Display, t, exact) {
					return o, true
				}
			}
		}
	}
	return terminology.Concept{}, false
}

func same(a, b string, exact bool) bool {
	if a == "" {
		return false
	}
	if exact {
		return a == b
	}
	return terminology.Fold(a) == terminology.Fold(b)
}

// optionList is the expected value of a choice item: its codes and displays.
func optionList(it *Item) string {
	parts := make([]string, len(it.Options))
	for i, o := range it.Options {
		parts[i] = o.Code
		if o.Display != "" {
			parts[i] += " (" + o.Display + ")"
		}
	}
	return "l'un des codes : " + strings.Join(parts, ", ")
}
