// Package templates defines the spreadsheet templates as data: sheets,
// columns, types, cardinalities and value lists. It is the one source read by
// the template generator, the reader's column mapping, the Lisez-moi
// documentation and the cell checks.
package templates

import (
	"fmt"
	"strings"
	"sync"

	"github.com/tddui/tddui/internal/terminology"
)

// Kind is the type of a column's cells.
type Kind string

// Column kinds. The French word is what the template documentation shows.
const (
	Text     Kind = "texte"
	Integer  Kind = "nombre entier"
	Decimal  Kind = "nombre"
	Date     Kind = "date"
	DateTime Kind = "date et heure"
	Bool     Kind = "oui/non"
	Code     Kind = "code"
	Ref      Kind = "référence"
	File     Kind = "fichier"
)

// Separator splits the values of a multi-valued cell. One convention for
// every sheet; it is not the CSV delimiter (, or ;).
const Separator = "|"

// Column is one column of a sheet.
type Column struct {
	Key      string // stable identifier, used by the builders and CSV headers' fallback
	Label    string // French header
	LabelEN  string // English header (--lang en)
	Kind     Kind
	Required bool
	Multi    bool   // several values separated by Separator
	ValueSet string // Code: canonical URL of the value set (internal/terminology)
	Ref      string // Ref: key of the sheet (or Sheet.Group) whose key column the value names
	Help     string // meaning, in French
	Example  string
	Target   string // FHIR element(s) filled, for the documentation
	Default  string // value used when the cell is empty
	// Options are the allowed codes of a Code column that has no value set
	// of its own (questionnaire answerOption), listed like a value set's.
	Options []terminology.Concept
	// SoleRow: a Ref cell left empty names the target sheet's only row
	// (the structure, in a workbook of one ESSMS).
	SoleRow bool
	// Compact: an identifier whose spaces are dropped (a NIR is often
	// typed "1 47 72 04 253 674 11").
	Compact bool
	// Item: a questionnaire item (Key = linkId). The reader keeps its text;
	// internal/questionnaire.Build types and checks it against the grid, so
	// that a wrong answer is reported once, in the grid's own terms.
	Item bool
}

// Sheet is one tab of a workbook (one CSV file).
type Sheet struct {
	Key     string // stable identifier, also the CSV file name (key + ".csv")
	Name    string // tab name, French
	NameEN  string
	Help    string // what one row is
	Profile string // main IG profile the rows become
	Columns []Column
	// Owner is the path of Ref columns from a row to the usager it belongs
	// to (["evenement", "usager"] for a transport); nil for rows shared by
	// every usager (structure, professionnels, lieux). The Usagers sheet
	// owns itself.
	Owner []string
	// index maps column keys to positions (ColumnIndex).
	index     map[string]int
	indexOnce sync.Once
	// When places a row in time for the send window: a Date/DateTime
	// column of its own, or a Ref column whose row's time it takes.
	When string
	// Questionnaire is the canonical of the evaluation grid whose items are
	// the sheet's Item columns ("" for other sheets).
	Questionnaire string
	// OwnBundle: each row of this sheet gets a bundle of its own (a projet
	// personnalisé), holding the rows whose Owner path goes through it and
	// its usager's rows that go through no row of this sheet.
	OwnBundle bool
	// Group: a Ref column naming this group names a row of any of its
	// sheets (an evaluation, on whichever grid's sheet it was typed); keys
	// are then unique across the group.
	Group string
}

// KeyColumn is the first column: the business key other sheets refer to.
func (s *Sheet) KeyColumn() *Column { return &s.Columns[0] }

// Column returns the column with this key, or nil.
func (s *Sheet) Column(key string) *Column {
	if i := s.ColumnIndex(key); i >= 0 {
		return &s.Columns[i]
	}
	return nil
}

// ColumnIndex is the position of the column with this key, -1 if none.
// The converter asks it for every cell it reads: a map, made once.
func (s *Sheet) ColumnIndex(key string) int {
	s.indexOnce.Do(func() {
		s.index = make(map[string]int, len(s.Columns))
		for i := range s.Columns {
			s.index[s.Columns[i].Key] = i
		}
	})
	if i, ok := s.index[key]; ok {
		return i
	}
	return -1
}

// Header is the header cell text: the label, with " *" on required columns.
func (c *Column) Header(lang string) string {
	l := c.Label
	if lang == "en" && c.LabelEN != "" {
		l = c.LabelEN
	}
	if c.Required {
		l += " *"
	}
	return l
}

// ValueSetData returns the column's value list, or nil for uncoded columns.
func (c *Column) ValueSetData() *terminology.ValueSet {
	if c.ValueSet == "" && len(c.Options) > 0 {
		return optionsList(c.Options)
	}
	if c.ValueSet == "" {
		return nil
	}
	return terminology.MustGet(c.ValueSet)
}

// optionsList is the value list of an answerOption list. Its URL and title
// come from the options themselves: columns offering the same answers (the
// AGGIR "qf0/qf2/qf4" of every activity) share one list in the workbook,
// under a title that fits all of them.
func optionsList(opts []terminology.Concept) *terminology.ValueSet {
	url, names := "urn:tddui:options", make([]string, len(opts))
	for i, o := range opts {
		url += ":" + o.System + "|" + o.Code
		names[i] = o.Display
		if names[i] == "" {
			names[i] = o.Code
		}
	}
	return &terminology.ValueSet{URL: url, Title: "Réponses : " + strings.Join(names, ", "), Concepts: opts}
}

// Template is a workbook: the sheets of one use case.
type Template struct {
	Key    string // "ssiad", "pp"
	Title  string
	Sheets []*Sheet
}

// Sheet returns the sheet with this key, or nil.
func (t *Template) Sheet(key string) *Sheet {
	for _, s := range t.Sheets {
		if s.Key == key {
			return s
		}
	}
	return nil
}

// RefSheets are the sheets a Ref column's value may name: the sheet whose
// key is ref, or every sheet of the group ref.
func (t *Template) RefSheets(ref string) []*Sheet {
	var out []*Sheet
	for _, s := range t.Sheets {
		if s.Key == ref || s.Group == ref {
			out = append(out, s)
		}
	}
	return out
}

// MatchSheet finds the sheet whose tab name, English name or key matches a
// tab or CSV file name, ignoring case, accents and spacing.
func (t *Template) MatchSheet(name string) *Sheet {
	n := Fold(name)
	for _, s := range t.Sheets {
		if Fold(s.Name) == n || Fold(s.NameEN) == n || Fold(s.Key) == n {
			return s
		}
	}
	return nil
}

// MatchColumn finds the column of a header cell (label in either language,
// with or without the required mark, or the column key).
func (s *Sheet) MatchColumn(header string) *Column {
	h := Fold(strings.TrimSuffix(strings.TrimSpace(header), "*"))
	for i := range s.Columns {
		c := &s.Columns[i]
		if Fold(c.Label) == h || Fold(c.LabelEN) == h || Fold(c.Key) == h {
			return c
		}
	}
	return nil
}

var registry = map[string]*Template{}

func register(t *Template) *Template {
	registry[t.Key] = t
	return t
}

// Get returns the template of a use case ("ssiad", "pp").
func Get(key string) (*Template, error) {
	t, ok := registry[strings.ToLower(key)]
	if !ok {
		return nil, fmt.Errorf("modèle inconnu %q (modèles : %s)", key, strings.Join(Keys(), ", "))
	}
	return t, nil
}

// Keys lists the registered templates.
func Keys() []string {
	var out []string
	for _, k := range []string{"ssiad", "pp"} {
		if _, ok := registry[k]; ok {
			out = append(out, k)
		}
	}
	return out
}

// Fold normalises a label for matching: lower case, no accents, single
// spaces, no surrounding punctuation (terminology.Fold, shared with the
// questionnaire engine).
func Fold(s string) string { return terminology.Fold(s) }
